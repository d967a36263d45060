# State holds two dormant (Inactive) credentials of alice, which this plan
# keeps as they are. Their key material uploaded again is Active again
# (IG405, IG503), though the dormant object stays.

# alice's Inactive SSH key stays; the same key is uploaded for bob.
resource "aws_iam_user_ssh_key" "alice_old" {
  username   = "alice"
  encoding   = "SSH"
  public_key = file("${path.module}/k2.pub")
  status     = "Inactive"
}

resource "aws_iam_user_ssh_key" "bob" {
  username   = "bob"
  encoding   = "SSH"
  public_key = file("${path.module}/k2.pub")
}

# alice's Inactive signing certificate stays; a certificate issued again
# for the same key pair is uploaded, Active.
resource "aws_iam_signing_certificate" "alice_old" {
  user_name        = "alice"
  certificate_body = file("${path.module}/alice.pem")
  status           = "Inactive"
}

resource "aws_iam_signing_certificate" "alice_reissued" {
  user_name        = "alice"
  certificate_body = file("${path.module}/alice-reissued.pem")
}
