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

# Beside a variable, whose value the plan shows.
variable "on" {
  type    = bool
  default = true
}

resource "aws_cloudtrail" "with_variable" {
  name                          = "audit-variable"
  s3_bucket_name                = "audit-logs"
  enable_log_file_validation    = true
  include_global_service_events = true
  is_multi_region_trail         = true
  enable_logging                = timestamp() == "" ? var.on : false
}

# A value another object gives stays a note: it can be reviewed there. So
# does a local value, which the plan does not show: it may read one.
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

locals {
  flag = terraform_data.flag.output
}

resource "aws_cloudtrail" "from_local" {
  name                          = "audit-local"
  s3_bucket_name                = "audit-logs"
  enable_log_file_validation    = true
  include_global_service_events = true
  is_multi_region_trail         = true
  enable_logging                = local.flag
}
