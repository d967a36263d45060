# alice's active certificate (in terraform.tfstate) is dropped, and its
# replacement's status is chosen at apply by timestamp(): Inactive, so
# alice is left with none (round 123: it was IG501 info, exit 0).
resource "aws_iam_signing_certificate" "new" {
  user_name        = "alice"
  certificate_body = file("${path.module}/new.pem")
  status           = timestamp() == "" ? "Active" : "Inactive"
}
