terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}
variable "profiles" { default = { prod = "acme-prod", dev = "acme-dev" } }
provider "aws" {
  region                      = "us-east-1"
  profile                     = lookup(var.profiles, "prod")
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
provider "aws" {
  alias                       = "dev"
  region                      = "us-east-1"
  profile                     = lookup(var.profiles, "dev")
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
