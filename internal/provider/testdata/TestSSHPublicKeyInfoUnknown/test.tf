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

# terraform_data's output is known only after apply.
resource "terraform_data" "key" {
  input = var.key
}

resource "terraform_data" "bits" {
  input = 1024
}

output "key_unknown" {
  value = provider::iamguard::ssh_public_key_info(terraform_data.key.output)
}

output "baseline_unknown" {
  value = provider::iamguard::ssh_public_key_info(var.key, {
    min_rsa_bits = terraform_data.bits.output
  })
}

output "known" {
  value = provider::iamguard::ssh_public_key_info(var.key).bits
}
