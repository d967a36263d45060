data "aws_partition" "current" {}

output "reset" {
  value = data.aws_partition.current.partition == "aws-cn" ? true : null
}
