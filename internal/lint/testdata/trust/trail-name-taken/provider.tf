terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}

variable "region" {
  default = "us-east-1"
}

variable "access_key" {
  default = "AKIAIOSFODNN7EXAMPLE"
}

# The region read from a variable: its trails share one region, whichever.
provider "aws" {
  region                      = var.region
  access_key                  = var.access_key
  secret_key                  = "not-a-real-secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

# Two more configurations with the same credentials: one account.
provider "aws" {
  alias                       = "b"
  region                      = "us-east-1"
  access_key                  = var.access_key
  secret_key                  = "not-a-real-secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

provider "aws" {
  alias                       = "c"
  region                      = "us-east-1"
  access_key                  = var.access_key
  secret_key                  = "not-a-real-secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
