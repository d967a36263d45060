terraform {
  required_providers {
    iamguard = {
      source = "iamguard/iamguard"
    }
  }
}

variable "pem" {
  type      = string
  sensitive = true
}

variable "now" {
  type    = string
  default = null
}

output "info" {
  value     = provider::iamguard::certificate_info(var.pem, var.now)
  sensitive = true
}
