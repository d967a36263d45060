# Uploads a server certificate to IAM, and refuses during plan one that
# expires within min_days_valid days (30 by default) or that iamguard judges
# weak. Needs Terraform 1.8+ (or OpenTofu 1.7+) for provider functions.
terraform {
  required_version = ">= 1.8.0"
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
    iamguard = {
      source = "iamguard/iamguard"
    }
  }
}

variable "name" {
  description = "Name prefix of the server certificate in IAM."
  type        = string
}

variable "certificate_body" {
  description = "The certificate, PEM-encoded."
  type        = string
}

variable "certificate_chain" {
  description = "The issuer's intermediate certificates, PEM-encoded, or null."
  type        = string
  default     = null
}

variable "private_key" {
  description = "The certificate's private key, PEM-encoded."
  type        = string
  sensitive   = true
}

variable "min_days_valid" {
  description = "Refuse a certificate that expires within this many days (1 to 3650, the bounds of certificate_expiry_warning_days)."
  type        = number
  default     = 30

  validation {
    condition     = var.min_days_valid == floor(var.min_days_valid) && var.min_days_valid >= 1 && var.min_days_valid <= 3650
    error_message = "min_days_valid must be a whole number of days from 1 to 3650."
  }
}

locals {
  # plantimestamp() is known during plan and the same during apply, so the
  # verdict cannot change in between. The baseline's warning window follows
  # min_days_valid, so certificate-expiring agrees with the check below.
  certificate = provider::iamguard::certificate_info(var.certificate_body, plantimestamp(), {
    certificate_expiry_warning_days = var.min_days_valid
  })
  refused = [for f in local.certificate.findings : f if contains(["high", "critical"], f.severity)]
}

resource "aws_iam_server_certificate" "this" {
  name_prefix       = "${var.name}-"
  certificate_body  = var.certificate_body
  certificate_chain = var.certificate_chain
  private_key       = var.private_key

  lifecycle {
    create_before_destroy = true

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

output "arn" {
  description = "ARN of the uploaded server certificate."
  value       = aws_iam_server_certificate.this.arn
}

output "not_after" {
  description = "When the certificate expires (RFC 3339)."
  value       = local.certificate.not_after
}

output "findings" {
  description = "Every iamguard finding on the certificate, including those that do not refuse it."
  value       = local.certificate.findings
}
