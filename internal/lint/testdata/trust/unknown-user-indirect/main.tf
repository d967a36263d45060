# A user known only after apply that reaches a key through anything but
# aws_iam_user itself (a local, a module's output, a data source, another
# resource) may be another key's user: IG203 info, not silence.
resource "aws_iam_user" "ci" {
  name = "ci"
}

locals {
  ci = aws_iam_user.ci.id
}

resource "aws_iam_access_key" "direct" {
  user    = aws_iam_user.ci.id
  pgp_key = "keybase:ci"
}

resource "aws_iam_access_key" "via_local" {
  user    = local.ci
  pgp_key = "keybase:ci"
}

# Rotation as two instances of one module call, each reading the user
# its own way.
module "via_output" {
  source   = "./modules/output"
  for_each = toset(["blue", "green"])
  user     = aws_iam_user.ci.id
}

module "via_data" {
  source   = "./modules/data"
  for_each = toset(["blue", "green"])
  user     = aws_iam_user.ci.id
}

module "via_resource" {
  source   = "./modules/passthrough"
  for_each = toset(["blue", "green"])
  user     = aws_iam_user.ci.id
}
