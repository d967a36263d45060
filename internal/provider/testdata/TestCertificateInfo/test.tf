terraform {
  required_providers {
    iamguard = {
      source = "iamguard/iamguard"
    }
  }
}

variable "pem" {
  type = string
}

variable "now" {
  type    = string
  default = null
}

variable "baseline" {
  type    = any
  default = null
}

output "info" {
  value = provider::iamguard::certificate_info(var.pem, var.now, var.baseline)
}

# The baseline argument may be left out altogether.
output "default_baseline" {
  value = provider::iamguard::certificate_info(var.pem, var.now).findings
}
