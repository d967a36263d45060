# State holds aws_iam_access_key.k with a current object and a deposed one
# (left by a create_before_destroy replacement whose destroy step failed);
# both keys are Active for user "ci". The PR stops managing the resource
# without destroying anything: both keys stay in AWS, both Active.
removed {
  from = aws_iam_access_key.k
  lifecycle { destroy = false }
}
