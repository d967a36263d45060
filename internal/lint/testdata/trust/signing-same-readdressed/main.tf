# alice's certificate (c1.pem) at "old" is removed from the configuration
# and uploaded again at "new", with no moved block: nothing orders the
# deletion before the upload, which IAM refuses while the old one is held
# (DuplicateCertificate), after which alice has none (round 266: no
# finding).
resource "aws_iam_signing_certificate" "new" {
  user_name        = "alice"
  certificate_body = file("${path.module}/c1.pem")
}
