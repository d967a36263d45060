variable "user" {
  type = string
}

module "inner" {
  source = "../inner"
  user   = var.user
}

resource "aws_iam_access_key" "this" {
  user    = module.inner.user
  pgp_key = "keybase:ci"
}
