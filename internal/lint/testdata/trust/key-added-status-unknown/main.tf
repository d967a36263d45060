# deployer has two active keys; a third is added whose status is known only
# after apply. IG203 goes on it, naming it as maybe active, so that a
# waiver given to a standing key does not cover it, and --changed-only
# still reports it.
resource "terraform_data" "status" {
  input = "Active"
}

resource "aws_iam_access_key" "legacy_a" {
  user    = "deployer"
  pgp_key = "keybase:x"
}

resource "aws_iam_access_key" "legacy_b" {
  user    = "deployer"
  pgp_key = "keybase:x"
}

resource "aws_iam_access_key" "zz_extra" {
  user    = "deployer"
  pgp_key = "keybase:x"
  status  = terraform_data.status.output
}
