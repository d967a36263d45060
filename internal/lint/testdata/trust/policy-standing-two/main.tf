# Two objects of the account's one policy stand (a refactor that copied it
# into a module before removing the old one): whichever was applied last is
# the policy AWS holds, so a new one is weaker where it is weaker than
# either. The root object sorts first and is the weaker in length.
resource "aws_iam_account_password_policy" "legacy" {
  minimum_password_length      = 14
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

module "next" {
  source = "./baseline"
  length = 14
  reuse  = 5
}
