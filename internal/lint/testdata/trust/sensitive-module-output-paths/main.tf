# More ways a value reads a module's output declared sensitive, which the
# plan does not mark (see sensitive-module-output), each a password policy
# whose minimum length is below the baseline: IG101 shows the length where
# it is read from no such output, and withholds it where it is.

module "secret" {
  source = "./secret"
}

module "plain" {
  source = "./plain"
}

# Read with another module's output, not declared sensitive, after it:
# withheld.
resource "aws_iam_account_password_policy" "max" {
  minimum_password_length      = max(module.secret.x, module.plain.y)
  require_symbols              = true
  require_numbers              = true
  require_uppercase_characters = true
  require_lowercase_characters = true
  password_reuse_prevention    = 24
  max_password_age             = 90
}

# Read through each.value of a module's for_each over such an output:
# withheld.
module "each" {
  source   = "./policy"
  for_each = nonsensitive(module.secret.lens)
  len      = each.value
}

# Read through a local value of a module whose child's output passes on its
# own child's: withheld (the local's expression is not in the plan, so any
# output of a child module may be what it reads).
module "chain" {
  source = "./chain"
}

# A constant, in a module that calls one with such an output: shown.
module "calls_secret" {
  source = "./calls-secret"
}

# A module's input named as its output declared sensitive, given a
# constant: shown.
module "same_name" {
  source = "./same-name"
  x      = 12
}
