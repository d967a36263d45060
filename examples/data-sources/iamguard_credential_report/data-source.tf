data "iamguard_credential_report" "current" {}

# Console users who still have no MFA device.
output "console_users_without_mfa" {
  value = [
    for u in data.iamguard_credential_report.current.users : u.user
    if u.password_enabled == true && u.mfa_active != true
  ]
}

# When the root user was last seen (null: never, or not reported).
output "root_password_last_used" {
  value = one([for u in data.iamguard_credential_report.current.users : u.password_last_used if u.root])
}

# The data source is declared outside the check: a failed read stops the
# plan, a failed assert only warns. Declare it inside the check block to
# make a failed read a warning too.
check "credential_report" {
  assert {
    condition     = data.iamguard_credential_report.current.compliant
    error_message = join("\n", [for f in data.iamguard_credential_report.current.findings : "${f.rule_id} ${f.subject}: ${f.message}"])
  }
}
