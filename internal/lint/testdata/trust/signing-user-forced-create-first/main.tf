# alice (force_destroy) replaced creating first under her own name: IAM
# refuses the new alice, so the old one and her certificate and key stay
# (round 276: IG501 on the certificate, though her key was judged kept).
resource "terraform_data" "rev" {
  input = "2"
}

resource "aws_iam_user" "alice" {
  name          = "alice"
  force_destroy = true

  lifecycle {
    create_before_destroy = true
    replace_triggered_by  = [terraform_data.rev]
  }
}

resource "aws_iam_signing_certificate" "alice" {
  user_name        = aws_iam_user.alice.name
  certificate_body = file("${path.module}/alice.pem")
}

resource "aws_iam_access_key" "alice" {
  user = "alice"
}
