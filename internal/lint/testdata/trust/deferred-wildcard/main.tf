# A data source read at apply, deferred at the address Terraform gives
# instances not known yet ([*]), and a password policy that reads it: the
# length stays unknown (info), as when the plan lists the data source in
# resource_changes (round 168: a high finding naming an impure function,
# and [*] refused the plan).
resource "terraform_data" "t" {
  input = "x"
}
data "aws_iam_policy_document" "d" {
  for_each = toset(["a"])
  statement {
    actions   = ["s3:GetObject"]
    resources = [terraform_data.t.output]
  }
}
resource "aws_iam_account_password_policy" "p" {
  minimum_password_length      = length(data.aws_iam_policy_document.d["a"].json) > 100000 ? 20 : 8
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers              = true
  require_symbols              = true
  password_reuse_prevention    = 24
  max_password_age             = 90
}
