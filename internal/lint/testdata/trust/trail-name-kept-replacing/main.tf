# y, main, is tainted and replaced creating first under its own name:
# CloudTrail refuses its new trail while the old one has the name, and
# Terraform keeps the old one. x, old-x before, is renamed main and so
# replaced destroying first: its new trail is refused too, after the old
# one is deleted (round 338: info, taken for a name y's deletion frees).
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

  lifecycle {
    create_before_destroy = true
  }
}
