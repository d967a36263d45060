# A body its own P-256 key signs, naming an intermediate CA as its issuer.
# The intermediate holds a second key that verifies the same signature
# (recovered from it, as ECDSA allows), and a root signs the intermediate:
# the chain verifies, and the body is still self-signed (round 204: the
# check a verified chain spares was spared here, no IG310, exit 0).
resource "aws_iam_server_certificate" "web" {
  name              = "web"
  certificate_body  = file("${path.module}/body.pem")
  certificate_chain = file("${path.module}/chain.pem")
  private_key       = file("${path.module}/key.pem")
}
