# A trail in state whose selector stops recording management events: an
# update. Nothing is sensitive; the nested blocks' marks (maps) join as
# marks, so IG705 shows its details.
resource "aws_cloudtrail" "t" {
  name                          = "trail1"
  s3_bucket_name                = "bucket1"
  is_multi_region_trail         = true
  enable_log_file_validation    = true
  include_global_service_events = true
  enable_logging                = true
  event_selector {
    include_management_events = false
    read_write_type           = "All"
  }
}
