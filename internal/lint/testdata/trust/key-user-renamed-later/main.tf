# alice, with a standing active key, renamed to a name known only after
# apply ("carol"), and a key made for "carol" outright: IAM moves the old
# key with its user, so carol ends with two active keys (round 266: no
# finding).
resource "terraform_data" "n" { input = "carol" }

resource "aws_iam_user" "a" { name = terraform_data.n.output }

resource "aws_iam_access_key" "old" {
  user = "alice"
}

resource "aws_iam_access_key" "new" {
  user       = "carol"
  pgp_key    = "keybase:x"
  depends_on = [aws_iam_user.a]
}
