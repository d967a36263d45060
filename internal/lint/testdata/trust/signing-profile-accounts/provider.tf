terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}

variable "org" {
  default = "acme"
}

# Two accounts, whose profiles are read from one variable: the plan writes
# both as the variable's references alone, so they cannot be told alike.
provider "aws" {
  alias                       = "prod"
  region                      = "eu-west-1"
  profile                     = "${var.org}-prod"
  shared_config_files         = ["${path.module}/aws_config"]
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

provider "aws" {
  alias                       = "dev"
  region                      = "eu-west-1"
  profile                     = "${var.org}-dev"
  shared_config_files         = ["${path.module}/aws_config"]
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
