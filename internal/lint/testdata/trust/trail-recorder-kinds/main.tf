# What counts as another trail recording IAM's events in full (round 294),
# all in one account, each in state and recording in full before the plan:
# - plain leaves out global service events beside local, which records
#   them: IG701 info;
# - org, the organization trail, leaves them out too: local records the
#   management account's alone, not the member accounts' that org did:
#   IG701 high;
# - backup, made by the plan with a name CloudTrail refuses (two dashes in
#   a row), counts for none, nor would any trail the plan makes.
resource "aws_cloudtrail" "org" {
  name                          = "org"
  s3_bucket_name                = "logs"
  is_multi_region_trail         = true
  is_organization_trail         = true
  include_global_service_events = false
  enable_log_file_validation    = true
}

resource "aws_cloudtrail" "local" {
  name                       = "local"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}

resource "aws_cloudtrail" "plain" {
  name                          = "plain"
  s3_bucket_name                = "logs"
  is_multi_region_trail         = true
  include_global_service_events = false
  enable_log_file_validation    = true
}

resource "aws_cloudtrail" "backup" {
  name                       = "backup--trail"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}
