# One key, known only after apply (as tls_private_key.x.public_key_openssh
# is), given to two users: both read the same references alike, so it may
# be one key shared (IG404 info: the plan does not show whether the
# expressions differ). carol's key is read from elsewhere.
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
