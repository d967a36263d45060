# Users with force_destroy replaced; new certificates whose uploads nothing
# orders after the new user (as alice's constant in the fixture):
# alice: user_name from a local (a constant); bob: from a variable default;
# carol: depends_on something unrelated. None reads or depends on its user:
# IG501 info for all three.
resource "terraform_data" "rev" {
  input = "2"
}
resource "terraform_data" "unrelated" {
  input = "x"
}
locals {
  alice = "alice"
}
variable "bob" {
  default = "bob"
}
resource "aws_iam_user" "alice" {
  name          = "alice"
  force_destroy = true
  lifecycle {
    replace_triggered_by = [terraform_data.rev]
  }
}
resource "aws_iam_signing_certificate" "alice" {
  user_name        = local.alice
  certificate_body = file("${path.module}/alice.pem")
}
resource "aws_iam_user" "bob" {
  name          = "bob"
  force_destroy = true
  lifecycle {
    replace_triggered_by = [terraform_data.rev]
  }
}
resource "aws_iam_signing_certificate" "bob" {
  user_name        = var.bob
  certificate_body = file("${path.module}/bob.pem")
}
resource "aws_iam_user" "carol" {
  name          = "carol"
  force_destroy = true
  lifecycle {
    replace_triggered_by = [terraform_data.rev]
  }
}
resource "aws_iam_signing_certificate" "carol" {
  user_name        = "carol"
  certificate_body = file("${path.module}/carol.pem")
  depends_on       = [terraform_data.unrelated]
}
