variable "name" {
  type = string
}

resource "aws_iam_access_key" "one" {
  user = var.name
}

resource "aws_iam_access_key" "two" {
  user = var.name
}
