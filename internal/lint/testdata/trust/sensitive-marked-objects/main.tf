# Sensitive values that objects' computed attributes pass on unmarked
# (round 292), each withheld from IG203: an access key's secret through a
# terraform_data's output (in state, marked in its input only, as
# Terraform 1.11 writes it), sensitive() of a constant through a data
# source, and a module's variable declared sensitive left to its default.

resource "aws_iam_access_key" "k" {
  user = "alice"
}

resource "terraform_data" "t" {
  input = aws_iam_access_key.k.secret
}

resource "aws_iam_access_key" "a" {
  user    = terraform_data.t.output
  pgp_key = "keybase:ci"
}

resource "aws_iam_access_key" "b" {
  user    = terraform_data.t.output
  pgp_key = "keybase:ci"
}

module "fn" {
  source = "./fn"
}

module "dflt" {
  source = "./dflt"
}
