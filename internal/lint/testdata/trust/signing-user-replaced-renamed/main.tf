# alice (force_destroy) replaced under a new name, alice2, her certificate
# replaced for alice2: IAM takes the new user and the old one goes with
# her certificate, which no user of hers stays without (round 280: IG501
# medium). alice2's console password needs no reset (IG601).
resource "terraform_data" "rev" {
  input = "2"
}

resource "aws_iam_user" "alice" {
  name          = "alice2"
  force_destroy = true

  lifecycle {
    replace_triggered_by = [terraform_data.rev]
  }
}

resource "aws_iam_signing_certificate" "a" {
  user_name        = aws_iam_user.alice.name
  certificate_body = file("${path.module}/b.pem")
}

resource "aws_iam_user_login_profile" "alice" {
  user = aws_iam_user.alice.name
}
