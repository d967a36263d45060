variable "user" {
  type = string
}

resource "aws_iam_access_key" "blue" {
  user    = var.user
  pgp_key = "keybase:ci"
}

resource "aws_iam_access_key" "green" {
  user    = var.user
  pgp_key = "keybase:ci"
}
