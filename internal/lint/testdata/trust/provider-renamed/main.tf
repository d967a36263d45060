# State holds alice's signing certificate in account A (the default
# configuration of the AWS provider, here under the local name "amazon";
# provider.tf, which generate.sh keeps for this case).
# alice's certificate in account A is turned into bob's: alice's is deleted.
resource "aws_iam_signing_certificate" "rot" {
  provider         = amazon
  user_name        = "bob"
  certificate_body = file("${path.module}/alice.pem")
}

# An upload for a namesake alice in account B replaces nothing in account A.
resource "aws_iam_signing_certificate" "other" {
  provider         = amazon.other
  user_name        = "alice"
  certificate_body = file("${path.module}/bob-new.pem")
}
