# The account's policy (terraform.tfstate) requires every character class,
# remembers 24 passwords and expires them after 90 days. The configuration
# now sets only the length: on this update the AWS provider keeps the
# current value of each argument omitted, and the plan says so.
# Planned by Terraform 1.11 and hashicorp/aws 5.100.0, with
# internal/lint/testdata/trust/provider.tf.in as provider.tf.
resource "aws_iam_account_password_policy" "this" {
  minimum_password_length = 14
}
