output "name" {
  value     = "carol-secret"
  sensitive = true
}

output "len" {
  value     = 9
  sensitive = true
}

output "other" {
  value     = "dave-secret"
  sensitive = true
}
