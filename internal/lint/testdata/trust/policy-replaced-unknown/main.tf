# A strong policy replaced destroying first with a length known only after
# apply (here 200, which IAM refuses): the old policy is deleted, and
# whether a new one takes its place cannot be told at plan (round 261:
# IG101 at info alone, no IG108).
resource "terraform_data" "rot" {
  input = "2026-12"
}

resource "terraform_data" "len" {
  input = 200
}

resource "aws_iam_account_password_policy" "p" {
  minimum_password_length        = terraform_data.len.output
  require_uppercase_characters   = true
  require_lowercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  password_reuse_prevention      = 24
  max_password_age               = 30
  allow_users_to_change_password = true
  hard_expiry                    = true

  lifecycle {
    replace_triggered_by = [terraform_data.rot]
  }
}
