# Two objects of the account's one policy stand, as in policy-standing-two
# (planned without a refresh, each shows its own last values). The root
# one is raised in place from 14 to 16: AWS may hold the module's 20, which
# the update then lowers (round 301: compared with its own before alone,
# no IG109). The module's object, a no-op, sets nothing.
resource "aws_iam_account_password_policy" "legacy" {
  minimum_password_length      = 16
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers              = true
  require_symbols              = true
  max_password_age             = 90
  password_reuse_prevention    = 24
}

module "baseline" {
  source = "./baseline"
  length = 20
  reuse  = 5
}
