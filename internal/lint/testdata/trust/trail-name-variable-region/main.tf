# The default provider reads its region from a variable (us-east-1); an
# alias of the same account is in us-east-1. y, under the alias, keeps the
# name main; x, old-x before, is renamed main and so replaced destroying
# first under the default provider: its region is not followed, and it may
# be y's (round 338: no finding, where CloudTrail refuses x's new trail).
variable "r" {
  type    = string
  default = "us-east-1"
}

provider "aws" {
  alias                       = "second"
  region                      = "us-east-1"
  access_key                  = "AKIAIOSFODNN7EXAMPLE"
  secret_key                  = "not-a-real-secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

resource "aws_cloudtrail" "x" {
  name                          = "main"
  s3_bucket_name                = "logs-bucket"
  include_global_service_events = true
  is_multi_region_trail         = true
  enable_log_file_validation    = true
}

resource "aws_cloudtrail" "y" {
  provider                      = aws.second
  name                          = "main"
  s3_bucket_name                = "logs-bucket"
  include_global_service_events = true
  is_multi_region_trail         = true
  enable_log_file_validation    = true
}
