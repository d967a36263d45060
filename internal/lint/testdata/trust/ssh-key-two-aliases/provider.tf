terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}
variable "ak" { default = "AKIAIOSFODNN7EXAMPLE" }
variable "sk" { default = "not-a-real-secret" }
provider "aws" {
  alias                       = "east"
  region                      = "us-east-1"
  access_key                  = var.ak
  secret_key                  = var.sk
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
provider "aws" {
  alias                       = "west"
  region                      = "eu-west-1"
  access_key                  = var.ak
  secret_key                  = var.sk
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
