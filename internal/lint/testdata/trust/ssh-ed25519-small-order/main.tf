# Ed25519 keys that give no security whatever their size: the neutral
# point, which any signature "R = neutral, S = 0" verifies under, in both
# forms IAM takes, and bytes that are no point of the curve (round 244: no
# finding, while the same key in a certificate is IG304 high). The sound
# key beside them passes.
resource "aws_iam_user_ssh_key" "small" {
  username   = "alice"
  encoding   = "SSH"
  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
}

resource "aws_iam_user_ssh_key" "small_pem" {
  username   = "bob"
  encoding   = "PEM"
  public_key = <<-EOT
    -----BEGIN PUBLIC KEY-----
    MCowBQYDK2VwAyEAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=
    -----END PUBLIC KEY-----
  EOT
}

resource "aws_iam_user_ssh_key" "off_curve" {
  username   = "carol"
  encoding   = "SSH"
  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
}

resource "aws_iam_user_ssh_key" "sound" {
  username   = "dave"
  encoding   = "SSH"
  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILb542v/KFul7orCBLXpOEpo2tdwgjulMO1+e+Uge/// dave@example.com"
}
