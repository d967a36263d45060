# aws_cloudtrail.old ("audit-v2", logging stopped) is removed from the
# configuration, and aws_cloudtrail.main, the account's IAM trail, is
# renamed to the name old frees: a new name replaces the trail, destroying
# first, and nothing orders old's deletion before main's creation, which
# CloudTrail refuses while old has the name (round 287): IG704 info on
# main. aws_cloudtrail.self is replaced (-replace) under its own name,
# which its own deletion frees first: no finding.
resource "aws_cloudtrail" "main" {
  name                       = "audit-v2"
  s3_bucket_name             = "audit-bucket-123"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}

resource "aws_cloudtrail" "self" {
  name                       = "audit-self"
  s3_bucket_name             = "audit-bucket-123"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}
