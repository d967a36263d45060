output "nothing" {
  value = null
}

output "flags" {
  value = { reset = null }
}
