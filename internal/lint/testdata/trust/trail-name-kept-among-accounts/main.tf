# prod: a recorder "rec", and main renamed creating first to "rec", logging off: CloudTrail refuses it (rec keeps the name)
resource "aws_cloudtrail" "rec" {
  name                       = "rec"
  s3_bucket_name             = "my-trail-bucket-123"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}
resource "aws_cloudtrail" "main" {
  name                       = "rec"
  s3_bucket_name             = "my-trail-bucket-123"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  enable_logging             = false
  lifecycle { create_before_destroy = true }
}
resource "aws_cloudtrail" "a1" {
  provider                   = aws.a1
  name                       = "rec"
  s3_bucket_name             = "a1-trail-bucket-123"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}
resource "aws_cloudtrail" "a2" {
  provider                   = aws.a2
  name                       = "rec"
  s3_bucket_name             = "a2-trail-bucket-123"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}
resource "aws_cloudtrail" "a3" {
  provider                   = aws.a3
  name                       = "rec"
  s3_bucket_name             = "a3-trail-bucket-123"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}
resource "aws_cloudtrail" "a4" {
  provider                   = aws.a4
  name                       = "rec"
  s3_bucket_name             = "a4-trail-bucket-123"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}
