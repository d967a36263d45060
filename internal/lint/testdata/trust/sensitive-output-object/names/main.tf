resource "terraform_data" "name" {
  input = "CANARY-object-user"
}

# Declared sensitive, read from another object whose attribute is not
# sensitive: Terraform marks nothing.
output "user" {
  value     = terraform_data.name.input
  sensitive = true
}
