# A for_each key is the one instance it spells: "1", "01" and "1e0" are
# three users, though they convert to one number. A number index, u[1],
# reads the key "1": Terraform converts it to a string.
resource "aws_iam_user" "u" {
  for_each = { "1" = "alice", "01" = "bob", "1e0" = "carol" }
  name     = each.value
}

# alice: by the key "1" and by the index 1, two keys: IG203.
resource "aws_iam_access_key" "alice_key" {
  user    = aws_iam_user.u["1"].id
  pgp_key = "keybase:ci"
}

resource "aws_iam_access_key" "alice_index" {
  user    = aws_iam_user.u[1].name
  pgp_key = "keybase:ci"
}

# bob: by the key "01", and by name: IG203.
resource "aws_iam_access_key" "bob_key" {
  user    = aws_iam_user.u["01"].id
  pgp_key = "keybase:ci"
}

resource "aws_iam_access_key" "bob_name" {
  user    = "bob"
  pgp_key = "keybase:ci"
}

# carol: one key.
resource "aws_iam_access_key" "carol_key" {
  user    = aws_iam_user.u["1e0"].id
  pgp_key = "keybase:ci"
}

# Users named only after apply: the keys "1" and "01" are still two
# users, one key each.
resource "terraform_data" "suffix" {
  input = "x"
}

resource "aws_iam_user" "later" {
  for_each = toset(["1", "01"])
  name     = "later-${each.key}-${terraform_data.suffix.output}"
}

resource "aws_iam_access_key" "later_one" {
  user    = aws_iam_user.later["1"].id
  pgp_key = "keybase:ci"
}

resource "aws_iam_access_key" "later_zero_one" {
  user    = aws_iam_user.later["01"].id
  pgp_key = "keybase:ci"
}

# A module whose aws_iam_user of the same name is counted: there the key
# "01" is the index 1.
module "counted" {
  source = "./modules/counted"
}
