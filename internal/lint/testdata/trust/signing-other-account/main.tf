# Two AWS provider configurations: each may be another account.
# State holds alice's and bob's signing certificates, made with the default
# provider. alice's leaves the configuration, so it is deleted; the only
# upload for a user named alice is in the other account, and replaces
# nothing here: IG501. bob's certificate is replaced in place (a new body),
# under the same provider configuration: a rotation.
provider "aws" {
  alias                       = "other"
  region                      = "us-east-1"
  access_key                  = "AKIAOTHERACCOUNT0000"
  secret_key                  = "not-a-real-secret-2"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

resource "aws_iam_signing_certificate" "other" {
  provider         = aws.other
  user_name        = "alice"
  certificate_body = file("${path.module}/alice.pem")
}

resource "aws_iam_signing_certificate" "bob" {
  user_name        = "bob"
  certificate_body = file("${path.module}/bob-new.pem")
}
