# A refresh-only plan (see plan.kept): the trail is in prior_state only. Its
# selector reads variables marked sensitive since the state was written, so
# state marks nothing: the nested block's reads must withhold the selector.
variable "field" {
  type      = string
  sensitive = true
  default   = "userIdentity.arn"
}

variable "who" {
  type      = string
  sensitive = true
  default   = "arn:aws:iam::123456789012:user/canary-who-4417"
}

resource "aws_cloudtrail" "t" {
  name                       = "audit-trail"
  s3_bucket_name             = "bucket"
  is_multi_region_trail      = true
  enable_log_file_validation = true

  advanced_event_selector {
    name = "mgmt"
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
    field_selector {
      field      = var.field
      not_equals = [var.who]
    }
  }
}

resource "aws_iam_user" "new" {
  name = "new"
}
