# alice is replaced; her certificate names her by ID, known only after
# apply, and is uploaded again for the new alice: a sound replacement. dave
# stays, and his certificate is deleted (IG501).
resource "aws_iam_user" "alice" {
  name          = "alice"
  force_destroy = true
}

resource "aws_iam_signing_certificate" "alice" {
  user_name        = aws_iam_user.alice.id
  certificate_body = file("${path.module}/alice.pem")
}

resource "aws_iam_user" "dave" {
  name = "dave"
}
