# deployer has two active keys, kept during a rotation (and waived for
# IG203 in some config file). A pull request adds a third, whose name sorts
# after theirs: IG203 goes on the key the plan creates, so that a waiver
# given to a standing key never covers it.
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
}
