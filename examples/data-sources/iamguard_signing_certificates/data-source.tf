# Every user's signing certificates, and the root user's from the
# credential report.
data "iamguard_signing_certificates" "all" {}

output "active_signing_certificates" {
  value = [
    for c in data.iamguard_signing_certificates.all.signing_certificates : "${c.user_name}/${c.certificate_id}"
    if c.status == "Active"
  ]
}

# All three live checks of uploaded credentials in one check block.
data "iamguard_server_certificates" "all" {}
data "iamguard_ssh_public_keys" "all" {}

check "uploaded_credentials" {
  assert {
    condition = alltrue([
      data.iamguard_server_certificates.all.compliant,
      data.iamguard_ssh_public_keys.all.compliant,
      data.iamguard_signing_certificates.all.compliant,
    ])
    error_message = join("\n", [
      for f in concat(
        data.iamguard_server_certificates.all.findings,
        data.iamguard_ssh_public_keys.all.findings,
        data.iamguard_signing_certificates.all.findings,
      ) : "${f.rule_id} ${f.subject}: ${f.message}"
    ])
  }
}
