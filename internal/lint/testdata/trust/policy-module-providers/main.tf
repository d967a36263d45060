# A shared password-policy module, used for two accounts through provider
# aliases (plus the default provider configuration). The dev account's
# policy (16 characters) stands; a sandbox copy is created with the same
# provider configuration, in the same account: it replaces dev's policy,
# and is judged against it (IG109). prod's, of another configuration, is
# not that account's for sure.
module "pp_prod" {
  source    = "./modules/pp"
  providers = { aws = aws.prod }
}

module "pp_dev" {
  source                  = "./modules/pp"
  providers               = { aws = aws.dev }
  minimum_password_length = 16
}

module "pp_sandbox" {
  source    = "./modules/pp"
  providers = { aws = aws.dev }
}
