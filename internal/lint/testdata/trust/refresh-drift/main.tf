# Outside Terraform: the policy was lowered from 20 to 14 characters (still
# compliant: IG109's case), the Inactive key of deployer switched back on
# (IG201's case), and the only trail deleted (IG704's case). This
# refresh-only plan records all three into state.
resource "aws_iam_account_password_policy" "p" {
  minimum_password_length      = 20
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers              = true
  require_symbols              = true
  max_password_age             = 90
  password_reuse_prevention    = 24
}
resource "aws_iam_access_key" "old" {
  user    = "deployer"
  status  = "Inactive"
  pgp_key = "keybase:x"
}
resource "aws_cloudtrail" "t" {
  name                       = "main"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}
