# Users replaced in a targeted plan: their signing certificates are left out
# of its changes, but the provider deletes them with a user that has
# force_destroy (IG501 for alice). Without it IAM refuses to delete bob,
# who holds a certificate, and nothing is removed.
resource "aws_iam_user" "alice" {
  name          = "alice"
  force_destroy = true
}

resource "aws_iam_signing_certificate" "alice" {
  user_name        = aws_iam_user.alice.name
  certificate_body = file("${path.module}/alice.pem")
}

resource "aws_iam_user" "bob" {
  name = "bob"
}

resource "aws_iam_signing_certificate" "bob" {
  user_name        = aws_iam_user.bob.name
  certificate_body = file("${path.module}/bob.pem")
}
