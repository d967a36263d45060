# Users with force_destroy replaced, each with a new certificate uploaded and
# the old one removed. A new certificate counts as the replacement only if
# Terraform orders it after the user is made again; the old user goes with
# its certificates.
# - alice's upload names her by a constant, and nothing orders it after the
#   new alice: it may land on the old one and go with her: IG501 info.
# - bob's depends_on his user, and carol's reads her user's name: no finding.
resource "terraform_data" "rev" {
  input = "2"
}

resource "aws_iam_user" "alice" {
  name          = "alice"
  force_destroy = true
  lifecycle {
    replace_triggered_by = [terraform_data.rev]
  }
}

resource "aws_iam_signing_certificate" "alice" {
  user_name        = "alice"
  certificate_body = file("${path.module}/alice.pem")
}

resource "aws_iam_user" "bob" {
  name          = "bob"
  force_destroy = true
  lifecycle {
    replace_triggered_by = [terraform_data.rev]
  }
}

resource "aws_iam_signing_certificate" "bob" {
  user_name        = "bob"
  certificate_body = file("${path.module}/bob.pem")
  depends_on       = [aws_iam_user.bob]
}

resource "aws_iam_user" "carol" {
  name          = "carol"
  force_destroy = true
  lifecycle {
    replace_triggered_by = [terraform_data.rev]
  }
}

resource "aws_iam_signing_certificate" "carol" {
  user_name        = aws_iam_user.carol.name
  certificate_body = file("${path.module}/carol.pem")
}
