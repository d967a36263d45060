# Two weak CAs in the chain of a sensitive body, and an expired weak signing
# certificate marked sensitive: each withheld finding reads as its rule's
# summary, yet is its own SARIF alert (round 311: one fingerprint for the two).
resource "aws_iam_server_certificate" "web" {
  name              = "web"
  certificate_body  = sensitive(file("${path.module}/body.pem"))
  certificate_chain = file("${path.module}/chain.pem")
  private_key       = file("${path.module}/key.pem")
}
resource "aws_iam_server_certificate" "plain" {
  name              = "plain"
  certificate_body  = file("${path.module}/body.pem")
  certificate_chain = file("${path.module}/chain.pem")
  private_key       = file("${path.module}/key.pem")
}
resource "aws_iam_signing_certificate" "s" {
  user_name        = "bob"
  certificate_body = sensitive(file("${path.module}/sign.pem"))
}
resource "aws_iam_signing_certificate" "s_plain" {
  user_name        = "carol"
  certificate_body = file("${path.module}/sign.pem")
}
