# The state was written before var.user became sensitive; a new body forces
# a replacement, so Terraform marks user_name on the after side only. The
# name must not show in any message (IG501 names the before side's user).
variable "user" {
  type      = string
  sensitive = true
  default   = "CANARY-real-user"
}

resource "aws_iam_signing_certificate" "c" {
  user_name        = var.user
  certificate_body = file("${path.module}/c2.pem")
  status           = "Inactive"
}
