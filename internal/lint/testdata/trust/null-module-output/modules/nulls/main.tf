variable "flag" {
  type = bool
}

resource "terraform_data" "later" {
  input = true
}

output "nothing" {
  value = null
}

output "flag" {
  value = var.flag
}

output "later" {
  value = terraform_data.later.output
}
