# One IAM user named three ways: by its name, by its ID (known only after
# apply for a new user, and the AWS provider's ID of a user is its name),
# and outright. Each pair is one user's two active keys.
resource "aws_iam_user" "deploy" {
  name = "deploy"
}

resource "aws_iam_access_key" "deploy_by_name" {
  user    = aws_iam_user.deploy.name
  pgp_key = "keybase:ci"
}

resource "aws_iam_access_key" "deploy_by_id" {
  user    = aws_iam_user.deploy.id
  pgp_key = "keybase:ci"
}

module "svc" {
  source = "./modules/svc"
  name   = "svc"
}

resource "aws_iam_access_key" "svc_outright" {
  user       = "SVC"
  pgp_key    = "keybase:ci"
  depends_on = [module.svc]
}

# One SSH key for two users, one named by ID and one outright, is shared.
resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_ssh_key" "alice" {
  username   = aws_iam_user.alice.id
  encoding   = "SSH"
  public_key = "SSH_KEY_PLACEHOLDER"
}

resource "aws_iam_user_ssh_key" "bob" {
  username   = "bob"
  encoding   = "SSH"
  public_key = "SSH_KEY_PLACEHOLDER"
}
