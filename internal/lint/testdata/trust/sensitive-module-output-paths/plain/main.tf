output "y" {
  value = 7
}
