# bob's dormant (Inactive) key k2 is deleted and uploaded again at a new address
# with status = "": the AWS provider sends no UpdateSSHPublicKey on create
# (old "" == new ""), so the key is uploaded Active.
resource "aws_iam_user_ssh_key" "bob_laptop" {
  username   = "bob"
  encoding   = "SSH"
  public_key = file("${path.module}/k2.pub")
  status     = ""
}

# alice's Inactive key k1, username respelled "Alice": ForceNew replaces it
# with the same key; status = "" is unset to the SDK, so the new upload is Active.
resource "aws_iam_user_ssh_key" "k" {
  username   = "Alice"
  encoding   = "SSH"
  public_key = file("${path.module}/k1.pub")
  status     = ""
}
