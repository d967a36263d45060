variable "user" {
  type = string
}

locals {
  team = "platform"
}

resource "aws_iam_access_key" "this" {
  count   = 2
  user    = var.user
  pgp_key = "keybase:ops"
}

output "team" {
  value = local.team
}
