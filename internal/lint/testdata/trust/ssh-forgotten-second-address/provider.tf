terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}
provider "aws" {
  alias = "a"
  region = "us-east-1"
  access_key = "AKIAIOSFODNN7EXAMPLE"
  secret_key = "not-a-real-secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  endpoints { sts = "http://127.0.0.1:18999" }
  assume_role { role_arn = "arn:aws:iam::111111111111:role/tf" }
}
provider "aws" {
  alias = "a2"
  region = "us-east-1"
  access_key = "AKIAIOSFODNN7EXAMPLE"
  secret_key = "not-a-real-secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  endpoints { sts = "http://127.0.0.1:18999" }
  assume_role { role_arn = "arn:aws:iam::111111111111:role/other-admin" }
}
provider "aws" {
  alias = "b"
  region = "us-east-1"
  access_key = "AKIAIOSFODNN7EXAMPLE"
  secret_key = "not-a-real-secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  endpoints { sts = "http://127.0.0.1:18999" }
  assume_role { role_arn = "arn:aws:iam::222222222222:role/tf" }
}
provider "aws" {
  region = "us-east-1"
  access_key = "AKIAIOSFODNN7EXAMPLE"
  secret_key = "not-a-real-secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  endpoints { sts = "http://127.0.0.1:18999" }
}
