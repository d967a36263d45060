# alice holds a and b, and both get new bodies, each replaced deleting
# first; b's new one is for a user known only after apply (alice). She
# never holds more than two, whoever b's user is (round 336: IG501 info on
# both). Her access key keeps its secret in state (IG202), so that the plan
# gives a finding.
resource "terraform_data" "u" {
  input = "alice"
}

resource "aws_iam_signing_certificate" "a" {
  user_name        = "alice"
  certificate_body = file("${path.module}/c3.pem")
}

resource "aws_iam_signing_certificate" "b" {
  user_name        = terraform_data.u.output
  certificate_body = file("${path.module}/c4.pem")
}

resource "aws_iam_access_key" "k" {
  user = "alice"
}
