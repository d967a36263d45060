module "inner" {
  source = "./inner"
}

output "reset" {
  value = module.inner.reset
}
