# A weak policy and a key without pgp_key, which Terraform defers to a
# later round: judged as any change (round 163: 0 findings, exit 0).
resource "aws_iam_account_password_policy" "p" {
  minimum_password_length = 8
}
resource "aws_iam_access_key" "k" {
  user = "deployer"
}
