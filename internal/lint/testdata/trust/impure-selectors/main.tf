# Values inside a trail's selector blocks chosen at apply by timestamp():
# each may exclude IAM's writes (round 123: it was IG705 info, exit 0). One read
# from another object, and one inside a dynamic block, which Terraform's
# JSON does not show, stay info.
resource "aws_cloudtrail" "include" {
  name                       = "include"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  event_selector {
    read_write_type           = "All"
    include_management_events = timestamp() == ""
  }
}

resource "aws_cloudtrail" "read_write" {
  name                       = "read-write"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  event_selector {
    read_write_type = timestamp() == "" ? "All" : "ReadOnly"
  }
}

resource "aws_cloudtrail" "advanced" {
  name                       = "advanced"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  advanced_event_selector {
    name = "management"
    field_selector {
      field  = "eventCategory"
      equals = [timestamp() == "" ? "Management" : "Data"]
    }
  }
}

resource "terraform_data" "flag" {
  input = true
}

resource "aws_cloudtrail" "from_object" {
  name                       = "from-object"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  event_selector {
    read_write_type           = "All"
    include_management_events = terraform_data.flag.output
  }
}

resource "aws_cloudtrail" "dynamic" {
  name                       = "dynamic"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  dynamic "event_selector" {
    for_each = ["one"]
    content {
      read_write_type           = "All"
      include_management_events = timestamp() == ""
    }
  }
}

# field_selector is a set: the plan need not keep the configuration's order
# (round 125). A value read from another object beside one read from a
# variable stays info; one chosen by timestamp() is high whatever the order.
variable "category" {
  type    = string
  default = "Management"
}

resource "terraform_data" "read_only" {
  input = "false"
}

resource "aws_cloudtrail" "set_from_object" {
  name                       = "set-from-object"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  advanced_event_selector {
    name = "management"
    field_selector {
      field  = "eventCategory"
      equals = [var.category]
    }
    field_selector {
      field  = "readOnly"
      equals = [terraform_data.read_only.output]
    }
  }
}

resource "aws_cloudtrail" "set_first" {
  name                       = "set-first"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  advanced_event_selector {
    name = "management"
    field_selector {
      field  = "eventCategory"
      equals = [timestamp() == "" ? "Management" : "Data"]
    }
    field_selector {
      field      = "eventSource"
      not_equals = ["kms.amazonaws.com"]
    }
  }
}

resource "aws_cloudtrail" "set_second" {
  name                       = "set-second"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  advanced_event_selector {
    name = "management"
    field_selector {
      field      = "eventSource"
      not_equals = ["kms.amazonaws.com"]
    }
    field_selector {
      field  = "eventCategory"
      equals = [timestamp() == "" ? "Management" : "Data"]
    }
  }
}

# Several advanced selectors: the blocks within them are taken together
# (round 126). An impure value beside a data selector is high; a value
# read from another object through a dynamic block, beside a static
# selector reading a variable, stays info.
resource "aws_cloudtrail" "two_selectors" {
  name                       = "two-selectors"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  advanced_event_selector {
    name = "s3"
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
  }
  advanced_event_selector {
    name = "management"
    field_selector {
      field  = "eventCategory"
      equals = [timestamp() == "" ? "Management" : "Data"]
    }
  }
}

locals {
  management = {
    eventCategory = { equals = [terraform_data.read_only.output], not_equals = null }
    eventSource   = { equals = null, not_equals = ["kms.amazonaws.com"] }
  }
}

resource "aws_cloudtrail" "dynamic_beside_static" {
  name                       = "dynamic-beside-static"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  advanced_event_selector {
    name = "s3"
    field_selector {
      field  = "eventCategory"
      equals = [var.category]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
  }
  advanced_event_selector {
    name = "management"
    dynamic "field_selector" {
      for_each = local.management
      content {
        field      = field_selector.key
        equals     = field_selector.value.equals
        not_equals = field_selector.value.not_equals
      }
    }
  }
}

# Round 127. A data selector on a bucket's ARN, which cannot record IAM's
# writes whatever the ARN, leaves the impure management selector to
# decide: high.
resource "aws_s3_bucket" "data" {
  bucket_prefix = "audit-data-"
}

resource "aws_cloudtrail" "data_beside" {
  name                       = "data-beside"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  advanced_event_selector {
    name = "s3"
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field       = "resources.ARN"
      starts_with = ["${aws_s3_bucket.data.arn}/"]
    }
  }
  advanced_event_selector {
    name = "management"
    field_selector {
      field  = "eventCategory"
      equals = [timestamp() == "" ? "Management" : "Data"]
    }
  }
}

# A field_selector of constants written twice is one block of the set:
# the impure value beside it is still high.
resource "aws_cloudtrail" "constant_twice" {
  name                       = "constant-twice"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  advanced_event_selector {
    name = "management"
    field_selector {
      field  = "eventCategory"
      equals = [timestamp() == "" ? "Management" : "Data"]
    }
    field_selector {
      field      = "eventSource"
      not_equals = ["kms.amazonaws.com"]
    }
    field_selector {
      field      = "eventSource"
      not_equals = ["kms.amazonaws.com"]
    }
  }
}

# Two blocks written alike from a variable are one block; a dynamic block
# reading another object makes up the count: info, not high.
resource "aws_cloudtrail" "variable_twice_beside_dynamic" {
  name                       = "variable-twice-beside-dynamic"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  advanced_event_selector {
    name = "management"
    field_selector {
      field  = "eventCategory"
      equals = [var.category]
    }
    field_selector {
      field  = "eventCategory"
      equals = [var.category]
    }
    dynamic "field_selector" {
      for_each = ["x"]
      content {
        field  = "eventCategory"
        equals = [terraform_data.flag.output]
      }
    }
  }
}

# Round 131. event_selector and advanced_event_selector are lists, which
# keep the configuration's order: each selector is matched with its own
# blocks, so a local in a data selector beside it leaves the impure one
# high.
locals {
  off  = false
  data = "Data"
}

resource "aws_cloudtrail" "local_beside" {
  name                       = "local-beside"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  event_selector {
    read_write_type           = "All"
    include_management_events = timestamp() == ""
  }
  event_selector {
    read_write_type           = "All"
    include_management_events = local.off
    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3"]
    }
  }
}

resource "aws_cloudtrail" "advanced_local_beside" {
  name                       = "advanced-local-beside"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  advanced_event_selector {
    name = "management"
    field_selector {
      field  = "eventCategory"
      equals = [timestamp() == "" ? "Management" : "Data"]
    }
  }
  advanced_event_selector {
    name = "s3"
    field_selector {
      field  = "eventCategory"
      equals = [local.data]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
  }
}

# Round 137: a field_selector of constants written twice, one copy with an
# attribute set to null or to an empty list, is still one block of the set.
resource "aws_cloudtrail" "constant_twice_null" {
  name                       = "constant-twice-null"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  advanced_event_selector {
    name = "management"
    field_selector {
      field  = "eventCategory"
      equals = [timestamp() == "" ? "Management" : "Data"]
    }
    field_selector {
      field      = "eventSource"
      not_equals = ["kms.amazonaws.com"]
    }
    field_selector {
      field       = "eventSource"
      not_equals  = ["kms.amazonaws.com"]
      starts_with = null
    }
  }
}

resource "aws_cloudtrail" "constant_twice_empty" {
  name                       = "constant-twice-empty"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  advanced_event_selector {
    name = "management"
    field_selector {
      field  = "eventCategory"
      equals = [timestamp() == "" ? "Management" : "Data"]
    }
    field_selector {
      field      = "eventSource"
      not_equals = ["kms.amazonaws.com"]
    }
    field_selector {
      field       = "eventSource"
      not_equals  = ["kms.amazonaws.com"]
      starts_with = []
    }
  }
}

# Round 141: the same field_selector written with a bool and with a string
# is one block once the provider converts it: still high.
resource "aws_cloudtrail" "bool_and_string" {
  name                       = "bool-and-string"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  advanced_event_selector {
    name = "management"
    field_selector {
      field  = "eventCategory"
      equals = [timestamp() == "" ? "Management" : "Data"]
    }
    field_selector {
      field  = "readOnly"
      equals = [false]
    }
    field_selector {
      field  = "readOnly"
      equals = ["false"]
    }
  }
}
