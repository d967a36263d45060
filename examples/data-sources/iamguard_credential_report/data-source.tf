data "iamguard_credential_report" "current" {}

# Console users who still have no MFA device.
output "console_users_without_mfa" {
  value = [
    for u in data.iamguard_credential_report.current.users : u.user
    if u.password_enabled && !u.mfa_active
  ]
}

check "credential_report" {
  assert {
    condition     = data.iamguard_credential_report.current.compliant
    error_message = join("\n", [for f in data.iamguard_credential_report.current.findings : "${f.rule_id} ${f.subject}: ${f.message}"])
  }
}
