# A user known only after apply that reaches keys through one local is one
# user: the keys reading it are grouped (IG203 medium), directly or passed
# into a module.
resource "aws_iam_user" "deployer" {
  name = "deployer"
}

locals {
  deployer = aws_iam_user.deployer.id
}

resource "aws_iam_access_key" "blue" {
  user    = local.deployer
  pgp_key = "keybase:deployer"
}

resource "aws_iam_access_key" "green" {
  user    = local.deployer
  pgp_key = "keybase:deployer"
}

resource "aws_iam_user" "ci" {
  name = "ci"
}

locals {
  ci = aws_iam_user.ci.id
}

module "keys" {
  source = "./modules/keys"
  user   = local.ci
}
