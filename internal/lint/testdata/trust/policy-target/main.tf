# The state holds a strong policy (aws_iam_account_password_policy.old),
# gone from the configuration; the plan is made with -target on a new,
# weaker one (plan.args). The account has one policy: the new one replaces it.
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
