terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}

variable "env_key" {
  default = "AKIAIOSFODNN7EXAMPLE"
}

# prod and dev: constant credentials, two accounts. env: credentials read
# from a variable, which may be either account (or a third).
provider "aws" {
  region                      = "us-east-1"
  access_key                  = "AKIAPRODPRODPRODPROD"
  secret_key                  = "prod-secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

provider "aws" {
  alias                       = "dev"
  region                      = "us-east-1"
  access_key                  = "AKIADEVDEVDEVDEVDEV1"
  secret_key                  = "dev-secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

provider "aws" {
  alias                       = "env"
  region                      = "us-east-1"
  access_key                  = var.env_key
  secret_key                  = "not-a-real-secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
