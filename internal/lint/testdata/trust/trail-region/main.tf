# Single-region trails are created, so home_region is known only after
# apply: the region comes from the provider configuration each uses. One
# outside us-east-1 records none of IAM's events (IG702 high); the default
# provider's us-east-1 records them (IG702 medium).
variable "region" {
  type    = string
  default = "eu-central-1"
}
provider "aws" {
  alias                       = "euw1"
  region                      = "eu-west-1"
  access_key                  = "AKIAIOSFODNN7EXAMPLE"
  secret_key                  = "not-a-real-secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
provider "aws" {
  alias                       = "byvar"
  region                      = var.region
  access_key                  = "AKIAIOSFODNN7EXAMPLE"
  secret_key                  = "not-a-real-secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
resource "aws_cloudtrail" "root_alias" {
  provider                   = aws.euw1
  name                       = "trail-a"
  s3_bucket_name             = "b"
  is_multi_region_trail      = false
  enable_log_file_validation = true
}
resource "aws_cloudtrail" "root_var" {
  provider                   = aws.byvar
  name                       = "trail-v"
  s3_bucket_name             = "b"
  is_multi_region_trail      = false
  enable_log_file_validation = true
}
resource "aws_cloudtrail" "root_default" {
  name                       = "trail-d"
  s3_bucket_name             = "b"
  is_multi_region_trail      = false
  enable_log_file_validation = true
}
module "m" {
  source    = "./modules/trail"
  providers = { aws = aws.euw1 }
}
module "inherit" {
  source = "./modules/trail"
}
module "own" {
  source = "./modules/own"
}
