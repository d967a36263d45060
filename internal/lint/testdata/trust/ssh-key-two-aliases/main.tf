# One SSH key of one user managed at two addresses, under two provider
# configurations that read their credentials alike (one account, say two
# regions): one user, one key, not shared (round 356: IG404 "in 2
# accounts").
locals {
  k = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA/Htd68+i51EKEiOeTINHmtIQQIZn/WIMD3Iegk0eTA "
}

resource "aws_iam_user_ssh_key" "east" {
  provider   = aws.east
  username   = "ci"
  encoding   = "SSH"
  public_key = local.k
}

resource "aws_iam_user_ssh_key" "west" {
  provider   = aws.west
  username   = "ci"
  encoding   = "SSH"
  public_key = local.k
}

# A finding, as every case gives one.
resource "aws_iam_access_key" "k" {
  provider = aws.east
  user     = "ci"
}
