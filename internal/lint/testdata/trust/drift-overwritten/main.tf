# State as written: minimum length 20. Lowered to 8 in the console before the
# plan; the pull request sets 14, an update from 8 (round 102).
resource "aws_iam_account_password_policy" "p" {
  minimum_password_length      = 14
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers              = true
  require_symbols              = true
  max_password_age             = 90
  password_reuse_prevention    = 24
}
