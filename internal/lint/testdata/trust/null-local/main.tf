# Nulls read from local values (the plan shows none) and functions of
# constants: Terraform knows them when it plans, so the provider's defaults
# apply, as when the lines are left out (IG105, IG104, IG601 medium).
locals {
  policy  = { numbers = true }
  nothing = null
}

resource "aws_iam_account_password_policy" "this" {
  minimum_password_length        = 14
  require_lowercase_characters   = true
  require_uppercase_characters   = true
  require_numbers                = local.nothing
  require_symbols                = lookup(local.policy, "symbols", null)
  allow_users_to_change_password = true
  password_reuse_prevention      = 24
  max_password_age               = 90
}

resource "aws_iam_user_login_profile" "ops" {
  user                    = "ops"
  pgp_key                 = "keybase:ops"
  password_reset_required = tobool(null)
}
