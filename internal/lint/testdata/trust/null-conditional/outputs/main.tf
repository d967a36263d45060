variable "strict" {
  type    = bool
  default = true
}

output "nothing" {
  value = var.strict ? null : null
}
