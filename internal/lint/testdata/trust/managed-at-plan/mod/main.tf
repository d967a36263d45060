variable "user" { type = string }

resource "terraform_data" "flags" { input = "off" }

resource "aws_iam_user_login_profile" "this" {
  user                    = var.user
  password_reset_required = terraform_data.flags.output == "on" ? true : null
}
