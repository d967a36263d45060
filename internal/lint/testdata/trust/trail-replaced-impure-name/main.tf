# The account's one recording trail renamed (ForceNew, destroying first) to
# a name an impure function chooses at apply: timestamp()'s colons are no
# trail name's, so CloudTrail refuses the new trail after the old one is
# deleted; no one can review the name (round 358: IG704 info, exit 0).
resource "aws_cloudtrail" "audit" {
  name                       = timestamp()
  s3_bucket_name             = "bkt-trail"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}
