ephemeral "aws_eks_cluster_auth" "c" {
  name = "cluster"
}
resource "aws_iam_user_login_profile" "this" {
  user                    = "alice"
  password_reset_required = ephemeralasnull(ephemeral.aws_eks_cluster_auth.c.token)
}
