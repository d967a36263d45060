# bob, with force_destroy, replaced creating first under his own name: IAM
# refuses the new user (EntityAlreadyExists) and the apply stops there, so
# bob and his old key stay (round 274: the key was taken as gone, no
# IG204).
resource "aws_iam_user" "bob" {
  name          = "bob"
  force_destroy = true

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_iam_access_key" "bob" {
  user = "bob"
}
