# Users renamed (UpdateUser) whose credentials were made through the west
# alias, which reads the same credentials as the default configuration in
# another region: IAM moves them with their users (round 251: each passed,
# exit 0, the alias not shown to be the same account).

# deploy-old is renamed deploy, and its active key goes with it; a new key
# is made for deploy, which ends with two (IG203).
resource "aws_iam_user" "u" {
  name = "deploy" # was deploy-old
}

resource "aws_iam_access_key" "old" {
  provider = aws.west
  user     = "deploy-old"
  pgp_key  = "keybase:x"
}

resource "aws_iam_access_key" "new" {
  user    = aws_iam_user.u.name
  pgp_key = "keybase:x"
}

# alice is renamed bob, and her certificate, deleted, goes with her; a new
# user takes the name alice, with a certificate of its own: bob is left
# with none (IG501).
resource "aws_iam_user" "s" {
  name = "bob" # was alice
}

resource "aws_iam_user" "n" {
  provider   = aws.west
  name       = "alice"
  depends_on = [aws_iam_user.s]
}

# alice's, in state: deleted, its configuration kept with count = 0, which
# shows it made through the alias.
resource "aws_iam_signing_certificate" "old" {
  count            = 0
  provider         = aws.west
  user_name        = "alice"
  certificate_body = ""
}

resource "aws_iam_signing_certificate" "new" {
  provider         = aws.west
  user_name        = aws_iam_user.n.name
  certificate_body = file("${path.module}/new.pem")
}

# gina is renamed gina2, and a new user takes the name gina, with a key; a
# key made through the alias for gina, after the new user is made, is the
# new gina's, never gina2's: two (IG203; round 255: no finding).
resource "aws_iam_user" "g" {
  name = "gina2" # was gina
}

resource "aws_iam_user" "h" {
  name       = "gina"
  depends_on = [aws_iam_user.g]
}

resource "aws_iam_access_key" "h" {
  user    = aws_iam_user.h.name
  pgp_key = "keybase:x"
}

resource "aws_iam_access_key" "w" {
  provider   = aws.west
  user       = "gina"
  pgp_key    = "keybase:x"
  depends_on = [aws_iam_user.h]
}
