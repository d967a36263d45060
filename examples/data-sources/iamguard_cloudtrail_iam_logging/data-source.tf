# Is some trail recording IAM events? IAM is global: its events reach only
# trails that log, are multi-region (or live in us-east-1), include global
# service events and record write management events.
data "iamguard_cloudtrail_iam_logging" "this" {}

output "recording_iam" {
  value = data.iamguard_cloudtrail_iam_logging.this.recording_iam
}

output "trails_not_recording_iam" {
  value = {
    for t in data.iamguard_cloudtrail_iam_logging.this.trails : t.name => t.not_recording_reason
    if !t.recording_iam
  }
}

check "cloudtrail_records_iam" {
  assert {
    condition     = data.iamguard_cloudtrail_iam_logging.this.compliant
    error_message = join("\n", [for f in data.iamguard_cloudtrail_iam_logging.this.findings : "${f.rule_id} ${f.subject}: ${f.message}"])
  }
}
