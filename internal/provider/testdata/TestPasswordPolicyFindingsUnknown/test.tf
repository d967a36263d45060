terraform {
  required_providers {
    iamguard = {
      source = "iamguard/iamguard"
    }
  }
}

# terraform_data's output is known only after apply.
resource "terraform_data" "length" {
  input = 14
}

resource "terraform_data" "policy" {
  input = {
    minimum_password_length = 14
  }
}

resource "terraform_data" "baseline" {
  input = 12
}

output "attribute_unknown" {
  value = provider::iamguard::password_policy_findings({
    minimum_password_length = terraform_data.length.output
  })
}

output "policy_unknown" {
  value = provider::iamguard::password_policy_findings(terraform_data.policy.output, null)
}

output "baseline_unknown" {
  value = provider::iamguard::password_policy_findings({}, {
    password_min_length = terraform_data.baseline.output
  })
}

output "known" {
  value = provider::iamguard::password_policy_findings({})
}

# The resource's own computed attributes, unknown until it is made, leave
# the findings known (round 103): the resource itself can be judged in plan.
output "computed_unknown" {
  value = provider::iamguard::password_policy_findings({
    id                      = terraform_data.policy.id
    expire_passwords        = terraform_data.length.output
    minimum_password_length = 8
  })
}
