# One key, known only after apply (as tls_private_key.x.public_key_openssh
# is), given to two users: both read the very same value, so it is one key
# shared (IG404), though its fingerprint is not known yet. carol's key is
# read from elsewhere: not shared as far as the plan shows.
resource "terraform_data" "key" {
  input = "SSH_KEY_PLACEHOLDER"
}

resource "terraform_data" "other" {
  input = "SSH_KEY_PLACEHOLDER"
}

resource "aws_iam_user_ssh_key" "alice" {
  username   = "alice"
  encoding   = "SSH"
  public_key = terraform_data.key.output
}

resource "aws_iam_user_ssh_key" "bob" {
  username   = "bob"
  encoding   = "SSH"
  public_key = terraform_data.key.output
}

resource "aws_iam_user_ssh_key" "carol" {
  username   = "carol"
  encoding   = "SSH"
  public_key = terraform_data.other.output
}
