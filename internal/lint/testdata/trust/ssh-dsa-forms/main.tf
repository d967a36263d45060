# One DSA key of 2,048 bits for two users, in its PEM and its OpenSSH
# form: x/crypto/ssh refuses the OpenSSH form (it takes 1,024 bits only),
# though OpenSSH reads it (round 269: IG401 on u0's, IG403 on u1's, and
# the key not seen as shared).
resource "aws_iam_user_ssh_key" "pem" {
  username   = "u0"
  encoding   = "PEM"
  public_key = file("${path.module}/dsa.pem")
}

resource "aws_iam_user_ssh_key" "ssh" {
  username   = "u1"
  encoding   = "SSH"
  public_key = file("${path.module}/dsa.pub")
}
