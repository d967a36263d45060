variable "reset" {
  type      = bool
  ephemeral = true
}
resource "aws_iam_user_login_profile" "this" {
  user                    = "alice"
  password_reset_required = ephemeralasnull(var.reset)
}
