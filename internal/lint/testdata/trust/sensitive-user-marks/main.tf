# A user's name marked sensitive by a credential only: its name is withheld
# in every message, however other objects spell it.

# In state, a key, an SSH key and a signing certificate mark their user's
# name sensitive (sensitive_attributes); this plan deletes them, and gives
# each user two new keys that spell the name out.
resource "aws_iam_access_key" "a" {
  count   = 2
  user    = "CANARY-DELKEYUSER"
  pgp_key = "keybase:ops"
}

resource "aws_iam_access_key" "b" {
  count   = 2
  user    = "CANARY-DELSSHUSER"
  pgp_key = "keybase:ops"
}

resource "aws_iam_access_key" "c" {
  count   = 2
  user    = "CANARY-DELSIGUSER"
  pgp_key = "keybase:ops"
}

# A console login names its user through a sensitive variable, while the
# user's keys and SSH key spell the name out.
variable "console_user" {
  type      = string
  sensitive = true
  default   = "CANARY-LPUSER"
}

resource "aws_iam_user_login_profile" "console" {
  user                    = var.console_user
  password_reset_required = true
}

resource "aws_iam_access_key" "console" {
  count   = 2
  user    = "CANARY-LPUSER"
  pgp_key = "keybase:ops"
}

resource "aws_iam_user_ssh_key" "console" {
  username   = "CANARY-LPUSER"
  encoding   = "SSH"
  public_key = "SSH_KEY_PLACEHOLDER"
}

resource "aws_iam_user_ssh_key" "other" {
  username   = "other"
  encoding   = "SSH"
  public_key = "SSH_KEY_PLACEHOLDER"
}

# Which keys are active is sensitive: IG203 must not list them.
variable "statuses" {
  type      = list(string)
  sensitive = true
  default   = ["Active", "Active", "Inactive"]
}

resource "aws_iam_access_key" "rotating" {
  count   = 3
  user    = "rotator"
  pgp_key = "keybase:ops"
  status  = var.statuses[count.index]
}
