# Values read from what Terraform leaves unmarked in the plan, though their
# source is sensitive, through objects (round 285): each pair of keys is
# IG203 for a user whose name is withheld, and the password policy's length
# is withheld. dave's keys, named by a constant, are shown.

module "derived" {
  source = "./derived"
}

module "var_doc" {
  source = "./var-doc"
}

module "remote" {
  source = "./remote"
}

# A module's output declared sensitive passed through a module that holds
# no judged resource.
module "secret" {
  source = "./secret"
}

module "wrap" {
  source = "./wrap"
  x      = module.secret.other
}

resource "aws_iam_access_key" "a" {
  user = module.wrap.o
}

resource "aws_iam_access_key" "b" {
  user = module.wrap.o
}

resource "aws_iam_access_key" "c" {
  user    = "dave"
  pgp_key = "keybase:dave"
}

resource "aws_iam_access_key" "d" {
  user    = "dave"
  pgp_key = "keybase:dave"
}
