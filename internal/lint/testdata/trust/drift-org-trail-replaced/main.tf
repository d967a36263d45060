# Written: an organization trail "org", made single-account in the console
# before the plan. The pull request writes is_organization_trail = false and
# renames the trail, which replaces it (round 102).
resource "aws_cloudtrail" "t" {
  name                       = "org2"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  is_organization_trail      = false
  enable_log_file_validation = true
}
