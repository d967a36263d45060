# alice holds a (inactive, kept) and b (active), which is given a new body,
# replaced deleting first. d uploads another certificate for a user known
# only after apply, who may be alice: nothing orders it before or after b's
# new one, and with both alice holds three, which IAM refuses (round 334: no
# finding, where the same plan naming alice gave IG501 info).
resource "terraform_data" "u" {
  input = "alice"
}

resource "aws_iam_signing_certificate" "a" {
  user_name        = "alice"
  certificate_body = file("${path.module}/c1.pem")
  status           = "Inactive"
}

resource "aws_iam_signing_certificate" "b" {
  user_name        = "alice"
  certificate_body = file("${path.module}/c3.pem")
}

resource "aws_iam_signing_certificate" "d" {
  user_name        = terraform_data.u.output
  certificate_body = file("${path.module}/c4.pem")
}
