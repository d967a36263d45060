variable "length" {}
variable "reuse" {}

resource "aws_iam_account_password_policy" "this" {
  minimum_password_length      = var.length
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers              = true
  require_symbols              = true
  max_password_age             = 90
  password_reuse_prevention    = var.reuse
}
