variable "minimum_password_length" {
  type    = number
  default = 14
}
variable "max_password_age" {
  type    = number
  default = 90
}
resource "aws_iam_account_password_policy" "this" {
  minimum_password_length        = var.minimum_password_length
  require_lowercase_characters   = true
  require_uppercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  allow_users_to_change_password = true
  max_password_age               = var.max_password_age
  password_reuse_prevention      = 24
}
