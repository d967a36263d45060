# An ephemeral resource's value, and terraform.applying, reach an attribute
# no IAM resource makes write-only only through ephemeralasnull, as null:
# judged as the line left out, directly, through a module's ephemeral
# output, and inside a module (round 155: info, exit 0).
ephemeral "aws_eks_cluster_auth" "c" {
  name = "cluster"
}
resource "aws_iam_account_password_policy" "this" {
  minimum_password_length      = 14
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers              = true
  require_symbols              = ephemeralasnull(ephemeral.aws_eks_cluster_auth.c.token)
  password_reuse_prevention    = 24
  max_password_age             = 90
}
resource "aws_iam_user_login_profile" "applying" {
  user                    = "bob"
  password_reset_required = ephemeralasnull(terraform.applying)
}
resource "aws_iam_user_login_profile" "output" {
  user                    = "carol"
  password_reset_required = ephemeralasnull(module.token.token) == null ? null : true
}
module "token" {
  source = "./modules/token"
}
module "profile" {
  source = "./modules/profile"
}
