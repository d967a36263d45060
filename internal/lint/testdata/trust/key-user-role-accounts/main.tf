# The same service user made in each of two accounts, by providers that
# assume roles of two account IDs, each with a key being rotated: IG203
# once in each account (round 293: one finding named all four keys, and
# with one key each the two accounts gave IG203 between them).
module "ci_prod" {
  source    = "./modules/ci-user"
  providers = { aws = aws.prod }
  pgp_key   = "keybase:acme_platform"
  ssh_key   = file("${path.module}/alice.pub")
}
module "ci_dev" {
  source    = "./modules/ci-user"
  providers = { aws = aws.dev }
  pgp_key   = "keybase:acme_platform"
  ssh_key   = file("${path.module}/alice.pub")
}
