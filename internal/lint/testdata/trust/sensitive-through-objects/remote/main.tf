# A terraform_remote_state output, which the plan never marks, whatever the
# state it reads declares.
data "terraform_remote_state" "r" {
  backend = "local"
  config = {
    path = "${path.module}/remote.tfstate"
  }
}

resource "aws_iam_account_password_policy" "p" {
  minimum_password_length      = data.terraform_remote_state.r.outputs.len
  require_symbols              = true
  require_numbers              = true
  require_uppercase_characters = true
  require_lowercase_characters = true
  password_reuse_prevention    = 24
  max_password_age             = 90
}
