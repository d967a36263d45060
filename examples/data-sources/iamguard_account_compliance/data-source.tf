# One verdict for the whole account: password policy, credential report,
# access keys, server certificates, SSH keys, signing certificates,
# CloudTrail, and with `events` the guarded IAM events of the last week.
data "iamguard_account_compliance" "this" {
  events = {
    lookback            = "7d"
    expected_principals = ["arn:aws:iam::*:role/terraform-*"]
  }
}

output "account_compliant" {
  value = data.iamguard_account_compliance.this.compliant
}

output "findings_by_severity" {
  value = data.iamguard_account_compliance.this.counts
}

output "areas_not_compliant" {
  value = [for a in data.iamguard_account_compliance.this.areas : a.area if !a.compliant]
}

# One check block per account: a warning on every plan and apply while
# anything is at or above the provider's compliant_at.
check "account_compliance" {
  assert {
    condition = data.iamguard_account_compliance.this.compliant
    error_message = join("\n", [
      for f in data.iamguard_account_compliance.this.findings : "${f.area}: ${f.rule_id} ${f.subject}: ${f.message}"
    ])
  }
}
