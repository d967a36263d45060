# A trail's selector field read from a module's output declared sensitive,
# which the plan leaves unmarked, in nested blocks: through each.value of
# the trail's for_each, and through dynamic blocks, which the plan does not
# show, in the root and in a module given the output (round 160: the field
# was printed by IG705). A module's resources whose blocks may read one so
# have every block withheld; in a module that reads none, a trail's are
# shown.

module "names" {
  source = "./names"
}

resource "aws_cloudtrail" "each" {
  for_each                   = { one = module.names.field }
  name                       = "each-${each.key}"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  advanced_event_selector {
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
    field_selector {
      field  = each.value
      equals = ["x"]
    }
  }
}

locals {
  selectors = [{ field = "eventCategory", equals = ["Management"] }, { field = module.names.field, equals = ["x"] }]
}

resource "aws_cloudtrail" "dynamic" {
  name                       = "dynamic"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  advanced_event_selector {
    dynamic "field_selector" {
      for_each = local.selectors
      content {
        field  = field_selector.value.field
        equals = field_selector.value.equals
      }
    }
  }
}

# Equal blocks of a set are merged: two written out and one a dynamic
# block makes are two in the plan, as many as the configuration shows
# (round 162).
resource "aws_cloudtrail" "merged" {
  name                       = "merged"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  advanced_event_selector {
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
    dynamic "field_selector" {
      for_each = [module.names.field]
      content {
        field  = field_selector.value
        equals = ["x"]
      }
    }
  }
}

module "plain" {
  source = "./plain"
}

module "trails" {
  source = "./trails"
  fields = [module.names.field]
}
