# The strong policy (aws_iam_account_password_policy.old) is replaced, as
# its trigger changed; a weaker one is created beside it. Terraform applies
# the two in no fixed order, so the account may end up with the weaker
# one: it is judged against the policy that stands now (IG109).
resource "terraform_data" "revision" {
  input = "2"
}

resource "aws_iam_account_password_policy" "old" {
  minimum_password_length        = 20
  require_uppercase_characters   = true
  require_lowercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  max_password_age               = 60
  password_reuse_prevention      = 24
  allow_users_to_change_password = true

  lifecycle {
    replace_triggered_by = [terraform_data.revision]
  }
}

resource "aws_iam_account_password_policy" "new" {
  minimum_password_length        = 14
  require_uppercase_characters   = true
  require_lowercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  max_password_age               = 90
  password_reuse_prevention      = 24
  allow_users_to_change_password = true
}
