# A refresh-only plan (see plan.kept): the trails are in prior_state only.
# Their selectors are made by dynamic blocks, which the plan's configuration
# does not show, and read variables marked sensitive since the state was
# written, so state marks nothing: the selectors must be withheld.
variable "field" {
  type      = string
  sensitive = true
  default   = "userIdentity.arn"
}

variable "fields" {
  type      = map(list(string))
  sensitive = true
  default = {
    "eventCategory"    = ["Management"]
    "userIdentity.arn" = ["arn:aws:iam::123456789012:user/canary-inner-3391"]
  }
}

# The selector block made by a dynamic block.
resource "aws_cloudtrail" "outer" {
  name                       = "outer"
  s3_bucket_name             = "bucket"
  is_multi_region_trail      = true
  enable_log_file_validation = true

  dynamic "advanced_event_selector" {
    for_each = ["mgmt"]
    content {
      name = advanced_event_selector.value
      field_selector {
        field  = "eventCategory"
        equals = ["Management"]
      }
      field_selector {
        field      = var.field
        not_equals = ["x"]
      }
    }
  }
}

# The field selectors within a block made by a dynamic block.
resource "aws_cloudtrail" "inner" {
  name                       = "inner"
  s3_bucket_name             = "bucket"
  is_multi_region_trail      = true
  enable_log_file_validation = true

  advanced_event_selector {
    name = "mgmt"
    dynamic "field_selector" {
      for_each = nonsensitive(toset(keys(var.fields)))
      content {
        field  = field_selector.value
        equals = var.fields[field_selector.value]
      }
    }
  }
}

resource "aws_iam_user" "new" {
  name = "new"
}
