terraform {
  required_providers {
    iamguard = {
      source = "iamguard/iamguard"
    }
  }
}

# The refusal of examples/modules/server-certificate, on a built-in resource
# so that the test needs no AWS provider.
variable "certificate_body" {
  type = string
}

variable "min_days_valid" {
  type    = number
  default = 30

  validation {
    condition     = var.min_days_valid == floor(var.min_days_valid) && var.min_days_valid >= 1 && var.min_days_valid <= 3650
    error_message = "min_days_valid must be a whole number of days from 1 to 3650."
  }
}

locals {
  certificate = provider::iamguard::certificate_info(var.certificate_body, plantimestamp(), {
    certificate_expiry_warning_days = var.min_days_valid
  })
  refused = [for f in local.certificate.findings : f if contains(["high", "critical"], f.severity)]
}

resource "terraform_data" "upload" {
  input = local.certificate.sha256_fingerprint

  lifecycle {
    precondition {
      condition     = timecmp(local.certificate.not_after, timeadd(plantimestamp(), "${var.min_days_valid * 24}h")) > 0
      error_message = "The certificate for ${local.certificate.subject} expires at ${local.certificate.not_after}, within ${var.min_days_valid} days: upload its renewal instead."
    }

    precondition {
      condition     = length(local.refused) == 0
      error_message = join("\n", [for f in local.refused : "${f.rule_id} ${f.rule} (${f.severity}): ${f.message}"])
    }
  }
}
