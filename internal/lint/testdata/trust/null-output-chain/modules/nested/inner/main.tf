output "reset" {
  value = null
}
