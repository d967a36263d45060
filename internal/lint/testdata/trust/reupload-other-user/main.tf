# alice's SSH key and signing certificate were switched off. bob held the
# same SSH key and a certificate for the same key pair, Active; the plan
# deletes bob's and uploads alice's again, Active: for alice, both come
# back (IG405, IG503). Only the same user holding the key Active before
# the plan makes an upload a renewal. (Deleting bob's active certificate
# with no replacement is IG501.)
resource "aws_iam_user_ssh_key" "ssh_alice" {
  username   = "alice"
  encoding   = "PEM"
  public_key = file("${path.module}/k.pem")
  status     = "Active"
}

resource "aws_iam_signing_certificate" "cert_alice" {
  user_name        = "Alice"
  certificate_body = file("${path.module}/alice.pem")
}
