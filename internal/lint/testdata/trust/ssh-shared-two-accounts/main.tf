resource "aws_iam_user_ssh_key" "prod" {
  provider   = aws.prod
  username   = "ci"
  encoding   = "SSH"
  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA/Htd68+i51EKEiOeTINHmtIQQIZn/WIMD3Iegk0eTA "
}
resource "aws_iam_user_ssh_key" "dev" {
  provider   = aws.dev
  username   = "ci"
  encoding   = "SSH"
  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA/Htd68+i51EKEiOeTINHmtIQQIZn/WIMD3Iegk0eTA "
}
