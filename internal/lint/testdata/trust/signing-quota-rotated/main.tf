# alice holds IAM's quota of two signing certificates, a and b, and both
# are given new bodies, each replaced deleting first (Terraform's default):
# she never holds more than two, and IAM refuses neither (round 334: IG501
# info on both). Her access key keeps its secret in state (IG202), so that
# the plan gives a finding.
resource "aws_iam_signing_certificate" "a" {
  user_name        = "alice"
  certificate_body = file("${path.module}/c3.pem")
}

resource "aws_iam_signing_certificate" "b" {
  user_name        = "alice"
  certificate_body = file("${path.module}/c4.pem")
}

resource "aws_iam_access_key" "k" {
  user = "alice"
}
