# An errored plan (round 246): the precondition fails, so Terraform 1.11
# stops planning, yet terraform plan -out still writes the plan, with no
# resource changes, and terraform show -json shows it "errored": true. The
# key bob's state holds Inactive is switched on by the configuration: judged
# as a refresh-only plan, it passed (exit 0). Made with the AWS provider
# 5.100 and the state beside it:
#   terraform plan -refresh=false -out tfplan; terraform show -json tfplan > plan.json
variable "ok" { default = false }
resource "terraform_data" "gate" {
  input = "x"
  lifecycle {
    precondition {
      condition     = var.ok
      error_message = "gate failed"
    }
  }
}
resource "aws_iam_access_key" "k" {
  user       = "bob"
  pgp_key    = "keybase:bob"
  status     = "Active"
  depends_on = [terraform_data.gate]
}
