# Nulls read from module outputs that read other values Terraform knows when
# it plans: a data source it reads then, another module's output, a managed
# resource the plan leaves as it is, the module's own input given null. Each
# is null, so the provider's default applies, as when the line is left out
# (IG601 medium; round 225: each was info, exit 0). So is one read from a
# module called with count = 0, which has no instance (round 227). An output
# read from an object the plan creates is known only after apply (IG601
# info).
module "data" {
  source = "./modules/data"
}

module "nested" {
  source = "./modules/nested"
}

module "managed" {
  source = "./modules/managed"
}

module "input" {
  source = "./modules/input"
  reset  = null
}

module "later" {
  source = "./modules/later"
}

module "none" {
  source = "./modules/later"
  count  = 0
}

resource "aws_iam_user_login_profile" "data" {
  user                    = "data"
  pgp_key                 = "keybase:data"
  password_reset_required = module.data.reset
}

resource "aws_iam_user_login_profile" "nested" {
  user                    = "nested"
  pgp_key                 = "keybase:nested"
  password_reset_required = module.nested.reset
}

resource "aws_iam_user_login_profile" "managed" {
  user                    = "managed"
  pgp_key                 = "keybase:managed"
  password_reset_required = module.managed.reset
}

resource "aws_iam_user_login_profile" "input" {
  user                    = "input"
  pgp_key                 = "keybase:input"
  password_reset_required = module.input.reset
}

resource "aws_iam_user_login_profile" "later" {
  user                    = "later"
  pgp_key                 = "keybase:later"
  password_reset_required = module.later.reset
}

resource "aws_iam_user_login_profile" "none" {
  user                    = "none"
  pgp_key                 = "keybase:none"
  password_reset_required = one(module.none[*].reset)
}
