terraform {
  required_providers {
    iamguard = {
      source = "iamguard/iamguard"
    }
  }
}

# Credentials and region come from the same places as for the hashicorp/aws
# provider: arguments, AWS_* environment variables, shared config files.
provider "iamguard" {
  region  = "us-east-1"
  profile = "security-audit"

  # Read through a read-only role in the audited account.
  assume_role {
    role_arn     = "arn:aws:iam::123456789012:role/iamguard-reader"
    session_name = "iamguard"
  }

  # Thresholds, as in .iamguard.hcl; omitted ones keep their defaults.
  baseline {
    password_min_length     = 14
    access_key_max_age_days = 90
    unused_credential_days  = 45
  }
}

# Warn during plan when the live account falls short of the baseline.
data "iamguard_password_policy" "account" {}
data "iamguard_credential_report" "account" {}

check "iam_compliance" {
  assert {
    condition = data.iamguard_password_policy.account.compliant && data.iamguard_credential_report.account.compliant
    error_message = join("\n", [
      for f in concat(data.iamguard_password_policy.account.findings, data.iamguard_credential_report.account.findings) :
      "${f.rule_id} ${f.rule} (${f.severity}) ${f.subject}: ${f.message}"
    ])
  }
}
