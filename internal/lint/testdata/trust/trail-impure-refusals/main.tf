# The account's recording trail renamed destroying first (round 359): its
# name is known only after apply, and its bucket is chosen by timestamp(),
# whose colons no bucket name has: the impure value decides, whatever comes
# before it (IG704 info, exit 0).
resource "terraform_data" "n" {
  input = "x"
}

resource "aws_cloudtrail" "a" {
  name                       = "audit-${terraform_data.n.id}"
  s3_bucket_name             = "bkt-${timestamp()}"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}

# Deposed trails: Terraform destroys a deposed object only once the
# current one is made, so a current trail CloudTrail refuses, or whose name
# an impure function chooses, leaves the deposed one (round 359: IG704
# high).
resource "aws_cloudtrail" "e" {
  name                       = "deposed-e-${timestamp()}"
  s3_bucket_name             = "bkt-trail"
  is_multi_region_trail      = true
  enable_log_file_validation = true

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_cloudtrail" "f" {
  name                       = "deposed-f..x"
  s3_bucket_name             = "bkt-trail"
  is_multi_region_trail      = true
  enable_log_file_validation = true

  lifecycle {
    create_before_destroy = true
  }
}
