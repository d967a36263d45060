# One user managed at two addresses (imported twice), renamed through one:
# the other, left as it is or forgotten, is the same user, not one that
# keeps the old name. A key made for the old name is made before the
# rename and goes with it (round 148): beside the standing key, two active
# keys (round 355: no finding, the new key taken for another user's).
resource "aws_iam_user" "a" {
  name          = "ci-new"
  force_destroy = true
}

resource "aws_iam_user" "b" {
  name          = "ci"
  force_destroy = true
}

resource "aws_iam_access_key" "k1" {
  user = "ci"
}

resource "aws_iam_access_key" "k2" {
  user    = "ci"
  pgp_key = "keybase:someone"
}

resource "aws_iam_user" "c" {
  name          = "svc-new"
  force_destroy = true
}

removed {
  from = aws_iam_user.d

  lifecycle {
    destroy = false
  }
}

resource "aws_iam_access_key" "m1" {
  user = "svc"
}

resource "aws_iam_access_key" "m2" {
  user    = "svc"
  pgp_key = "keybase:someone"
}
