# sensitive() of a constant, read through a data source's attribute.
data "aws_iam_policy_document" "d" {
  statement {
    sid       = sensitive("lily-secret")
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}

resource "aws_iam_access_key" "a" {
  user    = jsondecode(data.aws_iam_policy_document.d.json).Statement[0].Sid
  pgp_key = "keybase:ci"
}

resource "aws_iam_access_key" "b" {
  user    = jsondecode(data.aws_iam_policy_document.d.json).Statement[0].Sid
  pgp_key = "keybase:ci"
}
