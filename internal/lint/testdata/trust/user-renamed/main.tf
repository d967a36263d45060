# alice is renamed to bob in place (UpdateUser takes her access keys, SSH
# keys and signing certificates with her), and a new user takes the name
# alice. Credentials that still name "alice" but stand from before the plan
# are bob's; those the plan makes for "alice" are the new user's.
resource "aws_iam_user" "a" {
  name = "bob"
}

resource "aws_iam_user" "c" {
  name = "alice"
}

# bob keeps k1 and gets k2: two active keys (IG203).
resource "aws_iam_access_key" "k1" {
  user    = "alice"
  pgp_key = "keybase:x"
}

resource "aws_iam_access_key" "k2" {
  user    = aws_iam_user.a.name
  pgp_key = "keybase:x"
}

# bob keeps s1; the new alice is given the same key (IG404).
resource "aws_iam_user_ssh_key" "s1" {
  username   = "alice"
  encoding   = "SSH"
  public_key = "SSH_KEY_PLACEHOLDER"
}

resource "aws_iam_user_ssh_key" "s2" {
  username   = aws_iam_user.c.name
  encoding   = "SSH"
  public_key = "SSH_KEY_PLACEHOLDER"
}

# bob's signing certificate (old, in state) is deleted; the upload is for
# the new alice, not for bob (IG501).
resource "aws_iam_signing_certificate" "new" {
  user_name        = aws_iam_user.c.name
  certificate_body = file("${path.module}/new.pem")
}
