resource "terraform_data" "password" {
  input = "generated"
}

# Declared sensitive, read from another object: where Terraform marks the
# value, it marks it itself.
output "password" {
  value     = terraform_data.password.output
  sensitive = true
}
