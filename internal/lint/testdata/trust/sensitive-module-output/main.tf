# A module's output declared sensitive marks nothing in the plan: Terraform
# 1.11 leaves a value read from one out of after_sensitive. Each name below
# is read from such an output, one way or another, and is withheld all the
# same; the name read from an output not declared sensitive is shown.

module "names" {
  source = "./names"
  who    = "deployer"
}

# Read directly.
resource "aws_iam_access_key" "direct" {
  count   = 2
  user    = module.names.direct
  pgp_key = "keybase:ops"
}

# Read through a module's output that passes another module's on, which
# Terraform does not make declare sensitive.
module "relay" {
  source = "./relay"
}

resource "aws_iam_access_key" "relayed" {
  count   = 2
  user    = module.relay.name
  pgp_key = "keybase:ops"
}

# Read through a local value of a module, passed on by its output.
resource "aws_iam_access_key" "relayed_local" {
  count   = 2
  user    = module.relay.via_local
  pgp_key = "keybase:ops"
}

# Read through a module's input.
module "keys" {
  source = "./keys"
  user   = module.names.input
}

# Read through a module's input, then a local value within it.
module "keys_local" {
  source = "./keys-local"
  user   = module.names.module_local
}

# Read through a local value, whose expression the plan does not show.
locals {
  via_local = module.names.local
}

resource "aws_iam_access_key" "local" {
  count   = 2
  user    = local.via_local
  pgp_key = "keybase:ops"
}

# Read through each.value of a for_each over such an output: one SSH key
# for two users (IG404 names them).
resource "aws_iam_user_ssh_key" "each" {
  for_each   = module.names.ssh_users
  username   = each.value
  encoding   = "SSH"
  public_key = "SSH_KEY_PLACEHOLDER"
}

# Not declared sensitive: shown.
resource "aws_iam_access_key" "plain" {
  count   = 2
  user    = module.names.plain
  pgp_key = "keybase:ops"
}

# A trail's selector reading such an output: the selectors are withheld.
resource "aws_cloudtrail" "selector" {
  name                          = "selector"
  s3_bucket_name                = "logs"
  is_multi_region_trail         = true
  enable_log_file_validation    = true
  include_global_service_events = true
  event_selector {
    read_write_type                  = "All"
    include_management_events        = true
    exclude_management_event_sources = [module.names.excluded_source]
  }
}

# Given a module through a local value: the root's locals may read that
# module's outputs, which read its locals, which may read its input, which
# is the root's local (round 134: printed in three runs out of four).
locals {
  cycle_user = module.names.cycle
}

module "cycle" {
  source = "./keys-team"
  user   = local.cycle_user
}

# Passed through a module that holds nothing iamguard judges, whose output
# reads its input (round 135: printed).
module "label" {
  source = "./label"
  name   = module.names.labelled
}

resource "aws_iam_access_key" "labelled" {
  count   = 2
  user    = module.label.id
  pgp_key = "keybase:ops"
}
