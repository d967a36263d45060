# Selector values written as numbers that float64 reads alike (2^53 + 1 and
# 2^53) but Terraform converts to two different strings: two blocks of the
# set, not one. Beside an impure function the blocks written out are matched
# with the plan's, and the impure value is judged at IG705's own severity.
resource "aws_cloudtrail" "numbers_2p53" {
  name                       = "numbers-2p53"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  advanced_event_selector {
    name = "management"
    field_selector {
      field  = "eventCategory"
      equals = [timestamp() == "" ? "Management" : "Data"]
    }
    field_selector {
      field      = "eventSource"
      not_equals = [9007199254740993]
    }
    field_selector {
      field      = "eventSource"
      not_equals = [9007199254740992]
    }
  }
}

# A number and the string Terraform converts it to: one block of the set.
resource "aws_cloudtrail" "number_and_string" {
  name                       = "number-and-string"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  advanced_event_selector {
    name = "management"
    field_selector {
      field  = "eventCategory"
      equals = [timestamp() == "" ? "Management" : "Data"]
    }
    field_selector {
      field      = "eventSource"
      not_equals = [9007199254740993]
    }
    field_selector {
      field      = "eventSource"
      not_equals = ["9007199254740993"]
    }
  }
}

