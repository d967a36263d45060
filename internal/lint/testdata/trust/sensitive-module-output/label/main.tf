variable "name" {
  type = string
}

output "id" {
  value = var.name
}
