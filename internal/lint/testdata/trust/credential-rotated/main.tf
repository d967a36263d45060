# Rotations that bring back nothing: each credential was Active before the
# plan, is switched off now, and its key pair goes on Active elsewhere. No
# IG405 or IG503; the SSH key is shared for a moment (IG404).

# alice's certificate, about to expire, is issued again for the same key
# pair; the old one is switched off.
resource "aws_iam_signing_certificate" "alice_old" {
  user_name        = "alice"
  certificate_body = file("${path.module}/alice.pem")
  status           = "Inactive"
}

resource "aws_iam_signing_certificate" "alice_reissued" {
  user_name        = "alice"
  certificate_body = file("${path.module}/alice-reissued.pem")
}

# A deploy key moves from one user to another.
resource "aws_iam_user_ssh_key" "deploy_old" {
  username   = "deploy-old"
  encoding   = "SSH"
  public_key = trimspace(file("${path.module}/k2.pub"))
  status     = "Inactive"
}

resource "aws_iam_user_ssh_key" "deploy_new" {
  username   = "deploy-new"
  encoding   = "SSH"
  public_key = trimspace(file("${path.module}/k2.pub"))
}

# carol's certificate is renewed for the same key pair, while last year's,
# for that key pair too, stays Inactive for the record: the key pair was
# Active before the plan, and nothing comes back.
resource "aws_iam_signing_certificate" "carol_2025" {
  user_name        = "carol"
  certificate_body = file("${path.module}/carol-2025.pem")
  status           = "Inactive"
}

resource "aws_iam_signing_certificate" "carol" {
  user_name        = "carol"
  certificate_body = file("${path.module}/carol-renewed.pem")
}
