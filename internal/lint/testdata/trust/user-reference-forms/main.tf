# The forms in which a credential can name an IAM user by reference.

# An instance key spelt as a number or as a string is one object,
# whichever of for_each and count made it.
resource "aws_iam_user" "each" {
  for_each = toset(["0"])
  name     = "each-user"
}

resource "aws_iam_access_key" "each_quoted" {
  user    = aws_iam_user.each["0"].id
  pgp_key = "keybase:ci"
}

resource "aws_iam_access_key" "each_number" {
  user    = aws_iam_user.each[0].id
  pgp_key = "keybase:ci"
}

resource "aws_iam_user" "counted" {
  count = 1
  name  = "counted-user"
}

resource "aws_iam_access_key" "counted_number" {
  user    = aws_iam_user.counted[0].id
  pgp_key = "keybase:ci"
}

resource "aws_iam_access_key" "counted_quoted" {
  user    = aws_iam_user.counted["0"].id
  pgp_key = "keybase:ci"
}

# A string key that converts to the number is that index too.
resource "aws_iam_user" "pair" {
  count = 2
  name  = "pair-${count.index}"
}

resource "aws_iam_access_key" "pair_one" {
  user    = aws_iam_user.pair[1].id
  pgp_key = "keybase:ci"
}

resource "aws_iam_access_key" "pair_zero_one" {
  user    = aws_iam_user.pair["01"].id
  pgp_key = "keybase:ci"
}

# Only the ID and the name are the user's name: any other attribute, or a
# splat, may be any user's.
resource "terraform_data" "a" {
  input = "alice"
}

resource "terraform_data" "b" {
  input = "bob"
}

resource "aws_iam_user" "ci" {
  name = "ci"
  tags = {
    id   = terraform_data.a.output
    name = terraform_data.b.output
  }
}

resource "aws_iam_access_key" "by_name" {
  user    = aws_iam_user.ci.name
  pgp_key = "keybase:ci"
}

resource "aws_iam_access_key" "by_arn" {
  user    = element(split("/", aws_iam_user.ci.arn), 1)
  pgp_key = "keybase:ci"
}

resource "aws_iam_access_key" "by_splat" {
  user    = one(aws_iam_user.counted[*].id)
  pgp_key = "keybase:ci"
}

resource "aws_iam_user_ssh_key" "tags_id" {
  username   = aws_iam_user.ci.tags.id
  encoding   = "SSH"
  public_key = "SSH_KEY_PLACEHOLDER"
}

resource "aws_iam_user_ssh_key" "tags_name" {
  username   = aws_iam_user.ci.tags.name
  encoding   = "SSH"
  public_key = "SSH_KEY_PLACEHOLDER"
}

# A user whose name is sensitive stays withheld, though another key
# names it outright.
variable "secret_name" {
  type      = string
  sensitive = true
  default   = "alice"
}

resource "aws_iam_user" "secret" {
  name = var.secret_name
}

resource "aws_iam_access_key" "secret_by_id" {
  user    = aws_iam_user.secret.id
  pgp_key = "keybase:ci"
}

resource "aws_iam_access_key" "secret_alias" {
  user    = "ALICE"
  pgp_key = "keybase:ci"
}
