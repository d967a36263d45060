variable "user" {
  type = string
}

locals {
  user = var.user
}

resource "aws_iam_access_key" "this" {
  count   = 2
  user    = local.user
  pgp_key = "keybase:ops"
}
