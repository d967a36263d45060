# A signing certificate Active as written; a defender switched it off in the
# console; the configuration catches up (status Inactive) and the operator
# runs -replace (round 104).
resource "aws_iam_signing_certificate" "c" {
  user_name        = "deployer"
  certificate_body = file("${path.module}/cert.pem")
  status           = "Inactive"
}
