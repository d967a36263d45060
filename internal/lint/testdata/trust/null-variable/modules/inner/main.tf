variable "user" {
  type = string
}

variable "reset" {
  type    = bool
  default = true
}

resource "aws_iam_user_login_profile" "this" {
  user                    = var.user
  password_reset_required = var.reset
}
