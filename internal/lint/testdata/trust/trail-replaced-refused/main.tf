# A trail renamed (ForceNew) to a name CloudTrail refuses, which the AWS
# provider checks only for its length: DeleteTrail runs, then CreateTrail
# fails, leaving no trail (round 233: no finding, exit 0).
resource "aws_cloudtrail" "a" {
  name                       = "old trail!"
  s3_bucket_name             = "b"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}
