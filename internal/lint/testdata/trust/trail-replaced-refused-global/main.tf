# Trails renamed (ForceNew) beside a trail that records IAM's events in
# full. CloudTrail refuses a multi-region trail without global service
# events (InvalidParameterCombinationException), which the AWS provider
# does not check: DeleteTrail runs, CreateTrail fails, and the account has
# one trail fewer (round 349: IG701 info, exit 0).
resource "aws_cloudtrail" "rec" {
  name                       = "rec"
  s3_bucket_name             = "my-trail-bucket-123"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}

resource "aws_cloudtrail" "t" {
  name                          = "t-new"
  s3_bucket_name                = "my-trail-bucket-123"
  is_multi_region_trail         = true
  include_global_service_events = false
  enable_log_file_validation    = true
}

# The same combination, one value known only after apply: info.
resource "terraform_data" "flag" {
  input = false
}

resource "aws_cloudtrail" "u" {
  name                          = "u-new"
  s3_bucket_name                = "my-trail-bucket-123"
  is_multi_region_trail         = true
  include_global_service_events = terraform_data.flag.output
  enable_log_file_validation    = true
}

# Sound: renamed, recording as before.
resource "aws_cloudtrail" "v" {
  name                       = "v-new"
  s3_bucket_name             = "my-trail-bucket-123"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}
