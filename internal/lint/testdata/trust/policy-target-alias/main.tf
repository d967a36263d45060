# The strong policy (aws_iam_account_password_policy.old) stays in the
# configuration and in state; the plan is made with -target on a new, weaker
# one (plan.args). A second AWS provider configuration, for another region,
# is used by neither: both policies are of the default one, so of one
# account, and the new policy replaces the old one's.
resource "aws_iam_account_password_policy" "old" {
  minimum_password_length        = 20
  require_uppercase_characters   = true
  require_lowercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  max_password_age               = 60
  password_reuse_prevention      = 24
  allow_users_to_change_password = true
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
