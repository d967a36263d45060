# A server certificate uploaded with the AWS provider before 3.0, which
# kept the SHA-1 of private_key in state; AWS never returns the key, so the
# hash stays there and every plan is a no-op that shows it (round 297:
# IG308 high on a sound certificate). The state is written by hand as such
# a provider left it. typed gives the hash as its key in the configuration:
# IAM refuses that upload, and it is still IG308.
resource "aws_iam_server_certificate" "legacy" {
  name              = "legacy"
  certificate_body  = file("${path.module}/body.pem")
  certificate_chain = file("${path.module}/chain.pem")
  private_key       = file("${path.module}/key.pem")
}

resource "aws_iam_server_certificate" "typed" {
  name              = "typed"
  certificate_body  = file("${path.module}/body.pem")
  certificate_chain = file("${path.module}/chain.pem")
  private_key       = "a1ed05380ea41cd2f7e7c38a4a783c9cd08f5a36"
}
