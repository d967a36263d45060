# Inspect a certificate before it is uploaded. plantimestamp() is known during
# plan and the same during apply, so the findings do not change in between.
locals {
  certificate = provider::iamguard::certificate_info(file("${path.module}/cert.pem"), plantimestamp())
}

output "certificate" {
  value = {
    subject     = local.certificate.subject
    issuer      = local.certificate.issuer
    names       = local.certificate.sans
    expires     = local.certificate.not_after
    key         = "${local.certificate.key_algorithm} ${local.certificate.key_bits}"
    fingerprint = local.certificate.sha256_fingerprint
  }
}

output "certificate_findings" {
  value = [for f in local.certificate.findings : "${f.rule_id} ${f.rule} (${f.severity}): ${f.message}"]
}

# With a baseline: only names under example.com, and warn 60 days ahead.
output "strict_findings" {
  value = provider::iamguard::certificate_info(file("${path.module}/cert.pem"), plantimestamp(), {
    allowed_certificate_domains     = ["*.example.com"]
    certificate_expiry_warning_days = 60
  }).findings
}
