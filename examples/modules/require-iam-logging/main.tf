# A module that refuses to change IAM in an account where CloudTrail would
# not record the change. Its precondition fails during plan, so nothing is
# applied until some trail records IAM events.
#
#   module "iam_baseline" {
#     source = "./modules/require-iam-logging"
#   }

terraform {
  required_version = ">= 1.8"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
    iamguard = {
      source = "iamguard/iamguard"
    }
  }
}

data "iamguard_cloudtrail_iam_logging" "this" {}

# The password policy is applied only where CloudTrail records IAM events,
# so that every later UpdateAccountPasswordPolicy can be seen and judged.
resource "aws_iam_account_password_policy" "this" {
  minimum_password_length        = 14
  require_lowercase_characters   = true
  require_uppercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  allow_users_to_change_password = true
  max_password_age               = 90
  password_reuse_prevention      = 24

  lifecycle {
    precondition {
      condition = data.iamguard_cloudtrail_iam_logging.this.recording_iam
      error_message = join("\n", concat(
        ["No CloudTrail trail records IAM events in this account, so IAM changes would leave no trace. Fix the trail first:"],
        [for f in data.iamguard_cloudtrail_iam_logging.this.findings : "${f.rule_id} ${f.subject}: ${f.message}"],
      ))
    }
  }
}

output "recording_iam" {
  description = "Whether some trail records IAM events."
  value       = data.iamguard_cloudtrail_iam_logging.this.recording_iam
}
