# 2^53 + 1, which float64 rounds to 2^53 (whose low 32 bits are 0): the AWS
# provider reads it exactly and sends its low 32 bits, a reuse prevention of 1.
resource "aws_iam_account_password_policy" "p" {
  minimum_password_length        = 14
  password_reuse_prevention      = 9007199254740993
  max_password_age               = 90
  require_uppercase_characters   = true
  require_lowercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  allow_users_to_change_password = true
}
