# alice's certificate c replaced creating first (create_before_destroy) with
# a body IAM refuses (an en dash before the PEM block): the upload fails, the
# apply stops, and c, deleted only after it, stays. No IG501 (round 236: a
# false IG501 once refused bodies replaced nothing).
resource "aws_iam_signing_certificate" "c" {
  user_name        = "alice"
  certificate_body = "Subject: alice – CI signing (2026)\n${file("${path.module}/new.pem")}"

  lifecycle {
    create_before_destroy = true
  }
}

# A finding beside it, so that the plan tests the attributes kept too.
resource "aws_iam_user_login_profile" "alice" {
  user                    = "alice"
  password_reset_required = false
}
