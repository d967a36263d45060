# Names in scripts other than Latin's ASCII, which Terraform writes as they
# are in addresses: judged as any other.
resource "aws_iam_user" "usér" {
  name = "deployer"
}

resource "aws_iam_access_key" "kéy1" {
  user = aws_iam_user.usér.name
}

resource "aws_iam_access_key" "kéy2" {
  user = aws_iam_user.usér.name
}

module "mödule" {
  source = "./m"
}
