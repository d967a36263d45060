terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}
variable "profiles" { default = { prod = "acme-prod", a1 = "acme-a1", a2 = "acme-a2", a3 = "acme-a3", a4 = "acme-a4" } }
provider "aws" {
  region                      = "us-east-1"
  profile                     = lookup(var.profiles, "prod")
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
provider "aws" {
  alias                       = "a1"
  region                      = "us-east-1"
  profile                     = lookup(var.profiles, "a1")
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
provider "aws" {
  alias                       = "a2"
  region                      = "us-east-1"
  profile                     = lookup(var.profiles, "a2")
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
provider "aws" {
  alias                       = "a3"
  region                      = "us-east-1"
  profile                     = lookup(var.profiles, "a3")
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
provider "aws" {
  alias                       = "a4"
  region                      = "us-east-1"
  profile                     = lookup(var.profiles, "a4")
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
