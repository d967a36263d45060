variable "user" { type = string }
variable "arn" { type = string }

data "aws_arn" "this" { arn = var.arn }

resource "aws_iam_user_login_profile" "this" {
  user                    = var.user
  password_reset_required = data.aws_arn.this.region == "" ? null : true
}
