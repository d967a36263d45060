# Users known only after apply (user = aws_iam_user.x.id): objects of one
# module instance that read the same user count for one user, and objects
# reading different users for different users.
resource "aws_iam_user" "ci" {
  name = "ci-bot"
}

# Two active keys for ci-bot: IG203.
resource "aws_iam_access_key" "a" {
  user    = aws_iam_user.ci.id
  pgp_key = "keybase:ci_team"
}

resource "aws_iam_access_key" "b" {
  user    = aws_iam_user.ci.id
  pgp_key = "keybase:ci_team"
}

resource "aws_iam_user" "deploy" {
  name = "deploy"
}

# Two instances, one user: IG203.
resource "aws_iam_access_key" "counted" {
  count   = 2
  user    = aws_iam_user.deploy.id
  pgp_key = "keybase:ci_team"
}

resource "aws_iam_user" "per_key" {
  count = 2
  name  = "per-key-${count.index}"
}

# One key per user: nothing.
resource "aws_iam_access_key" "per_user" {
  count   = 2
  user    = aws_iam_user.per_key[count.index].id
  pgp_key = "keybase:ci_team"
}

# Each module instance has its own user and key: nothing.
module "team" {
  source   = "./modules/user"
  for_each = toset(["x", "y"])
  name     = "team-${each.key}"
}

resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user" "bob" {
  name = "bob"
}

# One public key for two users: IG404.
resource "aws_iam_user_ssh_key" "alice" {
  username   = aws_iam_user.alice.id
  encoding   = "SSH"
  public_key = "SSH_KEY_PLACEHOLDER"
}

resource "aws_iam_user_ssh_key" "bob" {
  username   = aws_iam_user.bob.id
  encoding   = "SSH"
  public_key = "SSH_KEY_PLACEHOLDER"
}

variable "user_override" {
  type    = string
  default = null
}

resource "aws_iam_user" "app" {
  name = "app"
}

resource "aws_iam_user" "ops" {
  name = "ops"
}

# Read from the same variable, but from two users: one key each, nothing.
resource "aws_iam_access_key" "app" {
  user    = coalesce(var.user_override, aws_iam_user.app.id)
  pgp_key = "keybase:ci_team"
}

resource "aws_iam_access_key" "ops" {
  user    = coalesce(var.user_override, aws_iam_user.ops.id)
  pgp_key = "keybase:ci_team"
}

# The same public key again, for two more users: IG404.
resource "aws_iam_user_ssh_key" "app" {
  username   = coalesce(var.user_override, aws_iam_user.app.id)
  encoding   = "SSH"
  public_key = "SSH_KEY_PLACEHOLDER"
}

resource "aws_iam_user_ssh_key" "ops" {
  username   = coalesce(var.user_override, aws_iam_user.ops.id)
  encoding   = "SSH"
  public_key = "SSH_KEY_PLACEHOLDER"
}
