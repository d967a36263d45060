# alice's key k1 in account 111 was imported a second time at c1; the old address is let go (forgotten).
removed {
  from = aws_iam_user_ssh_key.old
  lifecycle { destroy = false }
}
resource "aws_iam_user_ssh_key" "c1" {
  provider   = aws.a
  username   = "alice"
  encoding   = "SSH"
  public_key = file("k1.pub")
}
resource "aws_iam_user_ssh_key" "c2" {
  provider   = aws.b
  username   = "alice"
  encoding   = "SSH"
  public_key = file("k2.pub")
}

# A finding, as every case gives one.
resource "aws_iam_access_key" "k" {
  provider = aws.a
  user     = "alice"
}
