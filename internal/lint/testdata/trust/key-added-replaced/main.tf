# As key-added-beside, with legacy_a replaced too (-replace, an ordinary
# rotation): replacing an active key adds none, so IG203 still goes on the
# key the plan adds, zz_extra, and a waiver given to legacy_a does not
# cover it.
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
