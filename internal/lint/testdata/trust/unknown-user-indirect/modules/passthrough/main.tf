variable "user" {
  type = string
}

resource "terraform_data" "u" {
  input = var.user
}

resource "aws_iam_access_key" "this" {
  user    = terraform_data.u.output
  pgp_key = "keybase:ci"
}
