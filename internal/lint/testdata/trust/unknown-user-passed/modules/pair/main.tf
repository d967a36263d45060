variable "user" {
  type = string
}

module "inner" {
  source = "../key"
  user   = var.user
}
