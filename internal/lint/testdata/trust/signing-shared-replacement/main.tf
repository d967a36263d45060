# Signing certificates replaced by new uploads.
# - alice's Active certificate gives way to bob's, which bob keeps Active:
#   IAM refuses the upload (DuplicateCertificate) once alice's is deleted,
#   or two users would sign with one credential. No sound replacement:
#   IG501.
# - carol's is renewed for her key pair: no finding.
resource "aws_iam_signing_certificate" "alice" {
  user_name        = "alice"
  certificate_body = file("${path.module}/bob.pem")
}

resource "aws_iam_signing_certificate" "bob" {
  user_name        = "bob"
  certificate_body = file("${path.module}/bob.pem")
}

resource "aws_iam_signing_certificate" "carol" {
  user_name        = "carol"
  certificate_body = file("${path.module}/carol-renewed.pem")
}
