# Users named by the keys of a map a module's output declared sensitive
# gives, which the plan does not mark: a name read through each.key is
# withheld as one read through each.value is (round 243: IG203 showed it).
# The instance keys stay in the addresses, as Terraform's own plan shows
# them.

module "names" {
  source = "./names"
}

# Two keys for each user, named by each.key of the resource's for_each.
resource "aws_iam_access_key" "a" {
  for_each = module.names.users
  user     = each.key
}

resource "aws_iam_access_key" "b" {
  for_each = module.names.users
  user     = each.key
}

# The same through a module's for_each: its input given each.key.
module "user" {
  source   = "./user"
  for_each = module.names.others
  name     = each.key
}
