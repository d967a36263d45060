# alice leaves the prod account: her signing certificate there is deleted.
# One is uploaded for a user alice of the dev account, which replaces
# nothing in prod: IG501.
locals {
  prod_signers = {}
  dev_signers  = { alice = "alice-dev.pem" }
}

resource "aws_iam_signing_certificate" "prod" {
  provider         = aws.prod
  for_each         = local.prod_signers
  user_name        = each.key
  certificate_body = file("${path.module}/${each.value}")
}

resource "aws_iam_signing_certificate" "dev" {
  provider         = aws.dev
  for_each         = local.dev_signers
  user_name        = each.key
  certificate_body = file("${path.module}/${each.value}")
}
