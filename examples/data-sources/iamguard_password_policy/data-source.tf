data "iamguard_password_policy" "current" {}

output "password_policy_findings" {
  value = [for f in data.iamguard_password_policy.current.findings : "${f.rule_id}: ${f.message}"]
}

# Stop a plan that would build on a weak password policy.
resource "terraform_data" "needs_strong_passwords" {
  lifecycle {
    precondition {
      condition     = data.iamguard_password_policy.current.compliant
      error_message = "The account password policy is below the iamguard baseline."
    }
  }
}
