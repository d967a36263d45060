# bob's dormant (Inactive) key k2 is deleted and uploaded again at a new
# address with status = "inactive": the AWS provider does not check it, and
# IAM refuses it in the UpdateSSHPublicKey after the upload, so the key is
# Active again (round 233: info, exit 0).
resource "aws_iam_user_ssh_key" "bob_laptop" {
  username   = "bob"
  encoding   = "SSH"
  public_key = file("${path.module}/k2.pub")
  status     = "inactive"
}

# alice's Inactive key k1, username respelled "Alice": ForceNew replaces it
# with the same key, asking for "Inactive " (a trailing tab), which IAM
# refuses too.
resource "aws_iam_user_ssh_key" "k" {
  username   = "Alice"
  encoding   = "SSH"
  public_key = file("${path.module}/k1.pub")
  status     = "Inactive\t"
}
