terraform {
  required_providers {
    iamguard = {
      source = "iamguard/iamguard"
    }
  }
}

output "findings" {
  value = provider::iamguard::password_policy_findings(null, null)
}
