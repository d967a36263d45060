# Users and their signing certificates by for_each; alice's user is
# replaced (plan.args), so her certificate, which reads her user's ID, is
# uploaded again for a user known only after apply. It may be hers: IG501
# info, not a false medium (a per-instance user is not resolved).
locals {
  certs = { alice = "a1.pem", bob = "b1.pem" }
}

resource "aws_iam_user" "u" {
  for_each = local.certs
  name     = each.key
}

resource "aws_iam_signing_certificate" "c" {
  for_each         = local.certs
  user_name        = aws_iam_user.u[each.key].id
  certificate_body = file("${path.module}/${each.value}")
}
