# State as written: minimum length 20. The policy is deleted in the console
# first; the pull request writes 14, so Terraform creates it again (round 102).
resource "aws_iam_account_password_policy" "p" {
  minimum_password_length      = 14
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers              = true
  require_symbols              = true
  max_password_age             = 90
  password_reuse_prevention    = 24
}
