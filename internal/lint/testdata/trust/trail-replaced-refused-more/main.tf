# Trails renamed (ForceNew), so replaced destroying first, to what
# CloudTrail refuses and the AWS provider does not check (round 239: no
# finding, exit 0): DeleteTrail runs, then CreateTrail fails.

# Stays as it is, and keeps its name.
resource "aws_cloudtrail" "audit" {
  name                       = "trail-audit"
  s3_bucket_name             = "bucket"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}

# Renamed to the name the trail above keeps: TrailAlreadyExistsException.
resource "aws_cloudtrail" "taken" {
  name                       = "trail-audit"
  s3_bucket_name             = "bucket"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}

# A bucket name no bucket has.
resource "aws_cloudtrail" "bucket" {
  name                       = "trail-bucket-v2"
  s3_bucket_name             = "logs/archive"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}

# A tag key past 128 characters.
resource "aws_cloudtrail" "long_key" {
  name                       = "trail-long-key-v2"
  s3_bucket_name             = "bucket"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  tags                       = { (join("", [for i in range(129) : "k"])) = "v" }
}

# A tag value past 256 characters.
resource "aws_cloudtrail" "long_value" {
  name                       = "trail-long-value-v2"
  s3_bucket_name             = "bucket"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  tags                       = { k = join("", [for i in range(257) : "v"]) }
}

# 51 tags, one of them aws:, which the provider does not send: 50, taken.
resource "aws_cloudtrail" "aws_tags" {
  name                       = "trail-aws-tags-v2"
  s3_bucket_name             = "bucket"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  tags                       = merge({ for i in range(50) : "k${i}" => "v" }, { "aws:migrated" = "yes" })
}

# A log group made in the same plan: its ARN, and whether CloudTrail takes
# it, are known only after apply (IG704 info).
resource "aws_cloudwatch_log_group" "trail" {
  name = "trail"
}

resource "aws_cloudtrail" "group_unknown" {
  name                       = "trail-group-unknown-v2"
  s3_bucket_name             = "bucket"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/trail-to-cloudwatch"
}
