# alice (force_destroy) replaced creating first under her own name, her
# certificate replaced at its address with a new body: its deletion comes
# before her new user, which IAM refuses, and the upload, which reads the
# user, never runs. alice stays without a certificate (round 278: no
# finding; IG501 info, as what the plan shows orders an upload after a
# user only maybe, round 280).
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

resource "aws_iam_signing_certificate" "a" {
  user_name        = aws_iam_user.alice.name
  certificate_body = file("${path.module}/b.pem")
}
