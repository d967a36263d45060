variable "pgp_key" { type = string }
resource "aws_iam_user" "ci" {
  name = "github-actions"
  path = "/automation/"
}
resource "aws_iam_access_key" "ci" {
  user    = aws_iam_user.ci.name
  pgp_key = var.pgp_key
}
output "access_key_id" { value = aws_iam_access_key.ci.id }
output "encrypted_secret" { value = aws_iam_access_key.ci.encrypted_secret }
variable "ssh_key" { type = string }
resource "aws_iam_user" "alice" {
  name = "alice"
}
resource "aws_iam_user_ssh_key" "alice" {
  username   = aws_iam_user.alice.name
  encoding   = "SSH"
  public_key = var.ssh_key
}

# Rotation under way: a second key beside the first.
resource "aws_iam_access_key" "next" {
  user    = aws_iam_user.ci.name
  pgp_key = var.pgp_key
}
