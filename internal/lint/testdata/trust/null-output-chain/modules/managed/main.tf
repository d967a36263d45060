resource "terraform_data" "flags" {
  input = "off"
}

output "reset" {
  value = terraform_data.flags.output == "on" ? true : null
}
