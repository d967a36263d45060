# A second AWS provider configuration for another region (us-east-1 for an
# ACM certificate) that reads the root's credentials from the same
# variables may be the same account, and is not shown to be another:
# objects whose configuration is gone are judged as with one. alice's
# certificate is rotated (the old resource removed, a new one added) and
# bob is offboarded with his: no finding. carol's is deleted and not
# replaced: IG501.
resource "aws_iam_signing_certificate" "alice_2027" {
  user_name        = "alice"
  certificate_body = file("${path.module}/alice-2027.pem")
}

resource "aws_iam_user" "carol" {
  name = "carol"
}

provider "aws" {
  alias                       = "use1"
  region                      = "us-east-1"
  access_key                  = var.access_key
  secret_key                  = var.secret_key
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

resource "aws_acm_certificate" "cdn" {
  provider          = aws.use1
  domain_name       = "cdn.example.com"
  validation_method = "DNS"
}
