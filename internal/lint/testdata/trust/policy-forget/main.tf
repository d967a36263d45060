# The state holds a strong policy (aws_iam_account_password_policy.old);
# the configuration lets that object go without destroying it and creates
# another, weaker one. The account has one policy: the new one replaces it.
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
