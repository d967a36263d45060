resource "aws_iam_user_ssh_key" "s1" {
  provider = aws.a
  username   = "deploy"
  encoding   = "SSH"
  public_key = file("ssh3072.pub")
}
resource "aws_iam_user_ssh_key" "s2" {
  provider = aws.b
  username   = "deploy"
  encoding   = "SSH"
  public_key = file("ssh3072.pub")
}
resource "aws_iam_user_ssh_key" "s3" {
  username   = "deploy"
  encoding   = "SSH"
  public_key = file("ssh3072.pub")
}
