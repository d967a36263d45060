# for_each certificates; alice's is given a user_name read from another
# resource's attribute known only after apply (no user is replaced): not
# read from a user, the new upload is no replacement: IG501 medium for both.
locals {
  certs = { alice = "a1.pem", bob = "b1.pem" }
}
resource "aws_iam_user" "u" {
  for_each = local.certs
  name     = each.key
}
resource "terraform_data" "owner" {
  for_each = local.certs
  input    = each.key == "alice" ? "bob" : each.key
}
resource "aws_iam_signing_certificate" "c" {
  for_each         = local.certs
  user_name        = terraform_data.owner[each.key].output
  certificate_body = file("${path.module}/${each.value}")
}
