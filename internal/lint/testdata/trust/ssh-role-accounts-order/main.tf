# carol: 111 k1, 222 k2, default-creds k1  (X2 shape)
resource "aws_iam_user_ssh_key" "c1" {
  provider   = aws.a
  username   = "carol"
  encoding   = "SSH"
  public_key = file("k1.pub")
}
resource "aws_iam_user_ssh_key" "c2" {
  provider   = aws.b
  username   = "carol"
  encoding   = "SSH"
  public_key = file("k2.pub")
}
resource "aws_iam_user_ssh_key" "c3" {
  username   = "carol"
  encoding   = "SSH"
  public_key = file("k1.pub")
}
# dave: same account 111 under two role names, two keys; no sharing
resource "aws_iam_user_ssh_key" "d1" {
  provider   = aws.a
  username   = "dave"
  encoding   = "SSH"
  public_key = file("k3.pub")
}
resource "aws_iam_user_ssh_key" "d2" {
  provider   = aws.a2
  username   = "dave"
  encoding   = "SSH"
  public_key = file("k4.pub")
}
