# alice's one active certificate, managed at two addresses (imported twice):
# IAM holds it once. The plan deletes it through one address and uploads a
# new one: two at most, under IAM's quota (round 355: counted three, IG501
# info).
resource "aws_iam_signing_certificate" "again" {
  user_name        = "alice"
  certificate_body = file("${path.module}/old.pem")
}

resource "aws_iam_signing_certificate" "new" {
  user_name        = "alice"
  certificate_body = file("${path.module}/new.pem")
}

# A finding, as every case gives one.
resource "aws_iam_access_key" "k" {
  user = "alice"
}
