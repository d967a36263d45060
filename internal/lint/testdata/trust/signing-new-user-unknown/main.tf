# alice keeps her name; her certificate's address is reused for a new user,
# bob, whose name is known only after apply: not alice, who stays beside
# him. Her certificate is deleted with no replacement: IG501 medium.
resource "aws_iam_user" "alice" { name = "alice" }
resource "terraform_data" "suffix" { input = "x" }
resource "aws_iam_user" "bob" { name = "bob-${terraform_data.suffix.id}" }
resource "aws_iam_signing_certificate" "c" {
  user_name        = aws_iam_user.bob.name
  certificate_body = file("${path.module}/bob.pem")
}
