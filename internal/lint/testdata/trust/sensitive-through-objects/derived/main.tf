# A name made from an aws_iam_user's, itself read from a module's output
# declared sensitive: another name, which the user's marks do not cover.
module "secret" {
  source = "../secret"
}

resource "aws_iam_user" "u" {
  name = module.secret.name
}

resource "aws_iam_access_key" "a" {
  user = "${aws_iam_user.u.name}-ci"
}

resource "aws_iam_access_key" "b" {
  user = "${aws_iam_user.u.name}-ci"
}
