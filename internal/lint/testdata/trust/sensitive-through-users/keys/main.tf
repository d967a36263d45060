variable "user" {}

resource "aws_iam_access_key" "a" {
  user    = var.user
  pgp_key = "keybase:ci"
}

resource "aws_iam_access_key" "b" {
  user    = var.user
  pgp_key = "keybase:ci"
}
