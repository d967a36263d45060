# A user whose name is known only after apply ("alice" here), with a key
# that reads it, beside a key for "alice" given outright: alice ends with
# two active keys (round 266: no finding; read through terraform_data
# directly, the user was IG203 at info).
resource "terraform_data" "n" { input = "alice" }

resource "aws_iam_user" "a" { name = terraform_data.n.output }

resource "aws_iam_access_key" "k1" {
  user    = aws_iam_user.a.name
  pgp_key = "keybase:x"
}

resource "aws_iam_access_key" "k2" {
  user       = "alice"
  pgp_key    = "keybase:x"
  depends_on = [aws_iam_user.a]
}
