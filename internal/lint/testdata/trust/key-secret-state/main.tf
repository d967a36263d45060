# Where an access key's secret is in state, and where it is not (IG202).
# State holds three keys made without pgp_key:
# - imported: brought in by an import block, so its secret is null (AWS
#   returns a secret only from CreateAccessKey): nothing secret in state;
# - forgotten: made by Terraform with its secret in state; the removed
#   block takes it, and its secret, out of state (the key stays in AWS);
# - kept: made by Terraform, its secret still in state.
# created is a new key without pgp_key: its secret will be in state.
resource "aws_iam_access_key" "imported" {
  user = "bob"
}

removed {
  from = aws_iam_access_key.forgotten
  lifecycle { destroy = false }
}

resource "aws_iam_access_key" "kept" {
  user = "erin"
}

resource "aws_iam_access_key" "created" {
  user = "carol"
}
