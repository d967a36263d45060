package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
)

const ctAddr = "data.iamguard_cloudtrail_iam_logging.test"

// cloudTrailProviderBlock points every endpoint, CloudTrail's too, at srv.
func cloudTrailProviderBlock(srv *iamtest.Server) string { return cloudTrailProviderWith(srv, "") }

// cloudTrailProviderWith adds extra settings to the provider block.
func cloudTrailProviderWith(srv *iamtest.Server, extra string) string {
	return endpointsProviderBlock(srv.URL, srv.URL, srv.URL, extra)
}

// endpointsProviderBlock is cloudTrailProviderWith with each service's
// endpoint of the test's choosing.
func endpointsProviderBlock(iam, sts, cloudtrail, extra string) string {
	return fmt.Sprintf(`
provider "iamguard" {
  access_key  = "AKIAIOSFODNN7EXAMPLE"
  secret_key  = "test-secret-never-printed"
  region      = "eu-central-1"
  max_retries = 1
  endpoints {
    iam        = %q
    sts        = %q
    cloudtrail = %q
  }
%s
}
`, iam, sts, cloudtrail, extra)
}

// goodTrail records IAM events and passes every trail rule.
func goodTrail(name, region string) iamtest.Trail {
	return iamtest.Trail{Name: name, HomeRegion: region, S3BucketName: "logs", IncludeGlobalServiceEvents: true,
		IsMultiRegionTrail: true, LogFileValidationEnabled: true, IsLogging: true, LatestDeliveryTime: daysAgo(0)}
}

// TestCloudTrailIAMLoggingCompliant: the account's own trail, and its
// organization's trail as a member account sees it (listed, with status
// and selectors only the management account can read), both count.
func TestCloudTrailIAMLoggingCompliant(t *testing.T) {
	org := goodTrail("org-trail", "eu-west-1")
	org.IsOrganizationTrail = true
	org.ARN = "arn:aws:cloudtrail:eu-west-1:999988887777:trail/org-trail"
	org.KMSKeyID = "arn:aws:kms:eu-west-1:999988887777:key/1234"
	own := goodTrail("own", "us-east-1")
	own.AdvancedEventSelectors = []iamtest.AdvancedEventSelector{{Name: "management", FieldSelectors: []iamtest.FieldSelector{
		{Field: "eventCategory", Equals: []string{"Management"}}}}}
	for name, trails := range map[string][]iamtest.Trail{"both": {org, own}, "organization only": {org}} {
		srv := iamtest.New(t, &iamtest.Account{Now: testNow, Trails: trails})
		checks := []resource.TestCheckFunc{
			resource.TestCheckResourceAttr(ctAddr, "recording_iam", "true"),
			resource.TestCheckResourceAttr(ctAddr, "compliant", "true"),
			resource.TestCheckResourceAttr(ctAddr, "findings.#", "0"),
			resource.TestCheckResourceAttr(ctAddr, "trails.#", fmt.Sprint(len(trails))),
			resource.TestCheckResourceAttr(ctAddr, "trails.0.name", "org-trail"),
			resource.TestCheckResourceAttr(ctAddr, "trails.0.arn", "arn:aws:cloudtrail:eu-west-1:999988887777:trail/org-trail"),
			resource.TestCheckResourceAttr(ctAddr, "trails.0.home_region", "eu-west-1"),
			resource.TestCheckResourceAttr(ctAddr, "trails.0.is_organization_trail", "true"),
			resource.TestCheckResourceAttr(ctAddr, "trails.0.is_multi_region_trail", "true"),
			resource.TestCheckResourceAttr(ctAddr, "trails.0.include_global_service_events", "true"),
			resource.TestCheckNoResourceAttr(ctAddr, "trails.0.is_logging"), // the management account's to read
			resource.TestCheckNoResourceAttr(ctAddr, "trails.0.latest_delivery_time"),
			resource.TestCheckNoResourceAttr(ctAddr, "trails.0.records_iam_write_events"),
			resource.TestCheckResourceAttr(ctAddr, "trails.0.log_file_validation_enabled", "true"),
			resource.TestCheckResourceAttr(ctAddr, "trails.0.kms_key_set", "true"),
			resource.TestCheckResourceAttr(ctAddr, "trails.0.recording_iam", "true"),
			resource.TestCheckNoResourceAttr(ctAddr, "trails.0.not_recording_reason"),
		}
		if len(trails) == 2 {
			checks = append(checks,
				resource.TestCheckResourceAttr(ctAddr, "trails.1.name", "own"),
				resource.TestCheckResourceAttr(ctAddr, "trails.1.is_organization_trail", "false"),
				resource.TestCheckResourceAttr(ctAddr, "trails.1.is_logging", "true"),
				resource.TestCheckResourceAttr(ctAddr, "trails.1.latest_delivery_time", "2026-06-01T12:00:00Z"),
				resource.TestCheckNoResourceAttr(ctAddr, "trails.1.latest_delivery_error"),
				resource.TestCheckResourceAttr(ctAddr, "trails.1.kms_key_set", "false"),
				resource.TestCheckResourceAttr(ctAddr, "trails.1.records_iam_write_events", "true"),
				resource.TestCheckResourceAttr(ctAddr, "trails.1.recording_iam", "true"))
		}
		t.Run(name, func(t *testing.T) {
			run(t, resource.TestStep{
				Config: cloudTrailProviderBlock(srv) + `data "iamguard_cloudtrail_iam_logging" "test" {}`,
				Check:  resource.ComposeAggregateTestCheckFunc(checks...),
			})
		})
		// Status and selectors are read in the trail's home region, DescribeTrails in us-east-1.
		for _, r := range srv.Requests("") {
			if r.Action == "GetCallerIdentity" {
				continue // the provider's own check of its credentials, in its region
			}
			want := "us-east-1"
			if r.Action != "DescribeTrails" && strings.Contains(string(r.Body), "org-trail") {
				want = "eu-west-1"
			}
			if r.Region != want {
				t.Errorf("%s signed for %s, want %s", r.Action, r.Region, want)
			}
		}
	}
}

func TestCloudTrailIAMLoggingNonCompliant(t *testing.T) {
	stopped := goodTrail("stopped", "us-east-1")
	stopped.IsLogging = false
	readOnly := goodTrail("read-only", "us-east-1")
	readOnly.EventSelectors = []iamtest.EventSelector{{ReadWriteType: "ReadOnly", IncludeManagementEvents: true}}
	readOnly.LatestDeliveryError = "NoSuchBucket"
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Trails: []iamtest.Trail{
		stopped, readOnly,
		{Name: "regional", HomeRegion: "eu-west-1", IsLogging: true, IncludeGlobalServiceEvents: true}, // not seen from us-east-1
	}})
	run(t, resource.TestStep{
		Config: cloudTrailProviderBlock(srv) + `data "iamguard_cloudtrail_iam_logging" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(ctAddr, "recording_iam", "false"),
			resource.TestCheckResourceAttr(ctAddr, "compliant", "false"),
			resource.TestCheckResourceAttr(ctAddr, "trails.#", "2"),
			resource.TestCheckResourceAttr(ctAddr, "trails.0.name", "read-only"),
			resource.TestCheckResourceAttr(ctAddr, "trails.0.records_iam_write_events", "false"),
			resource.TestCheckResourceAttr(ctAddr, "trails.0.latest_delivery_error", "NoSuchBucket"),
			resource.TestCheckResourceAttr(ctAddr, "trails.1.name", "stopped"),
			resource.TestCheckResourceAttr(ctAddr, "trails.1.is_logging", "false"),
			resource.TestCheckResourceAttr(ctAddr, "trails.1.not_recording_reason", "logging is off"),
			resource.TestCheckResourceAttr(ctAddr, "findings.#", "3"),
			resource.TestCheckResourceAttr(ctAddr, "findings.0.rule_id", "IG705"),
			resource.TestCheckResourceAttr(ctAddr, "findings.0.subject", "read-only"),
			resource.TestCheckResourceAttr(ctAddr, "findings.1.rule_id", "IG703"),
			resource.TestCheckResourceAttr(ctAddr, "findings.1.subject", "stopped"),
			resource.TestCheckResourceAttr(ctAddr, "findings.1.message", "enable_logging is false: the trail records nothing"),
			resource.TestCheckResourceAttr(ctAddr, "findings.2.rule_id", "IG707"),
			resource.TestCheckResourceAttr(ctAddr, "findings.2.rule", "cloudtrail-no-iam-recording"),
			resource.TestCheckResourceAttr(ctAddr, "findings.2.severity", "high"),
			resource.TestCheckResourceAttr(ctAddr, "findings.2.subject", "account"),
			resource.TestMatchResourceAttr(ctAddr, "findings.2.message", regexp.MustCompile(`^no trail records IAM events \(read-only: no event_selector records .*; stopped: logging is off\)$`)),
		),
	})
}

// TestCloudTrailIAMLoggingManyTrails: DescribeTrails has no pagination, so
// the many-trails case is the one to prove: 12 trails in several regions,
// two calls each, all judged.
func TestCloudTrailIAMLoggingManyTrails(t *testing.T) {
	acct := &iamtest.Account{Now: testNow}
	regions := []string{"us-east-1", "eu-west-1", "ap-southeast-2"}
	for i := range 12 {
		tr := goodTrail(fmt.Sprintf("trail%02d", i), regions[i%3])
		tr.IsLogging = i == 7 // only one logs
		acct.Trails = append(acct.Trails, tr)
	}
	srv := iamtest.New(t, acct)
	run(t, resource.TestStep{
		Config: cloudTrailProviderBlock(srv) + `data "iamguard_cloudtrail_iam_logging" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(ctAddr, "trails.#", "12"),
			resource.TestCheckResourceAttr(ctAddr, "trails.11.name", "trail11"),
			resource.TestCheckResourceAttr(ctAddr, "trails.7.recording_iam", "true"),
			resource.TestCheckResourceAttr(ctAddr, "recording_iam", "true"),
			resource.TestCheckResourceAttr(ctAddr, "findings.#", "11"), // IG703 for each stopped trail
		),
	})
	if n, d := srv.Operations("GetTrailStatus"), srv.Operations("DescribeTrails"); n != 12*d {
		t.Errorf("GetTrailStatus calls = %d, want 12 per DescribeTrails (%d)", n, d)
	}
}

// TestCloudTrailIAMLoggingDenied: a listing refused fails the read; one
// trail's status or selectors refused leaves that trail listed, not
// counted as recording, with an IG806 finding naming the permission, and
// the others judged (round 303: the whole read failed, so a sound trail
// beside a trail the caller may not read stopped every plan).
func TestCloudTrailIAMLoggingDenied(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Trails: []iamtest.Trail{goodTrail("main", "us-east-1")}})
	srv.Fail("DescribeTrails", iamtest.AccessDenied, -1)
	run(t, resource.TestStep{
		Config:      cloudTrailProviderBlock(srv) + `data "iamguard_cloudtrail_iam_logging" "test" {}`,
		ExpectError: regexp.MustCompile(`(?s)Cannot read CloudTrail trails.*AWS refused DescribeTrails.*permission\s+cloudtrail:DescribeTrails`),
	})

	srv = iamtest.New(t, &iamtest.Account{Now: testNow, Trails: []iamtest.Trail{goodTrail("main", "us-east-1")}})
	srv.Fail("GetEventSelectors", iamtest.AccessDenied, -1)
	run(t, resource.TestStep{
		Config: cloudTrailProviderBlock(srv) + `data "iamguard_cloudtrail_iam_logging" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(ctAddr, "recording_iam", "false"),
			resource.TestCheckResourceAttr(ctAddr, "compliant", "false"),
			resource.TestCheckResourceAttr(ctAddr, "trails.0.not_recording_reason", "its event selectors could not be read"),
			resource.TestCheckResourceAttr(ctAddr, "findings.#", "2"),
			resource.TestCheckResourceAttr(ctAddr, "findings.0.rule_id", "IG806"),
			resource.TestMatchResourceAttr(ctAddr, "findings.0.message", regexp.MustCompile(`trail main's event selectors could not be read \(GetEventSelectors was denied: grant cloudtrail:GetEventSelectors\)`)),
			resource.TestCheckResourceAttr(ctAddr, "findings.1.rule_id", "IG707"),
		),
	})

	other := goodTrail("other", "us-east-1")
	srv = iamtest.New(t, &iamtest.Account{Now: testNow, Trails: []iamtest.Trail{goodTrail("main", "us-east-1"), other}})
	srv.FailItem("GetTrailStatus", "Name", "arn:aws:cloudtrail:us-east-1:"+iamtest.DefaultAccountID+":trail/other", iamtest.AccessDenied)
	run(t, resource.TestStep{
		Config: cloudTrailProviderBlock(srv) + `data "iamguard_cloudtrail_iam_logging" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(ctAddr, "recording_iam", "true"),
			resource.TestCheckResourceAttr(ctAddr, "trails.0.recording_iam", "true"),
			resource.TestCheckResourceAttr(ctAddr, "trails.1.recording_iam", "false"),
			resource.TestCheckNoResourceAttr(ctAddr, "trails.1.is_logging"),
			resource.TestCheckResourceAttr(ctAddr, "findings.#", "1"),
			resource.TestMatchResourceAttr(ctAddr, "findings.0.message", regexp.MustCompile(`trail other's status could not be read`)),
		),
	})
}

// TestCloudTrailIAMLoggingNoTrails: an account without a trail records nothing.
func TestCloudTrailIAMLoggingNoTrails(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow})
	run(t, resource.TestStep{
		Config: cloudTrailProviderBlock(srv) + `data "iamguard_cloudtrail_iam_logging" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(ctAddr, "recording_iam", "false"),
			resource.TestCheckResourceAttr(ctAddr, "trails.#", "0"),
			resource.TestCheckResourceAttr(ctAddr, "findings.0.message", "no trail is multi-region or lives where IAM's events are delivered, so IAM events are not recorded"),
		),
	})
}

// TestCloudTrailIAMLoggingPrecondition is the pattern of
// examples/modules/require-iam-logging: a resource whose precondition
// refuses to apply where recording_iam is false.
func TestCloudTrailIAMLoggingPrecondition(t *testing.T) {
	stopped := goodTrail("main", "us-east-1")
	stopped.IsLogging = false
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Trails: []iamtest.Trail{stopped}})
	cfg := cloudTrailProviderBlock(srv) + `
data "iamguard_cloudtrail_iam_logging" "this" {}

resource "terraform_data" "iam_change" {
  input = "change"
  lifecycle {
    precondition {
      condition     = data.iamguard_cloudtrail_iam_logging.this.recording_iam
      error_message = join("\n", concat(["No CloudTrail trail records IAM events."],
        [for f in data.iamguard_cloudtrail_iam_logging.this.findings : "${f.rule_id} ${f.subject}: ${f.message}"]))
    }
  }
}
`
	run(t, resource.TestStep{
		Config:      cfg,
		ExpectError: regexp.MustCompile(`(?s)No CloudTrail trail records IAM events\..*IG703 main: enable_logging is false`),
	}, resource.TestStep{
		PreConfig: func() { srv.Update(func(a *iamtest.Account) { a.Trails[0].IsLogging = true }) },
		Config:    cfg,
		Check:     resource.TestCheckResourceAttr("terraform_data.iam_change", "output", "change"),
	})
}
