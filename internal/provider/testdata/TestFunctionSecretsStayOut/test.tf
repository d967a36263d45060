terraform {
  required_providers {
    iamguard = {
      source = "iamguard/iamguard"
    }
  }
}

# Key material belongs in sensitive variables: Terraform itself shows the
# values of the variables an expression that fails refers to, unless they
# are sensitive.
variable "private_key" {
  type      = string
  sensitive = true
}

output "certificate" {
  value     = provider::iamguard::certificate_info(var.private_key, null)
  sensitive = true
}

output "ssh_key" {
  value     = provider::iamguard::ssh_public_key_info(var.private_key)
  sensitive = true
}
