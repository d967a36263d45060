# A minimum length of 0: the AWS provider sends no zero argument, so IAM
# applies its default of 6, as if the line were deleted.
resource "aws_iam_account_password_policy" "this" {
  minimum_password_length        = 0
  require_lowercase_characters   = true
  require_uppercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  allow_users_to_change_password = true
  password_reuse_prevention      = 24
  max_password_age               = 90
}
