variable "fields" {
  type = list(string)
}

resource "aws_cloudtrail" "dynamic" {
  name                       = "module-dynamic"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  advanced_event_selector {
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
    dynamic "field_selector" {
      for_each = var.fields
      content {
        field  = field_selector.value
        equals = ["x"]
      }
    }
  }
}
