# bob (force_destroy) replaced creating first under a name known only
# after apply: if it is "bob", IAM refuses the new user and bob keeps his
# certificate; if not, bob goes with it. Either way no user stays without
# it (round 278: IG501 medium). His key is judged as kept: too old
# (IG204).
resource "terraform_data" "n" {
  input            = "bob"
  triggers_replace = "2"
}

resource "aws_iam_user" "bob" {
  name          = terraform_data.n.output
  force_destroy = true

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_iam_signing_certificate" "bob" {
  user_name        = "bob"
  certificate_body = file("${path.module}/a.pem")
}

resource "aws_iam_access_key" "bob" {
  user = "bob"
}
