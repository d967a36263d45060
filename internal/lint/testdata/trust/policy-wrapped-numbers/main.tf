# Numbers past 32 bits whose low 32 bits, all the AWS provider sends, meet
# the baseline (14, 24 and 90): what IAM gets is sound, but the
# configuration does not say so, and reads back otherwise on every plan
# (round 252: no finding, exit 0). Each is low.
resource "aws_iam_account_password_policy" "p" {
  minimum_password_length      = -4294967282
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers              = true
  require_symbols              = true
  password_reuse_prevention    = -4294967272
  max_password_age             = 4294967386
}
