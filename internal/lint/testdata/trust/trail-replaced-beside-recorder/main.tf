# Trails replaced beside aws_cloudtrail.rec, which records IAM's events in
# full. A replacement deletes the old trail: one that recorded IAM's events,
# replaced by one that records nothing, destroying first or creating first,
# ends that record, as deleting it beside a new trail at another address
# does (round 350: IG703 info, exit 0; the other way, IG704 high).
resource "aws_cloudtrail" "rec" {
  name                       = "rec"
  s3_bucket_name             = "my-trail-bucket-123"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}

resource "aws_cloudtrail" "a" {
  name                       = "main2"
  s3_bucket_name             = "my-trail-bucket-123"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  enable_logging             = false
}

resource "aws_cloudtrail" "c" {
  name                       = "cbd-new"
  s3_bucket_name             = "my-trail-bucket-123"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  enable_logging             = false

  lifecycle {
    create_before_destroy = true
  }
}

# Sound: renamed, recording as before.
resource "aws_cloudtrail" "d" {
  name                       = "sound-new"
  s3_bucket_name             = "my-trail-bucket-123"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}

# One trail at two addresses (the same ARN), one replaced (-replace, see
# plan.args): the other address is the trail it deletes, not another that
# keeps its name (round 350: IG704 high, CloudTrail said to refuse it).
resource "aws_cloudtrail" "twin" {
  name                       = "twin"
  s3_bucket_name             = "my-trail-bucket-123"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}

resource "aws_cloudtrail" "twin_again" {
  name                       = "twin"
  s3_bucket_name             = "my-trail-bucket-123"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}
