module "relay" {
  source = "../relay"
}

locals {
  len = module.relay.y
}

resource "aws_iam_account_password_policy" "p" {
  minimum_password_length      = local.len
  require_symbols              = true
  require_numbers              = true
  require_uppercase_characters = true
  require_lowercase_characters = true
  password_reuse_prevention    = 24
  max_password_age             = 90
}
