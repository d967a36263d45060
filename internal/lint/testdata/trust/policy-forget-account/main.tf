# The state holds a strong policy (aws_iam_account_password_policy.old);
# the configuration lets that object go without destroying it and creates
# another, weaker one. With a second AWS provider configuration of other
# credentials, the plan no longer shows which one the old object was made
# with: it may be another account's policy, so IG109 cannot compare them
# (info).
removed {
  from = aws_iam_account_password_policy.old
  lifecycle {
    destroy = false
  }
}

resource "aws_iam_account_password_policy" "new" {
  minimum_password_length        = 14
  require_uppercase_characters   = true
  require_lowercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  max_password_age               = 90
  password_reuse_prevention      = 24
  allow_users_to_change_password = true
}

provider "aws" {
  alias                       = "prod"
  region                      = "eu-west-1"
  access_key                  = "AKIAI44QH8DHBEXAMPLE"
  secret_key                  = "not-a-real-secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
