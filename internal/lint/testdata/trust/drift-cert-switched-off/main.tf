# A signing certificate Active as written; a defender switched it off in the
# console; the configuration catches up (status Inactive) and the operator
# runs -replace (round 104).
resource "aws_iam_signing_certificate" "c" {
  user_name        = "deployer"
  certificate_body = file("${path.module}/cert.pem")
  status           = "Inactive"
}

# A login profile that needs no reset: one finding, so that the plan tests
# something in every test that reads the fixtures.
resource "aws_iam_user_login_profile" "ops" {
  user                    = "deployer"
  password_reset_required = false
}
