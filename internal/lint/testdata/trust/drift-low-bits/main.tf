# The state as written holds minimum_password_length 4294967302 (what IAM got of it: 6);
# someone then raised it to 24 in the console; this pull request lowers it to 16.
resource "aws_iam_account_password_policy" "p" {
  minimum_password_length        = 16
  require_uppercase_characters   = true
  require_lowercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  allow_users_to_change_password = true
  max_password_age               = 90
  password_reuse_prevention      = 24
}
