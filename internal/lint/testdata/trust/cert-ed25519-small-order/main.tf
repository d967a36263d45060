# A body whose Ed25519 key is the identity point, which any signature of
# "R = identity, S = 0" verifies under, signed so and naming a CA whose key
# is the point of order 2, which verifies the same signature: the chain
# verifies, and the body is still self-signed (round 205: the check a
# verified chain spares was spared here, no IG310 for web). nochain is the
# same body without the chain.
resource "aws_iam_server_certificate" "web" {
  name              = "web"
  certificate_body  = file("${path.module}/body.pem")
  certificate_chain = file("${path.module}/chain.pem")
  private_key       = file("${path.module}/key.pem")
}

resource "aws_iam_server_certificate" "nochain" {
  name             = "nochain"
  certificate_body = file("${path.module}/body.pem")
  private_key      = file("${path.module}/key.pem")
}
