# The state holds a strong policy (old); it is let go without being
# destroyed, and a weaker one is made through the us-east-1 alias. The
# alias reads the same credentials as the default configuration (variables
# both): they may be one account, and are not shown to be two, so IG109
# compares them (medium).
removed {
  from = aws_iam_account_password_policy.old
  lifecycle {
    destroy = false
  }
}

resource "aws_iam_account_password_policy" "new" {
  provider                       = aws.use1
  minimum_password_length        = 14
  require_uppercase_characters   = true
  require_lowercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  max_password_age               = 90
  password_reuse_prevention      = 24
  allow_users_to_change_password = true
}
