# Weak settings left out: the AWS defaults apply.
resource "aws_iam_account_password_policy" "this" {
  minimum_password_length      = 14
  require_lowercase_characters = true
  require_uppercase_characters = true
  require_numbers              = true
  password_reuse_prevention    = 24
  max_password_age             = 90
}

resource "aws_iam_user_login_profile" "ops" {
  user = "ops"
}
