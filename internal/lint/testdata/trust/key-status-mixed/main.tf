# Access keys judged together with others of their user (round 189):
# - deployer: a and b stand in state, both active; c is added inactive.
#   IG203 goes on a standing key, not on c, which adds no active key;
# - rotator: rotator_a's status uuid() chooses at apply, rotator_b's
#   another object gives then. Either may be the second active key: IG203
#   medium, as an impure choice is judged (one read from an object alone
#   is info);
# - imported: imported without its secret (null in state), and replaced
#   now that its user changes: the new key's secret lands in state
#   unencrypted (IG202).
resource "terraform_data" "status" {
  input = "Active"
}

resource "aws_iam_access_key" "a" {
  user    = "deployer"
  pgp_key = "keybase:x"
}

resource "aws_iam_access_key" "b" {
  user    = "deployer"
  pgp_key = "keybase:x"
}

resource "aws_iam_access_key" "c" {
  user    = "deployer"
  pgp_key = "keybase:x"
  status  = "Inactive"
}

resource "aws_iam_access_key" "rotator_a" {
  user    = "rotator"
  pgp_key = "keybase:x"
  status  = uuid() == "x" ? "Active" : "Inactive"
}

resource "aws_iam_access_key" "rotator_b" {
  user    = "rotator"
  pgp_key = "keybase:x"
  status  = terraform_data.status.output
}

resource "aws_iam_access_key" "imported" {
  user = "ops2"
}
