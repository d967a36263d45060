# signing-same-kept with b replaced (-replace): c's upload of c2.pem races
# the deletion of the old b, which holds it, and the new b's upload of it,
# and IAM takes one of them (round 277: no finding, exit 0).
resource "aws_iam_signing_certificate" "b" {
  user_name        = "alice"
  certificate_body = file("${path.module}/c2.pem")
  status           = "Inactive"
}

resource "aws_iam_signing_certificate" "c" {
  user_name        = "alice"
  certificate_body = file("${path.module}/c2.pem")
}
