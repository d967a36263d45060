# Signing certificates replaced by uploads that another user holds too, in
# other spellings than a constant user name (see signing-shared-replacement):
# IAM refuses a certificate the account holds already (DuplicateCertificate),
# whatever its status, so none is a sound replacement (IG501):
# - alice's, held by bob, a new user named by ID (known only after apply);
# - dave's, held by frank while Inactive;
# - erin's, held by gina with a status known only after apply.
resource "aws_iam_user" "bob" {
  name = "bob"
}

resource "aws_iam_signing_certificate" "alice" {
  user_name        = "alice"
  certificate_body = file("${path.module}/shared-x.pem")
}

resource "aws_iam_signing_certificate" "bob" {
  user_name        = aws_iam_user.bob.id
  certificate_body = file("${path.module}/shared-x.pem")
}

resource "aws_iam_signing_certificate" "dave" {
  user_name        = "dave"
  certificate_body = file("${path.module}/shared-y.pem")
}

resource "aws_iam_signing_certificate" "frank" {
  user_name        = "frank"
  certificate_body = file("${path.module}/shared-y.pem")
  status           = "Inactive"
}

resource "terraform_data" "status" {
  input = "Active"
}

resource "aws_iam_signing_certificate" "erin" {
  user_name        = "erin"
  certificate_body = file("${path.module}/shared-z.pem")
}

resource "aws_iam_signing_certificate" "gina" {
  user_name        = "gina"
  certificate_body = file("${path.module}/shared-z.pem")
  status           = terraform_data.status.output
}
