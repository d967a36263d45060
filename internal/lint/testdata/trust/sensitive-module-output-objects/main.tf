# Values read from a module's output declared sensitive through another
# object, which the plan leaves unmarked as it does the output itself (see
# sensitive-module-output): withheld (round 284). A terraform_data made by
# this plan passes its input on as planned; one kept in state passes on its
# output.

module "secret" {
  source = "./secret"
}

module "plain" {
  source = "./plain"
}

resource "terraform_data" "name" {
  input = module.secret.name
}

# IG203: two active keys for a user whose name is withheld.
resource "aws_iam_access_key" "a" {
  user = terraform_data.name.input
}

resource "aws_iam_access_key" "b" {
  user = terraform_data.name.input
}

# In state, a no-op: IG203 again, for another withheld name.
resource "terraform_data" "kept" {
  input = module.secret.other
}

resource "aws_iam_access_key" "c" {
  user    = "dave-secret"
  pgp_key = "keybase:dave"
}

resource "aws_iam_access_key" "d" {
  user    = terraform_data.kept.output
  pgp_key = "keybase:dave"
}

resource "terraform_data" "len" {
  input = module.secret.len
}

# IG101 withholds the length.
resource "aws_iam_account_password_policy" "p" {
  minimum_password_length      = terraform_data.len.input
  require_symbols              = true
  require_numbers              = true
  require_uppercase_characters = true
  require_lowercase_characters = true
  password_reuse_prevention    = 24
  max_password_age             = 90
}
