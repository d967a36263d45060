variable "user" {
  type = string
}

locals {
  user = var.user
}

resource "aws_iam_access_key" "this" {
  user    = local.user
  pgp_key = "keybase:ci"
}
