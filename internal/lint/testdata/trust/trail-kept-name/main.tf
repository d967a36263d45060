# Two trails an apply keeps that iamguard took for gone (round 240).

# Forgotten (destroy = false): it stays in AWS with its name, and a trail
# renamed to it (replaced destroying first) is never made
# (TrailAlreadyExistsException): IG704 high, as beside a trail kept in the
# configuration.
removed {
  from = aws_cloudtrail.gone
  lifecycle {
    destroy = false
  }
}

resource "aws_cloudtrail" "v" {
  name                       = "legacy"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}

# A deposed trail destroyed beside its current object, updated in place
# with a log group CloudTrail refuses (no :*): the current trail is there
# already, and records IAM's events whether the update is taken or not, so
# the deposed one is replaced (no IG704; a false IG704 high before).
resource "aws_cloudtrail" "d" {
  name                       = "audit"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  cloud_watch_logs_group_arn = "arn:aws:logs:us-east-1:123456789012:log-group:trail"
  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/ct"
  lifecycle {
    create_before_destroy = true
  }
}
