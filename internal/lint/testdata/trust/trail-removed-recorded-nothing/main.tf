# Trails removed from the configuration, beside the account's IAM trail,
# which stays. One that recorded none of IAM's events takes nothing away
# (round 214: IG704 high): "regional" left out global service events,
# "stopped" was not logging, "euwest" recorded one region IAM's events do not
# reach, "dataonly" recorded no management events. "audit" recorded them:
# IG704.
resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}
