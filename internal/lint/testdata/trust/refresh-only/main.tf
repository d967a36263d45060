# A refresh-only plan (terraform plan -refresh-only) lists no resource
# changes: the account as refreshed is its prior_state, and the drift is in
# resource_drift. Outside Terraform, the policy was weakened (8 characters,
# no symbols, reuse 1, no expiry) and the Inactive key switched on. Each
# object is judged as it stays once the plan is applied, and as the change
# resource_drift records, which applying the plan accepts.
#
# plan.json was made by Terraform 1.11 and the AWS provider 5.100.0 with
# -refresh-only, against a fake IAM endpoint (provider.tf) that served
# account.json; see plan.kept.

resource "aws_iam_account_password_policy" "p" {
  minimum_password_length      = 20
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers              = true
  require_symbols              = true
  max_password_age             = 60
  password_reuse_prevention    = 24
}
resource "aws_iam_access_key" "old" {
  user    = "deployer"
  status  = "Inactive"
  pgp_key = "keybase:x"
}
resource "aws_iam_access_key" "new" {
  user    = "deployer"
  pgp_key = "keybase:x"
}
