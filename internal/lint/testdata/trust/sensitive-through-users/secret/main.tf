output "owner" {
  value     = "hana-secret"
  sensitive = true
}

output "name" {
  value     = "ivan-secret"
  sensitive = true
}

output "ssh" {
  value     = "jack-secret"
  sensitive = true
}
