# The shape of make bench's "access keys with their users" plan
# (plantest.WriteKeysWithUsers), at 20 keys: users and two keys each, by
# for_each, the keys naming their user by reference.
locals {
  users = toset([for i in range(10) : "user-${i}"])
  keys  = { for p in setproduct(local.users, [0, 1]) : "${p[0]}-${p[1]}" => p[0] }
}

resource "aws_iam_user" "u" {
  for_each = local.users
  name     = each.key
}

resource "aws_iam_access_key" "k" {
  for_each = local.keys
  user     = aws_iam_user.u[each.value].name
}
