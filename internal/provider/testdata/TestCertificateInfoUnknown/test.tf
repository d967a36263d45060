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

# terraform_data's output is known only after apply.
resource "terraform_data" "pem" {
  input = var.pem
}

resource "terraform_data" "now" {
  input = "2026-06-01T12:00:00Z"
}

resource "terraform_data" "domain" {
  input = "*.example.com"
}

output "pem_unknown" {
  value = provider::iamguard::certificate_info(terraform_data.pem.output, "2026-06-01T12:00:00Z")
}

output "now_unknown" {
  value = provider::iamguard::certificate_info(var.pem, terraform_data.now.output)
}

output "baseline_unknown" {
  value = provider::iamguard::certificate_info(var.pem, "2026-06-01T12:00:00Z", {
    allowed_certificate_domains = [terraform_data.domain.output]
  })
}

# plantimestamp() is known during plan, and the same during apply.
output "known" {
  value = provider::iamguard::certificate_info(var.pem, plantimestamp()).not_after
}
