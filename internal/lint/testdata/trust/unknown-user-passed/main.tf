# Users known only after apply, passed into modules (user = var.user): a
# key reads the user its module's call gives, in the calling module, so
# keys in different module instances given the same user count for one
# user.
resource "aws_iam_user" "ci" {
  name = "ci"
}

# Rotation as two instances of one module call: IG203.
module "key" {
  source   = "./modules/key"
  for_each = toset(["blue", "green"])
  user     = aws_iam_user.ci.id
}

resource "aws_iam_user" "svc" {
  name = "svc"
}

# A root key, and a key two module calls down given the same user: IG203.
resource "aws_iam_access_key" "svc" {
  user    = aws_iam_user.svc.id
  pgp_key = "keybase:svc"
}

module "pair" {
  source = "./modules/pair"
  user   = aws_iam_user.svc.id
}

resource "aws_iam_user" "other" {
  name = "other"
}

# Another user's one key: nothing.
module "other" {
  source = "./modules/key"
  user   = aws_iam_user.other.id
}

resource "aws_iam_user" "ops" {
  name = "ops"
}

# A local made of the input: the plan shows only local.user, which may be
# the same user in both instances or not: IG203 info.
module "local" {
  source   = "./modules/local"
  for_each = toset(["blue", "green"])
  user     = aws_iam_user.ops.id
}
