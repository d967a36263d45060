# The weak settings of null-set, reached through variables: a root variable
# that is null, a module input given null (through two modules), and
# each.value of a for_each over a variable. AWS applies the same policy as
# `= null`, so iamguard must judge it the same. The login profiles named
# "unknown-*" read values Terraform knows only after apply: those stay
# unknown (info).
variable "symbols" {
  type    = bool
  default = null
}

variable "profiles" {
  type = map(object({ reset = optional(bool) }))
  default = {
    each-null = {}
  }
}

resource "aws_iam_account_password_policy" "this" {
  minimum_password_length        = 14
  require_lowercase_characters   = true
  require_uppercase_characters   = true
  require_numbers                = true
  require_symbols                = var.symbols
  allow_users_to_change_password = true
  password_reuse_prevention      = 24
  max_password_age               = 90
}

module "outer" {
  source = "./modules/outer"
  reset  = null
}

resource "aws_iam_user_login_profile" "each" {
  for_each                = var.profiles
  user                    = each.key
  password_reset_required = each.value.reset
}

resource "aws_iam_user" "u" {
  name = "unknown-source"
}

resource "aws_iam_user_login_profile" "from_resource" {
  user                    = "unknown-resource"
  password_reset_required = aws_iam_user.u.unique_id == "" ? null : true
}

module "from_resource" {
  source = "./modules/inner"
  user   = "unknown-module"
  reset  = aws_iam_user.u.unique_id != ""
}
