output "name" {
  value     = "erin-secret"
  sensitive = true
}

output "other" {
  value     = "gina-secret"
  sensitive = true
}
