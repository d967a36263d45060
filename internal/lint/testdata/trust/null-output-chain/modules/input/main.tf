variable "reset" {
  type = bool
}

output "reset" {
  value = var.reset
}
