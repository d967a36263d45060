variable "logging" {
  type = bool
}

resource "aws_cloudtrail" "t" {
  name                          = "audit-module"
  s3_bucket_name                = "audit-logs"
  enable_log_file_validation    = true
  include_global_service_events = true
  is_multi_region_trail         = true
  enable_logging                = var.logging
}
