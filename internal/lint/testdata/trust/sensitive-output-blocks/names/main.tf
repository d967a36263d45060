output "field" {
  value     = "userIdentity.arn"
  sensitive = true
}
