# Every user's keys. Set user_name to read one user's keys only.
data "iamguard_access_keys" "all" {}

output "stale_access_keys" {
  value = [
    for k in data.iamguard_access_keys.all.access_keys : "${k.user_name}/${k.access_key_id} (${k.age_days} days)"
    if k.status == "Active" && coalesce(k.age_days, 0) > 90
  ]
}

data "iamguard_access_keys" "deployer" {
  user_name = "ci-deployer"
}

check "deployer_keys" {
  assert {
    condition     = data.iamguard_access_keys.deployer.compliant
    error_message = join("\n", [for f in data.iamguard_access_keys.deployer.findings : "${f.rule_id} ${f.subject}: ${f.message}"])
  }
}
