# Two AWS accounts: prod (its own credentials) keeps its strong policy untouched;
# the sandbox account (default provider) gets its own, weaker policy.
provider "aws" {
  alias                       = "prod"
  region                      = "us-east-1"
  access_key                  = "AKIAI44QH8DHBEXAMPLE"
  secret_key                  = "not-a-real-secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
resource "aws_iam_account_password_policy" "prod" {
  provider                       = aws.prod
  minimum_password_length        = 20
  require_uppercase_characters   = true
  require_lowercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  max_password_age               = 60
  password_reuse_prevention      = 24
  allow_users_to_change_password = true
}
resource "aws_iam_account_password_policy" "sandbox" {
  minimum_password_length        = 12
  require_uppercase_characters   = true
  require_lowercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  max_password_age               = 90
  password_reuse_prevention      = 24
  allow_users_to_change_password = true
}
