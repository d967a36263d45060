# Names read from a module's output declared sensitive through an
# aws_iam_user (round 289), each withheld: a user passed whole to a module
# that reads its tags; a name made from a user's name in another module,
# which the walk reads whichever object asks first; an SSH key's user name
# made from a user's name, beside "ops", which is shown.

module "secret" {
  source = "./secret"
}

resource "aws_iam_user" "svc" {
  name = "svc"
  tags = { key_holder = module.secret.owner }
}

module "keys_whole" {
  source = "./keys-tags"
  user   = aws_iam_user.svc
}

module "a_users" {
  source = "./users"
  name   = module.secret.name
}

module "keys_named" {
  source = "./keys"
  user   = module.a_users.ci_name
}

resource "aws_iam_user" "ssh" {
  name = module.secret.ssh
}

resource "aws_iam_user_ssh_key" "x" {
  username   = "${aws_iam_user.ssh.name}-ci"
  encoding   = "SSH"
  public_key = "SSH_KEY_PLACEHOLDER"
}

resource "aws_iam_user_ssh_key" "y" {
  username   = "ops"
  encoding   = "SSH"
  public_key = "SSH_KEY_PLACEHOLDER"
}
