# Users deleted and made again under the same name. The AWS provider deletes
# a user with force_destroy (in state) only after deleting its signing
# certificates; without it, IAM refuses to delete a user who holds one
# (DeleteConflict) and nothing is removed.
# - alice (force_destroy) is replaced: her Active certificate, no-op in the
#   plan, goes with the old user and the new alice gets none: IG501.
# - erin (force_destroy) is deleted and a user of her name made at another
#   address: her certificate goes the same way: IG501.
# - bob (force_destroy) is replaced and his certificate uploaded again for
#   the new bob: no IG501.
# - carol, without force_destroy, is replaced: no finding.
# - dave (force_destroy) is replaced and holds no certificate: no finding.
# - frank (force_destroy) leaves with his certificate: no IG501.
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
  user_name        = aws_iam_user.alice.name
  certificate_body = file("${path.module}/alice.pem")
}

resource "aws_iam_user" "erin_again" {
  name = "erin"
}

resource "aws_iam_signing_certificate" "erin" {
  user_name        = "erin"
  certificate_body = file("${path.module}/erin.pem")
}

resource "aws_iam_user" "bob" {
  name          = "bob"
  force_destroy = true
  lifecycle {
    replace_triggered_by = [terraform_data.rev]
  }
}

resource "aws_iam_signing_certificate" "bob" {
  user_name        = aws_iam_user.bob.name
  certificate_body = file("${path.module}/bob.pem")
  lifecycle {
    replace_triggered_by = [aws_iam_user.bob]
  }
}

resource "aws_iam_user" "carol" {
  name = "carol"
  lifecycle {
    replace_triggered_by = [terraform_data.rev]
  }
}

resource "aws_iam_signing_certificate" "carol" {
  user_name        = aws_iam_user.carol.name
  certificate_body = file("${path.module}/carol.pem")
}

resource "aws_iam_user" "dave" {
  name          = "dave"
  force_destroy = true
  lifecycle {
    replace_triggered_by = [terraform_data.rev]
  }
}
