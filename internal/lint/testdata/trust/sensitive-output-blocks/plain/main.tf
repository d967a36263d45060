resource "aws_cloudtrail" "shown" {
  name                       = "shown"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  advanced_event_selector {
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
    field_selector {
      field  = "eventName"
      equals = ["x"]
    }
  }
}
