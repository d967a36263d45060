# bob leaves: his user, in state with force_destroy, is removed from the
# configuration, and his key dropped from state. Deleting bob deletes the
# key first, so it is gone (round 273: IG204). carol's key, dropped from
# state alone, stays in AWS as it was, too old.
removed {
  from = aws_iam_access_key.bob
  lifecycle { destroy = false }
}

removed {
  from = aws_iam_access_key.carol
  lifecycle { destroy = false }
}
