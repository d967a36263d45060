# Nulls read from module outputs whose expressions read only constants (and
# local values): Terraform knows them when it plans, so the provider's
# defaults apply, as when the lines are left out (IG105, IG601 medium), by
# name or through a splat of a counted module (one(module.m[*].x) reads
# only module.m). An output read from an object known only after apply is
# unknown (IG104 info); one that passes on the module's input, given null,
# is null (IG601 medium for ops).
module "nulls" {
  source = "./modules/nulls"
  flag   = null
}

module "counted" {
  source = "./modules/constants"
  count  = 1
}

resource "aws_iam_account_password_policy" "this" {
  minimum_password_length        = 14
  require_lowercase_characters   = true
  require_uppercase_characters   = true
  require_numbers                = module.nulls.later
  require_symbols                = module.nulls.nothing
  allow_users_to_change_password = true
  password_reuse_prevention      = 24
  max_password_age               = 90
}

resource "aws_iam_user_login_profile" "ops" {
  user                    = "ops"
  pgp_key                 = "keybase:ops"
  password_reset_required = module.nulls.flag
}

resource "aws_iam_user_login_profile" "dev" {
  user                    = "dev"
  pgp_key                 = "keybase:dev"
  password_reset_required = one(module.counted[*].flags.reset)
}
