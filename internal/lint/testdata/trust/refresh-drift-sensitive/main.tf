# Outside Terraform, the trail's selector was changed to drop management
# events; its data resource still names a bucket read from a variable made
# sensitive since the state was written. The refresh-only plan accepts the
# change: IG705, with nothing of the bucket's ARN shown.
variable "audit_bucket_arn" {
  type      = string
  sensitive = true
  default   = "arn:aws:s3:::CANARYdriftbucket7/"
}

resource "aws_cloudtrail" "t" {
  name                       = "main"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true

  event_selector {
    read_write_type           = "All"
    include_management_events = true

    data_resource {
      type   = "AWS::S3::Object"
      values = [var.audit_bucket_arn]
    }
  }
}
