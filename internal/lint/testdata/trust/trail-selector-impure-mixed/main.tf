# Trail selectors an impure function decides at apply, beside values that
# decide nothing or are read from another object (round 189):
# - read_only_beside: an event_selector that keeps management reads only,
#   whatever another object gives it (it records no writes), beside one
#   whose read_write_type uuid() chooses: IG705 high;
# - field: a field_selector whose field uuid() chooses: IG705 high;
# - not_ends_with: a not_ends_with condition uuid() chooses, which may drop
#   iam.amazonaws.com: IG705 high;
# - dynamic_fields: field_selector blocks made by a dynamic block over a
#   value another resource gives at apply: IG705 info.
resource "terraform_data" "sources" {
  input = ["kms.amazonaws.com"]
}

resource "terraform_data" "fields" {
  input = [{ field = "eventCategory", equals = ["Management"] }]
}

resource "aws_cloudtrail" "read_only_beside" {
  name                          = "read-only-beside"
  s3_bucket_name                = "logs"
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  event_selector {
    read_write_type                  = "ReadOnly"
    exclude_management_event_sources = terraform_data.sources.output
  }
  event_selector {
    read_write_type = uuid() == "x" ? "All" : "ReadOnly"
  }
}

resource "aws_cloudtrail" "field" {
  name                          = "field"
  s3_bucket_name                = "logs"
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  advanced_event_selector {
    field_selector {
      field  = uuid() == "x" ? "eventCategory" : "eventName"
      equals = ["Management"]
    }
  }
}

resource "aws_cloudtrail" "not_ends_with" {
  name                          = "not-ends-with"
  s3_bucket_name                = "logs"
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  advanced_event_selector {
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
    field_selector {
      field         = "eventSource"
      not_ends_with = [uuid() == "x" ? "kms.amazonaws.com" : "iam.amazonaws.com"]
    }
  }
}

resource "aws_cloudtrail" "dynamic_fields" {
  name                          = "dynamic-fields"
  s3_bucket_name                = "logs"
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  advanced_event_selector {
    dynamic "field_selector" {
      for_each = terraform_data.fields.output
      content {
        field  = field_selector.value.field
        equals = field_selector.value.equals
      }
    }
  }
}
