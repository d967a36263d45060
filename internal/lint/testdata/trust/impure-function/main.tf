# Settings whose value an impure function chooses at apply: Terraform plans
# each as known only after apply though it reads no value, and AWS gets the
# weak branch every time (timestamp() is never ""). Each is judged at its
# rule's severity, not as a note (round 106: 2 info, exit 0).
resource "aws_iam_account_password_policy" "this" {
  minimum_password_length        = timestamp() == "" ? 14 : 6
  require_lowercase_characters   = true
  require_uppercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  allow_users_to_change_password = true
  password_reuse_prevention      = 24
  max_password_age               = 90
}

resource "aws_cloudtrail" "t" {
  name                          = "audit"
  s3_bucket_name                = "audit-logs"
  enable_log_file_validation    = true
  include_global_service_events = true
  is_multi_region_trail         = true
  enable_logging                = timestamp() == ""
}

# The same, passed on through a module input.
module "m" {
  source  = "./trail"
  logging = timestamp() == ""
}

# A value another object gives stays a note: it can be reviewed there.
resource "terraform_data" "flag" {
  input = true
}

resource "aws_cloudtrail" "from_object" {
  name                          = "audit-object"
  s3_bucket_name                = "audit-logs"
  enable_log_file_validation    = true
  include_global_service_events = true
  is_multi_region_trail         = true
  enable_logging                = terraform_data.flag.output
}
