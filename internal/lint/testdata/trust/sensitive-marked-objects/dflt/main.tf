# A variable declared sensitive left to its default, read through a data
# source's attribute and a local value.
variable "sv" {
  type      = string
  default   = "mona-secret"
  sensitive = true
}

data "aws_iam_policy_document" "d" {
  statement {
    sid       = var.sv
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}

locals {
  u = jsondecode(data.aws_iam_policy_document.d.json).Statement[0].Sid
}

resource "aws_iam_access_key" "a" {
  user    = local.u
  pgp_key = "keybase:ci"
}

resource "aws_iam_access_key" "b" {
  user    = local.u
  pgp_key = "keybase:ci"
}
