# Account A (aws): a user named only after apply ("alice") with key k1,
# beside a key for "alice" given outright: k1 may be alice's second key.
# Account B (aws.b) has its own "alice", which is not A's (round 267: it
# hid the note), and a standing key of "deploy", which a user B creates
# named only after apply cannot be (round 267: a note on svc).
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

resource "aws_iam_user" "b" {
  provider = aws.b
  name     = "alice"
}

resource "aws_iam_access_key" "deploy" {
  provider = aws.b
  user     = "deploy"
  pgp_key  = "keybase:x"
}

resource "terraform_data" "suffix" { input = "7f3a" }

resource "aws_iam_user" "svc" {
  provider = aws.b
  name     = "svc-${terraform_data.suffix.output}"
}

resource "aws_iam_access_key" "svc" {
  provider = aws.b
  user     = aws_iam_user.svc.name
  pgp_key  = "keybase:x"
}
