# The AWS provider under the local name "amazon", in two configurations:
# the default one (account A) and "other" (account B).
terraform {
  required_providers {
    amazon = { source = "hashicorp/aws", version = "5.100.0" }
  }
}
provider "amazon" {
  region                      = "us-east-1"
  access_key                  = "AKIAIOSFODNN7EXAMPLE"
  secret_key                  = "not-a-real-secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
provider "amazon" {
  alias                       = "other"
  region                      = "us-east-1"
  access_key                  = "AKIAOTHERACCOUNT0000"
  secret_key                  = "not-a-real-secret-2"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
