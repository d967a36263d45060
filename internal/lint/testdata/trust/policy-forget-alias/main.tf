# The state holds a strong policy (aws_iam_account_password_policy.old);
# the configuration lets that object go without destroying it and creates
# another, weaker one. A second AWS provider configuration for another
# region alone (the same credentials) is the same account, wherever the
# old object was made: IG109 compares them.
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
  alias                       = "eu"
  region                      = "eu-west-1"
  access_key                  = "AKIAIOSFODNN7EXAMPLE"
  secret_key                  = "not-a-real-secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
