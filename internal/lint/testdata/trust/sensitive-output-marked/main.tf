# A registry-style module whose output declared sensitive reads another
# object (a database password): the root's local values are not withheld
# for it (round 137: every local-derived name was "(sensitive)").
module "db" {
  source = "./db"
}

locals {
  deployer = "deployer-shown"
}

resource "aws_iam_access_key" "deploy" {
  count   = 2
  user    = local.deployer
  pgp_key = "keybase:ops"
}
