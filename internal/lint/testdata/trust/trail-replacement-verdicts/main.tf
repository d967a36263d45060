# Trails replaced beside aws_cloudtrail.rec, which records IAM's events in
# full (round 353).
resource "aws_cloudtrail" "rec" {
  name                       = "rec"
  s3_bucket_name             = "my-trail-bucket-123"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}

resource "aws_s3_bucket" "logs" {
  bucket = "new-trail-logs-353"
}

# Destroying first into a trail that records nothing, whose bucket the plan
# makes: refused or not, the old trail is deleted and nothing takes its
# place (was IG704 info, exit 0).
resource "aws_cloudtrail" "a" {
  name                       = "main2"
  s3_bucket_name             = aws_s3_bucket.logs.id
  is_multi_region_trail      = true
  enable_log_file_validation = true
  enable_logging             = false
}

# Its logging chosen at apply by an impure function (was IG704 info).
resource "aws_cloudtrail" "b" {
  name                       = "impure2"
  s3_bucket_name             = "my-trail-bucket-123"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  enable_logging             = timestamp() == "never"
}

# Creating first under a name another trail keeps, or its own (-replace,
# see plan.args): CloudTrail refuses the new trail and the old one stays
# (was IG704 high).
resource "aws_cloudtrail" "c" {
  name                       = "rec"
  s3_bucket_name             = "my-trail-bucket-123"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  enable_logging             = false

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_cloudtrail" "d" {
  name                       = "cbd-same"
  s3_bucket_name             = "my-trail-bucket-123"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  enable_logging             = false

  lifecycle {
    create_before_destroy = true
  }
}

# An organization trail replaced by a trail of its own account that records
# nothing: one IG704, not one for each (was two).
resource "aws_cloudtrail" "org" {
  name                       = "org-new"
  s3_bucket_name             = "my-trail-bucket-123"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  enable_logging             = false
}

# An organization trail renamed creating first to a name another trail
# keeps: the new trail is refused, and the organization's stays (round 354:
# IG704 for leaving the organization).
resource "aws_cloudtrail" "org_kept" {
  name                       = "rec"
  s3_bucket_name             = "my-trail-bucket-123"
  is_multi_region_trail      = true
  enable_log_file_validation = true

  lifecycle {
    create_before_destroy = true
  }
}

# In us-east-1 with global service events, one region or all: whichever an
# impure function chooses, IAM's events are recorded (round 354: IG704
# high).
resource "aws_cloudtrail" "region" {
  name                       = "region-new"
  s3_bucket_name             = "my-trail-bucket-123"
  is_multi_region_trail      = timestamp() == "never"
  enable_log_file_validation = true
}
