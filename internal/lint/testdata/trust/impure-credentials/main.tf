# Credentials whose status or user an impure function chooses at apply
# (timestamp() is never "", so each is what the weak branch says): judged
# at the rule's own severity, as written plainly (round 109: info, exit 0).

# A second active key for deployer.
resource "aws_iam_access_key" "deployer_a" {
  user    = "deployer"
  pgp_key = "keybase:x"
}

resource "aws_iam_access_key" "deployer_b" {
  user    = "deployer"
  pgp_key = "keybase:x"
  status  = timestamp() == "" ? "Inactive" : "Active"
}

# A second key for carol, whose name is chosen at apply.
resource "aws_iam_access_key" "carol_a" {
  user    = "carol"
  pgp_key = "keybase:x"
}

resource "aws_iam_access_key" "carol_b" {
  user    = "carol${substr(timestamp(), 0, 0)}"
  pgp_key = "keybase:x"
}

# One SSH key for alice and for a user whose name is chosen at apply.
resource "aws_iam_user_ssh_key" "alice" {
  username   = "alice"
  encoding   = "SSH"
  public_key = file("${path.module}/k2.pub")
}

resource "aws_iam_user_ssh_key" "bob" {
  username   = "bob${substr(timestamp(), 0, 0)}"
  encoding   = "SSH"
  public_key = file("${path.module}/k2.pub")
}
