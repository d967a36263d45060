# alice's certificate a (c1.pem) is deleted, b (c2.pem) switched off, and
# c uploads c2.pem again as her active one: IAM refuses it while b holds
# it (DuplicateCertificate), so alice is left with no active certificate
# (round 266: no finding, exit 0).
resource "aws_iam_signing_certificate" "b" {
  user_name        = "alice"
  certificate_body = file("${path.module}/c2.pem")
  status           = "Inactive"
}

resource "aws_iam_signing_certificate" "c" {
  user_name        = "alice"
  certificate_body = file("${path.module}/c2.pem")
}
