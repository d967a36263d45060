# The same weak settings written as `= null`: AWS applies the same policy,
# so iamguard must judge it the same.
resource "aws_iam_account_password_policy" "this" {
  minimum_password_length        = 14
  require_lowercase_characters   = true
  require_uppercase_characters   = true
  require_numbers                = true
  require_symbols                = null
  allow_users_to_change_password = null
  password_reuse_prevention      = 24
  max_password_age               = 90
}

resource "aws_iam_user_login_profile" "ops" {
  user                    = "ops"
  password_reset_required = null
}
