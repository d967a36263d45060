# One trail managed at two addresses (imported twice: the same ARN, the
# same name in the same region). Logging stopped through one stops the
# account's only trail: the other address is not another trail that
# records IAM's events (round 349: IG703 info, exit 0).
resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "my-trail-bucket-123"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}

resource "aws_cloudtrail" "dup" {
  name                       = "main"
  s3_bucket_name             = "my-trail-bucket-123"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  enable_logging             = false
}
