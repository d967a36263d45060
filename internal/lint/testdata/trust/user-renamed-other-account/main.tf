# Two accounts, each of constant credentials: the default configuration
# (prod) renames its users, while users of the same names in dev (aws.dev)
# keep their own credentials (round 253: a rename moved dev's credentials
# to the renamed prod user).

# prod renames alice alice2; dev keeps its own alice, whose standing key
# and a new one make two (IG203).
resource "aws_iam_user" "a" {
  name = "alice2" # was alice
}

resource "aws_iam_user" "b" {
  provider = aws.dev
  name     = "alice"
}

resource "aws_iam_access_key" "b_old" {
  provider = aws.dev
  user     = aws_iam_user.b.name
  pgp_key  = "keybase:x"
}

resource "aws_iam_access_key" "b_new" {
  provider = aws.dev
  user     = aws_iam_user.b.name
  pgp_key  = "keybase:x"
}

# prod renames carol carol2 and uploads a certificate for her; dev's carol,
# not managed here, loses her only one: prod's upload is no replacement
# (IG501).
resource "aws_iam_user" "c" {
  name = "carol2" # was carol
}

resource "aws_iam_signing_certificate" "c_new" {
  user_name        = aws_iam_user.c.name
  certificate_body = file("${path.module}/new.pem")
}

resource "aws_iam_signing_certificate" "c_old" {
  count            = 0
  provider         = aws.dev
  user_name        = "carol"
  certificate_body = ""
}

# prod renames erin erin2; dev keeps its own erin and rotates her
# certificate: replaced (no IG501).
resource "aws_iam_user" "e" {
  name = "erin2" # was erin
}

resource "aws_iam_user" "f" {
  provider = aws.dev
  name     = "erin"
}

resource "aws_iam_signing_certificate" "e_old" {
  count            = 0
  provider         = aws.dev
  user_name        = "erin"
  certificate_body = ""
}

resource "aws_iam_signing_certificate" "e_new" {
  provider         = aws.dev
  user_name        = aws_iam_user.f.name
  certificate_body = file("${path.module}/erin-new.pem")
}
