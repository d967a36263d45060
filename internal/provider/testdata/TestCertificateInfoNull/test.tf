terraform {
  required_providers {
    iamguard = {
      source = "iamguard/iamguard"
    }
  }
}

output "info" {
  value = provider::iamguard::certificate_info(null, null)
}
