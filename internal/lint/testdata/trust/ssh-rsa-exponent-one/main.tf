# An RSA key of 2,048 bits whose public exponent is 1: a signature under it
# is its own message, padded, so anyone can make one; OpenSSH reads the key
# and verifies such a signature (round 297: IG403 medium "not an OpenSSH
# public key", exit 0 with --fail-on high, while the same key in a
# certificate is IG304 high). The PEM form is the same key.
resource "aws_iam_user_ssh_key" "e1" {
  username   = "alice"
  encoding   = "SSH"
  public_key = "ssh-rsa AAAAB3NzaC1yc2EAAAABAQAAAQEAkSXgK3r2eabkMg3wE6wt88rRnsWKDMHLz2j9/IyDsW+29PMAKzq+nKitKukqyAvD7fzPw71E4s2aHOKiCIFOvcW/zPpBoZYzSRiKUI0usrEln0hzhoju31EwBS0IsDcZDITnvgrv+A8RSusvONpzLZU5TeNhVtvgt4OAbb050lPurr1wm9KWgxVu1s7MgwacPdmxxJCBZRb1hb9qggtyWcTkeqJRu+3oF2Tjcx0ksg7u1tMvkXbgInbl+OBrAn9rNHOBnMb1gbRworvN8Y16TR6yqiyZjoNpRUyQDW9HN2ODqGoAU1cbKfeQvQGyxYMZZ9khBNtk5UHQxR75NgGJWw== e1key"
}

resource "aws_iam_user_ssh_key" "e1_pem" {
  username   = "bob"
  encoding   = "PEM"
  public_key = <<-EOT
    -----BEGIN PUBLIC KEY-----
    MIIBIDANBgkqhkiG9w0BAQEFAAOCAQ0AMIIBCAKCAQEAkSXgK3r2eabkMg3wE6wt
    88rRnsWKDMHLz2j9/IyDsW+29PMAKzq+nKitKukqyAvD7fzPw71E4s2aHOKiCIFO
    vcW/zPpBoZYzSRiKUI0usrEln0hzhoju31EwBS0IsDcZDITnvgrv+A8RSusvONpz
    LZU5TeNhVtvgt4OAbb050lPurr1wm9KWgxVu1s7MgwacPdmxxJCBZRb1hb9qggty
    WcTkeqJRu+3oF2Tjcx0ksg7u1tMvkXbgInbl+OBrAn9rNHOBnMb1gbRworvN8Y16
    TR6yqiyZjoNpRUyQDW9HN2ODqGoAU1cbKfeQvQGyxYMZZ9khBNtk5UHQxR75NgGJ
    WwIBAQ==
    -----END PUBLIC KEY-----
  EOT
}
