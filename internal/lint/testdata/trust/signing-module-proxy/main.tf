# As signing-region-alias, with the alias passed to a module that declares
# a proxy block for it. The plan cannot show that the block is a proxy,
# not a configuration of its own (the environment's credentials): it may
# be another account, so the certificates whose configuration is gone
# (alice's rotated, bob's offboarded) are IG501, false findings but never
# a pass; carol's too.
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
  access_key                  = "AKIAIOSFODNN7EXAMPLE"
  secret_key                  = "not-a-real-secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

module "cdn" {
  source    = "./modules/cdn"
  providers = { aws = aws, aws.use1 = aws.use1 }
}
