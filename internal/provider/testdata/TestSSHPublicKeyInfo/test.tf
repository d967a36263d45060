terraform {
  required_providers {
    iamguard = {
      source = "iamguard/iamguard"
    }
  }
}

variable "key" {
  type = string
}

variable "baseline" {
  type    = any
  default = null
}

output "info" {
  value = provider::iamguard::ssh_public_key_info(var.key, var.baseline)
}

# The baseline argument may be left out altogether.
output "default_baseline" {
  value = provider::iamguard::ssh_public_key_info(var.key).findings
}
