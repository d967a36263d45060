# PR removes the trail block; the trail was already deleted in the console. Normal plan (with refresh).
resource "aws_iam_account_password_policy" "p" {
  minimum_password_length      = 20
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers              = true
  require_symbols              = true
  max_password_age             = 90
  password_reuse_prevention    = 24
}
