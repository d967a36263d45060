module "inner" {
  source = "../names"
  who    = "relay"
}

output "name" {
  value = module.inner.direct
}

locals {
  inner = module.inner.local
}

output "via_local" {
  value = local.inner
}
