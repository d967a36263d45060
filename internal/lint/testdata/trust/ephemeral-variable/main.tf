# Ephemeral root variables are never in the plan's variables, and reach a
# resource's attribute only through ephemeralasnull: as null, so the AWS
# default applies, as when the line is left out.
variable "symbols" {
  type      = string
  ephemeral = true
}
variable "reset" {
  type      = bool
  ephemeral = true
}
resource "aws_iam_account_password_policy" "this" {
  minimum_password_length      = 14
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers              = true
  require_symbols              = ephemeralasnull(var.symbols)
  password_reuse_prevention    = 24
  max_password_age             = 90
}
resource "aws_iam_user_login_profile" "root" {
  user                    = "bob"
  password_reset_required = ephemeralasnull(var.reset)
}
module "profile" {
  source = "./modules/profile"
  reset  = var.reset
}
