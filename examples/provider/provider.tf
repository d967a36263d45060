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
    root_use_days           = 90
  }

  # Low findings (such as a stale credential report) do not make
  # compliant false; they are still listed in findings.
  compliant_at = "medium"

  # Refuse to read any other account than the audited one.
  allowed_account_ids = ["123456789012"]
}

# Form 1: the data source inside the check block. Even a failed read
# (AccessDenied, throttling) is only a warning: the plan goes on.
check "credential_report" {
  data "iamguard_credential_report" "scoped" {}

  assert {
    condition = data.iamguard_credential_report.scoped.compliant
    error_message = join("\n", [
      for f in data.iamguard_credential_report.scoped.findings :
      "${f.rule_id} ${f.rule} (${f.severity}) ${f.subject}: ${f.message}"
    ])
  }
}

# Form 2: the data source at the top level, referenced from the check. A
# failed assert is a warning, but a failed read is an error that stops the
# plan: use it where an account that cannot be judged must not be planned.
data "iamguard_password_policy" "account" {}

check "password_policy" {
  assert {
    condition = data.iamguard_password_policy.account.compliant
    error_message = join("\n", [
      for f in data.iamguard_password_policy.account.findings :
      "${f.rule_id} ${f.rule} (${f.severity}): ${f.message}"
    ])
  }
}
