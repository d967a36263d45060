module "inner" {
  source = "../names"
  who    = "relay"
}

output "name" {
  value = module.inner.direct
}
