# In the console, before the plan: the old key switched back on, the policy
# lowered from 20 to 14, the trail deleted (as the pull request writes them
# into the configuration), and the key def switched off by a defender. The
# pull request also shortens max_password_age to 80 days, an update of the
# policy, and keeps def Active, an update that switches it back on.
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
  max_password_age             = 80
  password_reuse_prevention    = 24
}
resource "aws_iam_access_key" "def" {
  user    = "deployer"
  status  = "Active"
  pgp_key = "keybase:x"
}
