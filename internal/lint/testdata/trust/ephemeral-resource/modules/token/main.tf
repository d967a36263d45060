ephemeral "aws_eks_cluster_auth" "c" {
  name = "cluster"
}
output "token" {
  value     = ephemeral.aws_eks_cluster_auth.c.token
  ephemeral = true
}
