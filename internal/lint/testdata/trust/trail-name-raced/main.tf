# x, old-x before, is renamed main and so replaced destroying first, and
# the plan makes y under the name main too: nothing orders one before the
# other, and if y is made first CloudTrail refuses x's new trail after the
# old one is deleted (round 337: no finding, exit 0).
resource "aws_cloudtrail" "x" {
  name                          = "main"
  s3_bucket_name                = "logs-bucket"
  include_global_service_events = true
  is_multi_region_trail         = true
  enable_log_file_validation    = true
}

resource "aws_cloudtrail" "y" {
  name                          = "main"
  s3_bucket_name                = "logs-bucket"
  include_global_service_events = true
  is_multi_region_trail         = true
  enable_log_file_validation    = true
}
