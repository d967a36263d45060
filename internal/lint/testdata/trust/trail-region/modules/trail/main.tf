resource "aws_cloudtrail" "t" {
  name                       = "trail-m"
  s3_bucket_name             = "b"
  is_multi_region_trail      = false
  enable_log_file_validation = true
}
