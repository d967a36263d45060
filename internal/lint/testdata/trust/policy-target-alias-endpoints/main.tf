# As policy-target-alias, with the new, weaker policy created through an
# alias for another region whose endpoints and role set nothing that
# changes the account (a null IAM endpoint, an S3 one, a null role), beside
# a real second account: the alias is the default one's account, and the
# new policy replaces the old one's (IG109 medium).
resource "aws_iam_account_password_policy" "old" {
  minimum_password_length        = 20
  require_uppercase_characters   = true
  require_lowercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  max_password_age               = 60
  password_reuse_prevention      = 24
  allow_users_to_change_password = true
}

resource "aws_iam_account_password_policy" "new" {
  provider                       = aws.eu
  minimum_password_length        = 14
  require_uppercase_characters   = true
  require_lowercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  max_password_age               = 90
  password_reuse_prevention      = 24
  allow_users_to_change_password = true
}

provider "aws" {
  alias                       = "eu"
  region                      = "eu-west-1"
  access_key                  = "AKIAIOSFODNN7EXAMPLE"
  secret_key                  = "not-a-real-secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true

  endpoints {
    iam = null
    s3  = "https://s3.eu-west-1.amazonaws.com"
  }

  assume_role {
    role_arn = null
  }
}

provider "aws" {
  alias                       = "prod"
  region                      = "us-east-1"
  access_key                  = "AKIAI44QH8DHBEXAMPLE"
  secret_key                  = "not-a-real-secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

resource "aws_iam_user" "prod" {
  provider = aws.prod
  name     = "prod"
}
