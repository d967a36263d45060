module "secret" {
  source = "../secret"
}

output "y" {
  value = module.secret.x
}
