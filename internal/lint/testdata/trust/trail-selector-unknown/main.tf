# Advanced event selectors with a value known only after apply (the ARN of a
# bucket made in the same plan). Such a value leaves a selector undecided,
# and the trail too only when nothing else decides:
# - reads: records management reads only; its data selector, whatever the
#   ARN, records no management events: IG705 high;
# - data_only: records data events only: IG705 high;
# - sound: records every management event: no finding;
# - undecided: its only management selector keeps the events of a source
#   known only after apply: IG705 info.
resource "aws_s3_bucket" "data" {
  bucket_prefix = "data-"
}

resource "aws_cloudtrail" "reads" {
  name                       = "reads"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  advanced_event_selector {
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
    field_selector {
      field  = "readOnly"
      equals = ["true"]
    }
  }
  advanced_event_selector {
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
    field_selector {
      field       = "resources.ARN"
      starts_with = ["${aws_s3_bucket.data.arn}/"]
    }
  }
}

resource "aws_cloudtrail" "data_only" {
  name                       = "data-only"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  advanced_event_selector {
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
    field_selector {
      field       = "resources.ARN"
      starts_with = ["${aws_s3_bucket.data.arn}/"]
    }
  }
}

# In another account: beside the others, a trail recording IAM's events in
# full would make their IG705 info (see trail-data-only).
provider "aws" {
  alias                       = "other"
  region                      = "us-east-1"
  access_key                  = "AKIAI44QH8DHBEXAMPLE"
  secret_key                  = "not-a-real-secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

resource "aws_cloudtrail" "sound" {
  provider                   = aws.other
  name                       = "sound"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  advanced_event_selector {
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
  }
  advanced_event_selector {
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
    field_selector {
      field       = "resources.ARN"
      starts_with = ["${aws_s3_bucket.data.arn}/"]
    }
  }
}

resource "aws_cloudtrail" "undecided" {
  name                       = "undecided"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  advanced_event_selector {
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
    field_selector {
      field  = "eventSource"
      equals = [aws_s3_bucket.data.bucket_domain_name]
    }
  }
}

# A known condition that already keeps IAM's writes out decides beside an
# unknown one (IG705 high): the source is S3's, whatever it excludes ...
resource "aws_cloudtrail" "source_s3" {
  name                       = "source-s3"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  advanced_event_selector {
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
    field_selector {
      field      = "eventSource"
      equals     = ["s3.amazonaws.com"]
      not_equals = [aws_s3_bucket.data.bucket_domain_name]
    }
  }
}

# ... and a field whose name is known only after apply, with a value that
# fits neither the category, readOnly nor IAM's source.
resource "aws_cloudtrail" "any_field" {
  name                       = "any-field"
  s3_bucket_name             = "logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  advanced_event_selector {
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
    field_selector {
      field  = aws_s3_bucket.data.bucket
      equals = ["true"]
    }
  }
}
