# State holds four dormant (Inactive) credentials. An SSH key or signing
# certificate is its key material: uploaded again, it is the same
# credential, Active again (IG405, IG503), whether the old object is
# replaced or deleted at one address and uploaded at another.

# Respelling the user name (IAM names are case-insensitive) replaces the
# key with itself: IG405.
resource "aws_iam_user_ssh_key" "k" {
  username   = "Alice"
  encoding   = "SSH"
  public_key = file("${path.module}/k1.pub")
  status     = "Active"
}

# aws_iam_user_ssh_key.gone (bob's k2) is deleted and the same key uploaded
# at a new address: IG405.
resource "aws_iam_user_ssh_key" "bob_laptop" {
  username   = "bob"
  encoding   = "SSH"
  public_key = file("${path.module}/k2.pub")
}

# aws_iam_user_ssh_key.other (carol's k3) is deleted and another key
# uploaded: a new credential, no IG405.
resource "aws_iam_user_ssh_key" "carol_new" {
  username   = "carol"
  encoding   = "SSH"
  public_key = file("${path.module}/k4.pub")
}

# The same certificate, the user name respelled, status left to its
# default (Active): IG503.
resource "aws_iam_signing_certificate" "s" {
  user_name        = "Alice"
  certificate_body = file("${path.module}/alice.pem")
}
