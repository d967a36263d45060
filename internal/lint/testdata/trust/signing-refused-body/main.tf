# alice's Active signing certificate c is deleted (gone from the
# configuration) and c_2026 uploaded for her, its body led by a line with an
# en dash: IAM takes only tabs, line ends and U+0020 to U+00FF in a body
# (and at most 16,384 of them), so the upload fails and alice is left with
# none. The parser skips the line and read the certificate as a sound
# replacement (round 234: no finding, exit 0).
resource "aws_iam_signing_certificate" "c_2026" {
  user_name        = "alice"
  certificate_body = "Subject: alice – CI signing (2026)\n${file("${path.module}/new.pem")}"
}
