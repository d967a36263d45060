# Judge the password policy a configuration is about to apply, with the same
# rules (and the same defaults for omitted arguments) as `iamguard lint`.
locals {
  password_policy = {
    minimum_password_length        = 14
    require_uppercase_characters   = true
    require_lowercase_characters   = true
    require_numbers                = true
    require_symbols                = true
    max_password_age               = 90
    password_reuse_prevention      = 24
    allow_users_to_change_password = true
  }
}

resource "aws_iam_account_password_policy" "this" {
  minimum_password_length        = local.password_policy.minimum_password_length
  require_uppercase_characters   = local.password_policy.require_uppercase_characters
  require_lowercase_characters   = local.password_policy.require_lowercase_characters
  require_numbers                = local.password_policy.require_numbers
  require_symbols                = local.password_policy.require_symbols
  max_password_age               = local.password_policy.max_password_age
  password_reuse_prevention      = local.password_policy.password_reuse_prevention
  allow_users_to_change_password = local.password_policy.allow_users_to_change_password

  lifecycle {
    precondition {
      # No baseline argument: the default baseline (CIS AWS Foundations).
      condition = length(provider::iamguard::password_policy_findings(local.password_policy)) == 0
      error_message = join("\n", [
        for f in provider::iamguard::password_policy_findings(local.password_policy) :
        "${f.rule_id} ${f.rule} (${f.severity}): ${f.message}"
      ])
    }
  }
}

# Omitted attributes are judged as the AWS default they leave in place, and
# the baseline can be relaxed or tightened; null also means the defaults.
output "relaxed_findings" {
  value = provider::iamguard::password_policy_findings(
    { minimum_password_length = 12, max_password_age = 180 },
    { password_min_length = 12, password_max_age_days = 180 },
  )
}

output "default_findings" {
  value = provider::iamguard::password_policy_findings({}, null)
}
