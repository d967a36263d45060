output "x" {
  value     = 9
  sensitive = true
}

output "lens" {
  value     = { main = 10 }
  sensitive = true
}
