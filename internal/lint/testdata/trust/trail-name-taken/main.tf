# Trails renamed (ForceNew), so replaced destroying first, to a name
# another trail of their account and region keeps through the apply:
# DeleteTrail runs, then CreateTrail fails (TrailAlreadyExistsException),
# leaving no trail (round 240: no finding, exit 0, where the region is read
# from a variable, the credentials are alike, or the other trail is
# forgotten).

resource "aws_cloudtrail" "keep" {
  name                       = "audit"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}

# Same provider configuration, its region from a variable.
resource "aws_cloudtrail" "t" {
  name                       = "audit"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}

resource "aws_cloudtrail" "keep_b" {
  provider                   = aws.b
  name                       = "audit-b"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}

# Another configuration with the same credentials and region.
resource "aws_cloudtrail" "u" {
  provider                   = aws.c
  name                       = "audit-b"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}

# A name no trail keeps: no finding.
resource "aws_cloudtrail" "w" {
  provider                   = aws.c
  name                       = "audit-w"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}
