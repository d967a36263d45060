# A module that refuses to deploy into an account iamguard does not find
# compliant. Its precondition fails during plan and lists every finding,
# so nothing is applied until the account is fixed (or compliant_at is
# raised on the provider).
#
#   module "guard" {
#     source = "./modules/require-compliant-account"
#   }
#
# Make other modules depend on it (depends_on = [module.guard]) so that
# they too wait for a compliant account.

terraform {
  required_version = ">= 1.8"
  required_providers {
    iamguard = {
      source = "iamguard/iamguard"
    }
  }
}

data "iamguard_account_compliance" "this" {}

resource "terraform_data" "compliant_account" {
  input = data.iamguard_account_compliance.this.counts

  lifecycle {
    precondition {
      condition = data.iamguard_account_compliance.this.compliant
      error_message = join("\n", concat(
        ["This account is not compliant; fix these first:"],
        [for f in data.iamguard_account_compliance.this.findings : "${f.area}: ${f.rule_id} ${f.subject}: ${f.message}"],
      ))
    }
  }
}

output "areas" {
  description = "Each area's verdict."
  value       = data.iamguard_account_compliance.this.areas
}
