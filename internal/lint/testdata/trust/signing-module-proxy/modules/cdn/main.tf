terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

# A proxy: the configuration the caller passes (the older spelling of
# configuration_aliases), no account of its own.
provider "aws" {
  alias = "use1"
}

resource "aws_acm_certificate" "cdn" {
  provider          = aws.use1
  domain_name       = "cdn.example.com"
  validation_method = "DNS"
}
