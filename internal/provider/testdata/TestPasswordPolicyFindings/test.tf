terraform {
  required_providers {
    iamguard = {
      source = "iamguard/iamguard"
    }
  }
}

variable "policy" {
  type = any
}

variable "baseline" {
  type    = any
  default = null
}

output "findings" {
  value = provider::iamguard::password_policy_findings(var.policy, var.baseline)
}

# The baseline argument may be left out altogether.
output "default_baseline" {
  value = provider::iamguard::password_policy_findings(var.policy)
}
