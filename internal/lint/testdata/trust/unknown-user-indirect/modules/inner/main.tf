variable "user" {
  type = string
}

output "user" {
  value = var.user
}
