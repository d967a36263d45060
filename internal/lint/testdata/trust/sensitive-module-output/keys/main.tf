variable "user" {
  type = string
}

resource "aws_iam_access_key" "this" {
  count   = 2
  user    = var.user
  pgp_key = "keybase:ops"
}
