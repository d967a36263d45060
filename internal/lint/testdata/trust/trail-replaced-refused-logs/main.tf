# Trails renamed (ForceNew), so replaced destroying first, to settings
# CloudTrail refuses and the AWS provider does not check: DeleteTrail runs,
# then CreateTrail fails, leaving no trail (round 237: no finding, exit 0).
locals {
  group = "arn:aws:logs:us-east-1:123456789012:log-group:trail-logs"
  role  = "arn:aws:iam::123456789012:role/trail-to-cloudwatch"
}

# The log group without the log stream wildcard (:*).
resource "aws_cloudtrail" "no_wildcard" {
  name                       = "trail-no-wildcard-v2"
  s3_bucket_name             = "bucket"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  cloud_watch_logs_group_arn = local.group
  cloud_watch_logs_role_arn  = local.role
}

# A log group without the role CloudTrail takes with it.
resource "aws_cloudtrail" "no_role" {
  name                       = "trail-no-role-v2"
  s3_bucket_name             = "bucket"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  cloud_watch_logs_group_arn = "${local.group}:*"
}

# 51 tags: CloudTrail takes at most 50.
resource "aws_cloudtrail" "tags" {
  name                       = "trail-tags-v2"
  s3_bucket_name             = "bucket"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  tags                       = { for i in range(51) : "k${i}" => "v" }
}

# 45 tags, and the provider's 10 default_tags: 55.
resource "aws_cloudtrail" "default_tags" {
  name                       = "trail-default-tags-v2"
  s3_bucket_name             = "bucket"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  tags                       = { for i in range(45) : "k${i}" => "v" }
}

# Both CloudWatch settings, as CloudTrail takes them, and 50 tags: sound.
resource "aws_cloudtrail" "sound" {
  name                       = "trail-sound-v2"
  s3_bucket_name             = "bucket"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  cloud_watch_logs_group_arn = "${local.group}:*"
  cloud_watch_logs_role_arn  = local.role
  tags                       = { for i in range(40) : "k${i}" => "v" }
}
