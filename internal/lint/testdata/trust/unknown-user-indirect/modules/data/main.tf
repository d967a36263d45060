variable "user" {
  type = string
}

data "aws_iam_user" "u" {
  user_name = var.user
}

resource "aws_iam_access_key" "this" {
  user    = data.aws_iam_user.u.user_name
  pgp_key = "keybase:ci"
}
