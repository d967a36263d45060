# A module's output declared sensitive that reads another object, read
# through a local value: withheld (round 139: printed when a local counted
# only outputs that read no other object).
module "names" {
  source = "./names"
}

locals {
  user = module.names.user
}

resource "aws_iam_access_key" "k" {
  count   = 2
  user    = local.user
  pgp_key = "keybase:ops"
}
