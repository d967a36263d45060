# The configuration behind plan.tofu.json and plan.terraform.json: the same
# risky IAM changes planned by OpenTofu and by Terraform, to show that
# iamguard reads both alike. To remake the plans (no AWS account needed):
#
#   export TF_CLI_CONFIG_FILE=$PWD/mirror.tfrc   # the provider from a local mirror
#   tofu init && tofu plan -out tfplan && tofu show -json tfplan > plan.tofu.json
#   terraform init && terraform plan -out tfplan && terraform show -json tfplan > plan.terraform.json
terraform {
  required_providers {
    aws = {
      # Spelled out: OpenTofu would otherwise look in registry.opentofu.org.
      source  = "registry.terraform.io/hashicorp/aws"
      version = "5.100.0"
    }
  }
}

# Dummy credentials: planning these resources makes no AWS call.
provider "aws" {
  region                      = "us-east-1"
  access_key                  = "AKIAIOSFODNN7EXAMPLE"
  secret_key                  = "not-a-real-secret-key"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
}

resource "aws_iam_account_password_policy" "this" {
  minimum_password_length        = 8
  require_uppercase_characters   = true
  require_lowercase_characters   = true
  require_numbers                = true
  require_symbols                = false
  allow_users_to_change_password = true
}

resource "aws_iam_user" "ci" {
  name = "ci"
}

resource "aws_iam_access_key" "ci" {
  user = aws_iam_user.ci.name
}

resource "aws_iam_user_login_profile" "alice" {
  user                    = "alice"
  password_reset_required = false
}

resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "audit-logs"
  enable_logging        = false
  is_multi_region_trail = false
}
