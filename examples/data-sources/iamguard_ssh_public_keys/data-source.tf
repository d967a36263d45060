# Every user's SSH public keys (for CodeCommit), judged for weak algorithms
# and for keys shared between users.
data "iamguard_ssh_public_keys" "all" {}

output "ssh_keys_by_fingerprint" {
  value = {
    for k in data.iamguard_ssh_public_keys.all.ssh_public_keys : k.fingerprint => "${k.user_name}/${k.ssh_public_key_id}"... if k.fingerprint != null
  }
}

# One user's keys; shared keys are still found across every user.
data "iamguard_ssh_public_keys" "deployer" {
  user_name = "ci-deployer"
}

check "deployer_ssh_keys" {
  assert {
    condition     = data.iamguard_ssh_public_keys.deployer.compliant
    error_message = join("\n", [for f in data.iamguard_ssh_public_keys.deployer.findings : "${f.rule_id} ${f.subject}: ${f.message}"])
  }
}
