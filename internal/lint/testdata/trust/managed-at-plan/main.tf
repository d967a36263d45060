# Settings read from other resources' attributes. One whose every instance
# the plan leaves as it is (a no-op) is known when Terraform plans, as a
# data source read then is: a setting it leaves null is null, as `= null`
# is, and judged with the default (round 208: info, exit 0); so is one of
# no instances (round 210). One the plan changes may be known only after
# apply: what reads it stays unknown.

resource "terraform_data" "flags" { input = "off" }    # in state: a no-op
resource "terraform_data" "changing" { input = "new" } # in state as "old": an update
resource "terraform_data" "each" {                     # in state: both no-ops
  for_each = toset(["a", "b"])
  input    = "off"
}

resource "aws_iam_account_password_policy" "this" {
  minimum_password_length        = 14
  require_uppercase_characters   = true
  require_lowercase_characters   = true
  require_numbers                = true
  require_symbols                = terraform_data.flags.output == "on" ? true : null # IG105 medium
  password_reuse_prevention      = terraform_data.flags.output == "on" ? 24 : null   # IG106 medium
  max_password_age               = terraform_data.flags.output == "on" ? 90 : null   # IG107 medium
  allow_users_to_change_password = true
}

resource "aws_iam_user_login_profile" "noop" {
  user                    = "alice"
  password_reset_required = terraform_data.flags.output == "on" ? true : null # IG601 medium
}

resource "aws_iam_user_login_profile" "each" {
  user                    = "bob"
  password_reset_required = terraform_data.each["a"].output == "on" ? true : null # IG601 medium
}

resource "terraform_data" "none" { # no instances, none in state
  count = 0
  input = "off"
}

resource "aws_iam_user_login_profile" "none" {
  user                    = "frank"
  password_reset_required = one(terraform_data.none[*].output) == "on" ? true : null # IG601 medium
}

resource "aws_iam_user_login_profile" "changing" {
  user                    = "carol"
  password_reset_required = terraform_data.changing.output == "on" ? true : null # info
}

resource "aws_iam_user_login_profile" "on" {
  user                    = "dave"
  password_reset_required = terraform_data.flags.output == "off" ? true : null # none
}

module "inner" { # its own terraform_data, a no-op: IG601 medium
  source = "./mod"
  user   = "erin"
}
