# alice is renamed bob, and her certificate, deleted, goes with her; a new
# user takes the name alice, and a certificate is uploaded for that user:
# bob is left with none (round 250: taken for bob's replacement, exit 0).
resource "aws_iam_user" "u" {
  name = "bob" # was alice
}

resource "aws_iam_user" "n" {
  name       = "alice"
  depends_on = [aws_iam_user.u]
}

# aws_iam_signing_certificate.old, alice's in state, is removed.

resource "aws_iam_signing_certificate" "new" {
  user_name        = aws_iam_user.n.name
  certificate_body = file("${path.module}/new.pem")
}
