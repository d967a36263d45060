# Every server certificate, judged as iamguard lint judges a planned one.
data "iamguard_server_certificates" "all" {}

output "certificates_expiring_within_60_days" {
  value = [
    for c in data.iamguard_server_certificates.all.server_certificates : "${c.name} (${c.days_to_expiry} days)"
    if c.days_to_expiry < 60
  ]
}

# Only the CloudFront certificates of production.
data "iamguard_server_certificates" "cloudfront" {
  path_prefix = "/cloudfront/"
  name_regex  = "^prod-"
}

check "cloudfront_certificates" {
  assert {
    condition     = data.iamguard_server_certificates.cloudfront.compliant
    error_message = join("\n", [for f in data.iamguard_server_certificates.cloudfront.findings : "${f.rule_id} ${f.subject}: ${f.message}"])
  }
}
