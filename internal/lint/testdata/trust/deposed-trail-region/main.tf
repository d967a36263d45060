# State: only a deposed multi-region trail (a failed create_before_destroy's
# old object). The plan destroys it and creates the current object: a
# single-region trail in us-west-2, which records none of IAM's events.
resource "aws_cloudtrail" "t" {
  name                       = "iam-trail"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = false
  enable_log_file_validation = true
}
