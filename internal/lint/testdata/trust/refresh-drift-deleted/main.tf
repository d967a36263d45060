# Outside Terraform, the account's password policy and the trail were deleted.
resource "aws_iam_account_password_policy" "p" {
  minimum_password_length      = 20
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers              = true
  require_symbols              = true
  max_password_age             = 60
  password_reuse_prevention    = 24
}
resource "aws_cloudtrail" "t" {
  name                       = "main"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}
