# A key whose state records no status, which the AWS provider always
# records (a state written otherwise, planned with -refresh=false), set to
# Active: what AWS holds is not known, and it may be switched back on
# (round 250: taken as Active, no finding).
resource "aws_iam_access_key" "k" {
  user    = "deployer"
  pgp_key = "keybase:x"
  status  = "Active"
}
