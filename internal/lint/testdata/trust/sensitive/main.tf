# Values Terraform marks sensitive must be judged but never printed.
variable "min_length" {
  type      = number
  sensitive = true
  default   = 7
}

variable "deploy_user" {
  type      = string
  sensitive = true
  default   = "CANARY-user-7f3a"
}

variable "ssh_key" {
  type      = string
  sensitive = true
  default   = "SSH_KEY_PLACEHOLDER"
}

resource "aws_iam_account_password_policy" "this" {
  minimum_password_length = var.min_length
}

resource "aws_iam_access_key" "deploy" {
  count = 2
  user  = var.deploy_user
}

resource "aws_iam_user_ssh_key" "shared" {
  for_each   = toset(["alice", "bob"])
  username   = each.key
  encoding   = "SSH"
  public_key = var.ssh_key
}

resource "aws_iam_signing_certificate" "cert" {
  user_name        = var.deploy_user
  certificate_body = "not a certificate CANARY-body-91c2"
}
