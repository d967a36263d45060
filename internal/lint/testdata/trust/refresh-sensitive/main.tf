# A refresh-only plan whose state was written before the user's variable
# was made sensitive: the plan marks nothing (it has no changes to mark).
# Every attribute set from other than a constant is withheld, so the name
# never shows; IG203 still judges the keys.
#
# plan.json was made by Terraform 1.11 and the AWS provider 5.100.0 with
# -refresh-only, against a fake IAM endpoint (provider.tf) that served
# account.json; see plan.kept.

variable "u" {
  type      = string
  sensitive = true
  default   = "canary-user-7731"
}

resource "aws_iam_access_key" "a" {
  user    = var.u
  pgp_key = "keybase:x"
}

resource "aws_iam_access_key" "b" {
  user    = var.u
  pgp_key = "keybase:x"
}
