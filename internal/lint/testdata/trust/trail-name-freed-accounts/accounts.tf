# As trail-name-freed, with a second AWS account: the trail old is gone
# from the configuration, so which account it is in is not shown, and its
# name is freed in whichever (round 289: no finding).
provider "aws" {
  alias                       = "west"
  region                      = "us-west-2"
  access_key                  = "AKIAI44QH8DHBEXAMPLE"
  secret_key                  = "not-a-real-secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

resource "aws_iam_user" "west_only" {
  provider = aws.west
  name     = "west-ops"
}
