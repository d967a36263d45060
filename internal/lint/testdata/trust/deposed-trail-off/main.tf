# State: the current aws_cloudtrail.t has logging stopped; the old, logging
# trail object is deposed (failed create_before_destroy). The plan destroys it.
resource "aws_cloudtrail" "t" {
  name                          = "iam-trail"
  s3_bucket_name                = "logs"
  enable_logging                = false
  enable_log_file_validation    = true
  include_global_service_events = true
  is_multi_region_trail         = true
}
