# The guarded IAM events of the last week (the default), judged with the
# IG9xx rules. Uploads and deletions by these principals are expected.
data "iamguard_iam_events" "recent" {
  expected_principals = [
    "arn:aws:iam::*:role/terraform-*",
    "arn:aws:sts::*:assumed-role/terraform-*/*",
  ]
}

output "who_changed_iam" {
  value = [
    for e in data.iamguard_iam_events.recent.events :
    "${e.event_time} ${e.event_name} by ${coalesce(e.principal_arn, "unknown")}${e.error_code != null ? " (failed: ${e.error_code})" : ""}"
  ]
}

check "no_risky_iam_events" {
  assert {
    condition     = data.iamguard_iam_events.recent.compliant
    error_message = join("\n", [for f in data.iamguard_iam_events.recent.findings : "${f.rule_id} ${f.severity} ${f.subject}: ${f.message}"])
  }
}

# One event name, a longer window, at most 100 events: more would be cut,
# and a cut is an IG806 finding (compliant false), since older events go unjudged.
data "iamguard_iam_events" "key_reactivations" {
  event_names = ["UpdateAccessKey"]
  lookback    = "30d"
  max_events  = 100
}
