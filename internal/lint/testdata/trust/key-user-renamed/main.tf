# Users renamed in place (UpdateUser): IAM moves their access keys with
# them, so a key there before the plan is the user's under the new name,
# whatever its own user attribute still says.

# one and two: a key there before, and a key added for the new name. IG203.
resource "aws_iam_user" "one" { name = "new-one" }
resource "aws_iam_access_key" "one_old" {
  user    = aws_iam_user.one.id # planned as "old-one", the user's ID until apply
  pgp_key = "keybase:x"
}
resource "aws_iam_access_key" "one_new" {
  user    = aws_iam_user.one.name
  pgp_key = "keybase:x"
}

resource "aws_iam_user" "two" { name = "new-two" }
resource "aws_iam_access_key" "two_old" {
  user    = "old-two"
  pgp_key = "keybase:x"
}
resource "aws_iam_access_key" "two_new" {
  user    = "new-two"
  pgp_key = "keybase:x"
}

# three: the key added for the new name is inactive. No finding.
resource "aws_iam_user" "three" { name = "new-three" }
resource "aws_iam_access_key" "three_old" {
  user    = aws_iam_user.three.id
  pgp_key = "keybase:x"
}
resource "aws_iam_access_key" "three_new" {
  user    = aws_iam_user.three.name
  status  = "Inactive"
  pgp_key = "keybase:x"
}

# four: its SSH key goes with it, and a new user who takes the old name
# uploads the same key: two users hold it. IG404.
resource "aws_iam_user" "four" { name = "new-four" }
resource "aws_iam_user_ssh_key" "four_old" {
  username   = aws_iam_user.four.id
  encoding   = "SSH"
  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHc1m3lMfBxTh1JXz5k1A0nH/ykIp0gdKlyaVG8MbuiV k1"
}
resource "aws_iam_user" "four_again" { name = "old-four" }
resource "aws_iam_user_ssh_key" "four_again" {
  username   = aws_iam_user.four_again.name
  encoding   = "SSH"
  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHc1m3lMfBxTh1JXz5k1A0nH/ykIp0gdKlyaVG8MbuiV k1"
}

# five: its key is forgotten, and stays in AWS with the user, whose
# account the plan no longer shows beside a second provider configuration
# (below). IG203.
resource "aws_iam_user" "five" { name = "new-five" }
removed {
  from = aws_iam_access_key.five_old
  lifecycle {
    destroy = false
  }
}
resource "aws_iam_access_key" "five_new" {
  user    = "new-five"
  pgp_key = "keybase:x"
}

provider "aws" {
  alias                       = "other"
  region                      = "us-east-1"
  access_key                  = "AKIAIOSFODNN7OTHERAC"
  secret_key                  = "other-secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

# six: renamed to a name known only after apply. Its key there before and
# one added for the name it reads are one user's. IG203.
resource "terraform_data" "suffix" { input = "x" }
resource "aws_iam_user" "six" { name = "six-${terraform_data.suffix.id}" }
resource "aws_iam_access_key" "six_old" {
  user    = aws_iam_user.six.id
  pgp_key = "keybase:x"
}
resource "aws_iam_access_key" "six_new" {
  user    = aws_iam_user.six.name
  pgp_key = "keybase:x"
}

# seven: a key made for the old name, which no other user takes, is made
# before the rename and goes with it (or is not made at all). IG203.
resource "aws_iam_user" "seven" { name = "new-seven" }
resource "aws_iam_access_key" "seven_old" {
  user    = aws_iam_user.seven.id
  pgp_key = "keybase:x"
}
resource "aws_iam_access_key" "seven_new" {
  user    = "old-seven"
  pgp_key = "keybase:x"
}

# eight: as seven, beside a user of the old name in another account, which
# does not take the name in this one. IG203.
resource "aws_iam_user" "eight" { name = "new-eight" }
resource "aws_iam_access_key" "eight_old" {
  user    = aws_iam_user.eight.id
  pgp_key = "keybase:x"
}
resource "aws_iam_access_key" "eight_new" {
  user    = "old-eight"
  pgp_key = "keybase:x"
}
resource "aws_iam_user" "eight_elsewhere" {
  provider = aws.other
  name     = "old-eight"
}

# nine: renamed to a name known only after apply; its signing certificate
# follows the user's name, so it is uploaded again for the same user (IG501
# info: the plan does not show whose it is; medium before, round 149).
resource "aws_iam_user" "nine" { name = "nine-${terraform_data.suffix.id}" }
resource "aws_iam_signing_certificate" "nine" {
  user_name        = aws_iam_user.nine.name
  certificate_body = file("${path.module}/nine.pem")
}

# ten: a new user takes the old name, and a key made from the renamed
# user's ID (the old name until apply) is made after the rename: the
# renamed user's. IG203.
resource "aws_iam_user" "ten" { name = "new-ten" }
resource "aws_iam_user" "ten_again" { name = "old-ten" }
resource "aws_iam_access_key" "ten_old" {
  user    = aws_iam_user.ten.id
  pgp_key = "keybase:x"
}
resource "aws_iam_access_key" "ten_new" {
  user    = aws_iam_user.ten.id
  pgp_key = "keybase:x"
}
