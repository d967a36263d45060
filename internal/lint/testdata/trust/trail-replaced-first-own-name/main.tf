# prod account: a full recorder, and the account's main trail, renamed (forces a new trail) creating first
# to the name the recorder keeps: CloudTrail refuses it, and the old trail stays
resource "aws_cloudtrail" "rec" {
  name                       = "rec"
  s3_bucket_name             = "my-trail-bucket-123"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  lifecycle { create_before_destroy = true }
}
resource "aws_cloudtrail" "main" {
  name                       = "rec"
  s3_bucket_name             = "my-trail-bucket-123"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  enable_logging             = false
  lifecycle { create_before_destroy = true }
}
# dev account: its own trail named audit
resource "aws_cloudtrail" "dev" {
  provider                   = aws.dev
  name                       = "audit"
  s3_bucket_name             = "dev-trail-bucket-123"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}
