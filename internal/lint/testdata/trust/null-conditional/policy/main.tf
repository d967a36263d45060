variable "symbols" {}

resource "aws_iam_account_password_policy" "this" {
  minimum_password_length        = 14
  require_lowercase_characters   = true
  require_uppercase_characters   = true
  require_numbers                = true
  require_symbols                = var.symbols
  allow_users_to_change_password = true
  password_reuse_prevention      = 24
  max_password_age               = 90
}
