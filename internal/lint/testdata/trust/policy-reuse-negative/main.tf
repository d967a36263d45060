# A policy whose reuse prevention state holds as 0 (none) updated to -1,
# which IAM refuses: IG106, but not IG109, since 0 keeps no password from
# reuse that -1 would (round 189).
resource "aws_iam_account_password_policy" "p" {
  minimum_password_length      = 14
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers              = true
  require_symbols              = true
  max_password_age             = 90
  password_reuse_prevention    = -1
}
