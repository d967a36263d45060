# alice holds IAM's quota of two signing certificates: old (active) and
# spare (inactive). The plan deletes old and uploads new: nothing orders
# the deletion first, and IAM refuses the upload while both are there
# (LimitExceeded), leaving her no active certificate (round 331: no
# finding, exit 0).
resource "aws_iam_signing_certificate" "spare" {
  user_name        = "alice"
  certificate_body = file("${path.module}/good3.pem")
  status           = "Inactive"
}

resource "aws_iam_signing_certificate" "new" {
  user_name        = "alice"
  certificate_body = file("${path.module}/good2.pem")
}
