# deployer's standing key, in state written with no create_date (an older
# provider): its age is not known, IG204 info, never a pass. The pull request
# only adds a user.
resource "aws_iam_access_key" "ci" {
  user    = "deployer"
  pgp_key = "keybase:x"
}
resource "aws_iam_user" "other" {
  name = "other"
}
