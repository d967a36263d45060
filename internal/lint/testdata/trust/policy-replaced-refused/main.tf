# A strong policy replaced (replace_triggered_by) with one IAM refuses:
# Terraform destroys first, so DeleteAccountPasswordPolicy runs, and then
# UpdateAccountPasswordPolicy fails, leaving no policy (round 233: info,
# exit 0).
resource "terraform_data" "rot" {
  input = "2026-12"
}

resource "aws_iam_account_password_policy" "p" {
  minimum_password_length        = 129
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
