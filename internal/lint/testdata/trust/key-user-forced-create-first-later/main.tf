# key-user-forced-create-first with bob's new name known only after apply
# ("bob" again): IAM may refuse the new user, and bob's old key stays
# (round 276: the key was taken as gone, no IG204).
resource "terraform_data" "n" {
  input            = "bob"
  triggers_replace = "2"
}

resource "aws_iam_user" "bob" {
  name          = terraform_data.n.output
  force_destroy = true

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_iam_access_key" "bob" {
  user = "bob"
}
