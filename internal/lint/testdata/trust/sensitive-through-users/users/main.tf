variable "name" {}

resource "aws_iam_user" "u" {
  name = var.name
}

output "ci_name" {
  value = "${aws_iam_user.u.name}-ci"
}
