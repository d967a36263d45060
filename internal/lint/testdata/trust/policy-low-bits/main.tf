# Numbers past 32 bits: the AWS provider sends aws.Int32(int32(v)), the low
# 32 bits, so IAM gets a length of 6 (2^32 + 6) and reuse prevention of 1
# (2^32 + 1), and takes both: a weak policy.
resource "aws_iam_account_password_policy" "p" {
  minimum_password_length        = 4294967302
  password_reuse_prevention      = 4294967297
  max_password_age               = 90
  require_uppercase_characters   = true
  require_lowercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  allow_users_to_change_password = true
}
