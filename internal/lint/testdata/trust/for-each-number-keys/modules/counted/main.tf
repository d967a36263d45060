terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

resource "aws_iam_user" "u" {
  count = 2
  name  = "counted-${count.index}"
}

resource "aws_iam_access_key" "by_index" {
  user    = aws_iam_user.u[1].id
  pgp_key = "keybase:ci"
}

resource "aws_iam_access_key" "by_key" {
  user    = aws_iam_user.u["01"].id
  pgp_key = "keybase:ci"
}

# Users named only after apply: the index 1 and the key "01" are one
# user, two keys.
resource "terraform_data" "suffix" {
  input = "x"
}

resource "aws_iam_user" "later" {
  count = 2
  name  = "counted-later-${count.index}-${terraform_data.suffix.output}"
}

resource "aws_iam_access_key" "later_index" {
  user    = aws_iam_user.later[1].id
  pgp_key = "keybase:ci"
}

resource "aws_iam_access_key" "later_key" {
  user    = aws_iam_user.later["01"].id
  pgp_key = "keybase:ci"
}
