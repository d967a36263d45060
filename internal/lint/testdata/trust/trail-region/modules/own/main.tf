# A module with a provider configuration of its own, in eu-west-1.
provider "aws" {
  region                      = "eu-west-1"
  access_key                  = "AKIAIOSFODNN7EXAMPLE"
  secret_key                  = "not-a-real-secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
resource "aws_cloudtrail" "t" {
  name                       = "trail-own"
  s3_bucket_name             = "b"
  is_multi_region_trail      = false
  enable_log_file_validation = true
}
