# A strong policy in state (14, 24, 90 days) updated to numbers whose low 32
# bits are weak: IAM gets a length of 6, reuse prevention of 1 and a maximum
# age of 1095 days (2^32 + 1095), and takes them all.
resource "aws_iam_account_password_policy" "p" {
  minimum_password_length        = 4294967302
  password_reuse_prevention      = 4294967297
  max_password_age               = 4294968391
  require_uppercase_characters   = true
  require_lowercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  allow_users_to_change_password = true
}
