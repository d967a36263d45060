terraform {
  required_providers {
    iamguard = {
      source = "iamguard/iamguard"
    }
  }
}

variable "key" {
  type      = string
  sensitive = true
}

variable "baseline" {
  type    = any
  default = null
}

output "info" {
  value     = provider::iamguard::ssh_public_key_info(var.key, var.baseline)
  sensitive = true
}
