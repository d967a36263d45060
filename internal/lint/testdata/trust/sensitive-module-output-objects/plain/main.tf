# A module with no output declared sensitive and no inputs: what its
# objects hold is shown.
resource "terraform_data" "len" {
  input = 11
}

resource "aws_iam_account_password_policy" "p" {
  minimum_password_length      = terraform_data.len.input
  require_symbols              = true
  require_numbers              = true
  require_uppercase_characters = true
  require_lowercase_characters = true
  password_reuse_prevention    = 24
  max_password_age             = 90
}
