# Takes a whole aws_iam_user, as modules often do, and reads its tags.
variable "user" {}

resource "aws_iam_access_key" "a" {
  user    = var.user.tags["key_holder"]
  pgp_key = "keybase:ci"
}

resource "aws_iam_access_key" "b" {
  user    = var.user.tags["key_holder"]
  pgp_key = "keybase:ci"
}
