output "users" {
  value     = { "secret-user-one" = "first" }
  sensitive = true
}

output "others" {
  value     = toset(["secret-user-two"])
  sensitive = true
}
