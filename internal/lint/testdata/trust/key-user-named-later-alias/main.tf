# key-user-named-later with the key for "alice" made through a region
# alias that reads the same credentials, which may be the same account
# (round 270: no note, the alias taken for another account).
resource "terraform_data" "n" { input = "alice" }

resource "aws_iam_user" "a" { name = terraform_data.n.output }

resource "aws_iam_access_key" "k1" {
  user    = aws_iam_user.a.name
  pgp_key = "keybase:x"
}

resource "aws_iam_access_key" "k2" {
  provider   = aws.west
  user       = "alice"
  pgp_key    = "keybase:x"
  depends_on = [aws_iam_user.a]
}
