# Settings read from data sources. One Terraform reads while it plans shows
# its values in prior_state: a setting it leaves null is null, as `= null`
# is, and judged with the default. One Terraform reads only at apply (its
# arguments are known only then) is a change of the plan: what reads it is
# known only after apply.

data "aws_arn" "now" { arn = "arn:aws:iam::123456789012:user/x" }

resource "aws_iam_account_password_policy" "this" {
  minimum_password_length      = 14
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers              = true
  require_symbols              = data.aws_arn.now.region == "" ? null : true # IG105 medium
  password_reuse_prevention    = 24
  max_password_age             = 90
}

resource "aws_iam_user_login_profile" "now" {
  user                    = "alice"
  password_reset_required = data.aws_arn.now.region == "" ? null : true # IG601 medium
}

resource "aws_iam_user" "later" { name = "later" }
data "aws_arn" "later" { arn = aws_iam_user.later.arn }

resource "aws_iam_user_login_profile" "later" {
  user                    = "bob"
  password_reset_required = data.aws_arn.later.region == "" ? null : true # info
}

# In a module, through its input: read at plan in both instances, and in
# one of two, which leaves the other's unknown too (one configuration).
module "both" {
  source   = "./mod"
  for_each = toset(["carol", "dave"])
  user     = each.key
  arn      = "arn:aws:iam::123456789012:user/${each.key}"
}

module "one" {
  source   = "./mod"
  for_each = { erin = "arn:aws:iam::123456789012:user/erin", frank = aws_iam_user.later.arn }
  user     = each.key
  arn      = each.value
}

# A trail switch, which plans null as its default, shown unknown though it
# reads only a data source read at plan: an impure function chooses it at
# apply. IG703 high, as with a variable.
resource "aws_cloudtrail" "impure" {
  name                       = "impure"
  s3_bucket_name             = "trail-bucket"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  enable_logging             = data.aws_arn.now.account == "" ? true : timestamp() == ""
}
