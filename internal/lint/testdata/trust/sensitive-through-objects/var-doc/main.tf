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

# A local value beside it: the plan does not show what it reads, and it
# may read an object that drops the variable's marks: withheld.
locals {
  team = "kim-ops"
}

resource "aws_iam_access_key" "c" {
  user    = local.team
  pgp_key = "keybase:ops"
}

resource "aws_iam_access_key" "d" {
  user    = local.team
  pgp_key = "keybase:ops"
}

# The variable passed on through a local value into a module that reads it
# through an object: withheld there (round 289).
locals {
  passed = var.name
}

module "pass" {
  source = "../pass"
  x      = local.passed
}
