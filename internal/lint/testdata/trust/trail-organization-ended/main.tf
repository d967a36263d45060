# Organization trails made trails of their own account: each member
# account's copy is deleted, as if its trail were destroyed (IG704).

# In place.
resource "aws_cloudtrail" "off" {
  name                          = "org-off"
  s3_bucket_name                = "org-trail-logs"
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  is_organization_trail         = false
}

# Replaced by a new trail of the account alone.
resource "aws_cloudtrail" "replaced" {
  name                          = "org-replaced-v2"
  s3_bucket_name                = "org-trail-logs"
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  lifecycle {
    create_before_destroy = true
  }
}

# A deposed organization trail destroyed, the current object an account's.
resource "aws_cloudtrail" "deposed" {
  name                          = "org-deposed-v2"
  s3_bucket_name                = "org-trail-logs"
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  lifecycle {
    create_before_destroy = true
  }
}

# Stays an organization trail, renamed: nothing is lost.
resource "aws_cloudtrail" "kept" {
  name                          = "org-kept-v2"
  s3_bucket_name                = "org-trail-logs"
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  is_organization_trail         = true
  lifecycle {
    create_before_destroy = true
  }
}
