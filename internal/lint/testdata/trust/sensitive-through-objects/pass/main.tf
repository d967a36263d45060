# Passes its input on through a data source's attribute, which keeps no
# marks.
variable "x" {}

data "aws_iam_policy_document" "d" {
  statement {
    sid       = var.x
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}

resource "aws_iam_access_key" "a" {
  user    = "${jsondecode(data.aws_iam_policy_document.d.json).Statement[0].Sid}-pass"
  pgp_key = "keybase:ci"
}

resource "aws_iam_access_key" "b" {
  user    = "${jsondecode(data.aws_iam_policy_document.d.json).Statement[0].Sid}-pass"
  pgp_key = "keybase:ci"
}
