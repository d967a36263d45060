# A trail for data events alone, without global service events (AWS's
# advice for a second trail), added beside one in state that records IAM's
# events in full: IG701 and IG705 are info on it (round 293: both high,
# exit 1). The same trail beside a recorder that does not validate its log
# files stays high: that account has no trail recording IAM's events in
# full. (A recorder the plan makes counts for none: CloudTrail may refuse
# it, round 294.)
resource "aws_cloudtrail" "main" {
  name                          = "acme-main"
  s3_bucket_name                = "acme-cloudtrail"
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
}

resource "aws_cloudtrail" "data" {
  name                          = "acme-data-events"
  s3_bucket_name                = "acme-cloudtrail"
  s3_key_prefix                 = "data"
  is_multi_region_trail         = true
  include_global_service_events = false
  enable_log_file_validation    = true

  event_selector {
    read_write_type           = "All"
    include_management_events = false
    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3:::acme-pii/"]
    }
  }
}

provider "aws" {
  alias                       = "other"
  region                      = "us-east-1"
  access_key                  = "AKIAI44QH8DHBEXAMPLE"
  secret_key                  = "not-a-real-secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

resource "aws_cloudtrail" "other_main" {
  provider                      = aws.other
  name                          = "other-main"
  s3_bucket_name                = "other-cloudtrail"
  is_multi_region_trail         = true
  include_global_service_events = true
}

resource "aws_cloudtrail" "other_data" {
  provider                      = aws.other
  name                          = "other-data-events"
  s3_bucket_name                = "other-cloudtrail"
  is_multi_region_trail         = true
  include_global_service_events = false
  enable_log_file_validation    = true

  event_selector {
    read_write_type           = "All"
    include_management_events = false
    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3:::other-pii/"]
    }
  }
}
