# A variable declared sensitive, read through a data source's attribute,
# which Terraform leaves unmarked.
variable "name" {
  sensitive = true
  default   = "frank-secret"
}

data "aws_iam_policy_document" "d" {
  statement {
    sid       = var.name
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}

resource "aws_iam_access_key" "a" {
  user = jsondecode(data.aws_iam_policy_document.d.json).Statement[0].Sid
}

resource "aws_iam_access_key" "b" {
  user = jsondecode(data.aws_iam_policy_document.d.json).Statement[0].Sid
}
