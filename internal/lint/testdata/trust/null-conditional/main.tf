# Attributes set by conditionals whose branches are both null. Terraform
# folds such an expression to null and writes {"constant_value": null}
# beside its references: each is judged as if the line were deleted.
variable "strict" {
  type    = bool
  default = true
}

locals {
  flag = true
}

# A module input.
module "p" {
  source  = "./policy"
  symbols = var.strict ? null : null
}

# A root variable.
resource "aws_iam_user_login_profile" "ops" {
  user                    = "ops"
  password_reset_required = var.strict ? null : null
}

# A module output.
module "o" {
  source = "./outputs"
}

resource "aws_iam_user_login_profile" "dev" {
  user                    = "dev"
  password_reset_required = module.o.nothing
}

# A local.
resource "aws_cloudtrail" "t" {
  name                          = "audit"
  s3_bucket_name                = "audit-logs"
  enable_log_file_validation    = true
  include_global_service_events = true
  is_multi_region_trail         = local.flag ? null : null
}
