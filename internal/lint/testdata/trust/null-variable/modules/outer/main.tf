variable "reset" {
  type    = bool
  default = true
}

module "inner" {
  source = "../inner"
  user   = "module-null"
  reset  = var.reset
}
