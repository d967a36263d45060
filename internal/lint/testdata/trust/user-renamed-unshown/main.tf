# Users renamed in prod beside credentials of a configuration that may be
# prod's account or another (env), and of one that is another (dev). In
# each case one reading gives a finding, and it must not be hidden by the
# other (round 256: the key or SSH key was taken to go with the renamed
# user, exit 0), nor may a user of dev take a name in prod (a false IG501).

# alice is renamed bob and a new user takes the name; env holds a key for
# "alice" and makes another: if env is another account, its alice has two
# (IG203).
resource "aws_iam_user" "k_p" {
  name = "bob" # was alice
}

resource "aws_iam_user" "k_n" {
  name       = "alice"
  depends_on = [aws_iam_user.k_p]
}

resource "aws_iam_access_key" "k_old" {
  provider = aws.env
  user     = "alice"
  pgp_key  = "keybase:x"
}

resource "aws_iam_access_key" "k_new" {
  provider = aws.env
  user     = "alice"
  pgp_key  = "keybase:x"
}

# sam is renamed sid, who gets k.pub; env holds k.pub for "sam": if env is
# another account, its sam and sid share the key (IG404).
resource "aws_iam_user" "s_p" {
  name = "sid" # was sam
}

resource "aws_iam_user_ssh_key" "s_old" {
  provider   = aws.env
  username   = "sam"
  encoding   = "SSH"
  public_key = file("${path.module}/k.pub")
}

resource "aws_iam_user_ssh_key" "s_new" {
  username   = aws_iam_user.s_p.name
  encoding   = "SSH"
  public_key = file("${path.module}/k.pub")
}

# tom is renamed tim, his certificate deleted and a new one uploaded for
# "tom", which no user of prod takes: made before the rename, it goes with
# him. dev keeps a user tom of its own, which takes nothing in prod (no
# IG501).
resource "aws_iam_user" "c_p" {
  name = "tim" # was tom
}

resource "aws_iam_user" "c_d" {
  provider = aws.dev
  name     = "tom"
}

resource "aws_iam_signing_certificate" "c_old" {
  count            = 0
  user_name        = "tom"
  certificate_body = ""
}

resource "aws_iam_signing_certificate" "c_new" {
  user_name        = "tom"
  certificate_body = file("${path.module}/new.pem")
}
