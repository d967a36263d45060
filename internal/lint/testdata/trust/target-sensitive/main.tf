# A targeted plan: the objects it leaves alone ("old") are in prior_state
# only. They read variables marked sensitive since the state was written, so
# state marks nothing: the configuration's reads must withhold them.
variable "who" {
  type      = string
  sensitive = true
  default   = "canary-user-5310"
}

variable "min_length" {
  type      = number
  sensitive = true
  default   = 23
}

resource "aws_iam_user_ssh_key" "old" {
  username   = var.who
  encoding   = "SSH"
  public_key = "SSH_KEY_PLACEHOLDER"
}

resource "aws_iam_user_ssh_key" "new" {
  username   = "bob"
  encoding   = "SSH"
  public_key = "SSH_KEY_PLACEHOLDER"
}

resource "aws_iam_account_password_policy" "old" {
  minimum_password_length        = var.min_length
  require_uppercase_characters   = true
  require_lowercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  password_reuse_prevention      = 24
  max_password_age               = 90
  allow_users_to_change_password = true
}

resource "aws_iam_account_password_policy" "new" {
  minimum_password_length        = 14
  require_uppercase_characters   = true
  require_lowercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  password_reuse_prevention      = 24
  max_password_age               = 90
  allow_users_to_change_password = true
}

# The untargeted key reads its user's constant name, which is no secret: it
# is named in IG203.
resource "aws_iam_user" "carol" {
  name = "carol"
}

resource "aws_iam_access_key" "carol_old" {
  user    = aws_iam_user.carol.name
  pgp_key = "keybase:carol"
}

resource "aws_iam_access_key" "carol_new" {
  user    = aws_iam_user.carol.name
  pgp_key = "keybase:carol"
}

# Read through another object that reads a variable made sensitive since:
# that object has no marks in state either, and the name is withheld.
variable "chained" {
  type      = string
  sensitive = true
  default   = "canary-chain-8841"
}

resource "terraform_data" "cfg" {
  input = var.chained
}

resource "aws_iam_user_ssh_key" "chained" {
  username   = terraform_data.cfg.output
  encoding   = "SSH"
  public_key = "SSH_KEY_PLACEHOLDER"
}
