# The pull request switches the old key back on, lowers the policy from 20 to 14 and drops the trail block.
# console-first: the same three were done in the console before the plan (refreshed); direct: not.
resource "aws_iam_access_key" "old" {
  user    = "deployer"
  status  = "Active"
  pgp_key = "keybase:x"
}
resource "aws_iam_account_password_policy" "p" {
  minimum_password_length      = 14
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers              = true
  require_symbols              = true
  max_password_age             = 90
  password_reuse_prevention    = 24
}
