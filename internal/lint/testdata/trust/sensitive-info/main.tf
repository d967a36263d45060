# Info findings drawn from sensitive values must be withheld like any other:
# IG310 at info named the key of a sensitive certificate_body, whose
# self-signature (an 8,200-bit RSA key, exponent 2^20+1, naming another
# issuer) costs too much to check; IG101 at info named the range IAM takes
# of a sensitive minimum_password_length it refuses (attack round 77).

variable "body" {
  type      = string
  sensitive = true
  default   = null
}

variable "min_length" {
  type      = number
  sensitive = true
  default   = 200
}

resource "aws_iam_server_certificate" "web" {
  name             = "web"
  certificate_body = coalesce(var.body, file("${path.module}/self-signed-8200.pem"))
  private_key      = "not a key"
}

resource "aws_iam_account_password_policy" "this" {
  minimum_password_length = var.min_length
}
