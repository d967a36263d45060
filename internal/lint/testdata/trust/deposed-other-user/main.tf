# State holds only a deposed object of aws_iam_signing_certificate.s: alice's
# certificate (the old half of a create_before_destroy replacement whose
# destroy step failed; the new object was destroyed since).
# The configuration now gives the resource to bob: Terraform creates bob's
# certificate as the current object and destroys alice's deposed one.
# alice is left with no signing certificate.
resource "aws_iam_signing_certificate" "s" {
  user_name        = "bob"
  certificate_body = file("${path.module}/alice.pem")
}
