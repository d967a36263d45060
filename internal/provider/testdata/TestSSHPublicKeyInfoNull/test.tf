terraform {
  required_providers {
    iamguard = {
      source = "iamguard/iamguard"
    }
  }
}

output "info" {
  value = provider::iamguard::ssh_public_key_info(null)
}
