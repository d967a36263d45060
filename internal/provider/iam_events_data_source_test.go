package provider

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
)

const evAddr = "data.iamguard_iam_events.test"

// Secrets that the events' request parameters carry and nothing may show.
const (
	certBody = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUSECRETCERTBODY\n-----END CERTIFICATE-----\n"
	sshBody  = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAISECRETSSHKEYBODY alice@laptop"
)

func hoursAgo(n int) time.Time { return testNow.Add(-time.Duration(n) * time.Hour) }

// riskyEvents holds one event of each guarded kind that should fire, plus
// a failed attempt, a deactivation, an expected upload and an old event.
func riskyEvents() []iamtest.Event {
	deployer := "arn:aws:iam::123456789012:role/terraform-deployer"
	return []iamtest.Event{
		{ID: "ev-policy", Name: "UpdateAccountPasswordPolicy", Time: hoursAgo(1), Username: "alice", AccessKeyID: "AKIAALICE",
			SourceIP: "198.51.100.7", RequestParameters: map[string]any{"minimumPasswordLength": 8, "requireSymbols": true,
				"requireNumbers": true, "requireUppercaseCharacters": true, "requireLowercaseCharacters": true,
				"allowUsersToChangePassword": true, "maxPasswordAge": 90, "passwordReusePrevention": 24}},
		{ID: "ev-key", Name: "UpdateAccessKey", Time: hoursAgo(2), Username: "alice",
			RequestParameters: map[string]any{"accessKeyId": "AKIAOLDKEY", "status": "Active", "userName": "bob"}},
		{ID: "ev-key-off", Name: "UpdateAccessKey", Time: hoursAgo(3), Username: "alice",
			RequestParameters: map[string]any{"accessKeyId": "AKIAOLDKEY", "status": "Inactive", "userName": "bob"}},
		{ID: "ev-cert", Name: "UploadServerCertificate", Time: hoursAgo(4), Username: "mallory",
			RequestParameters: map[string]any{"serverCertificateName": "login-example", "certificateBody": certBody,
				"privateKey": "HIDDEN_DUE_TO_SECURITY_REASONS"}},
		{ID: "ev-cert-ok", Name: "UploadServerCertificate", Time: hoursAgo(5), PrincipalType: "AssumedRole", RoleARN: deployer,
			RequestParameters: map[string]any{"serverCertificateName": "www", "certificateBody": certBody}},
		{ID: "ev-ssh", Name: "UploadSSHPublicKey", Time: hoursAgo(6), PrincipalType: "Root", AccessKeyID: "ASIAROOT",
			RequestParameters: map[string]any{"userName": "bob", "sSHPublicKeyBody": sshBody}},
		{ID: "ev-sign", Name: "DeleteSigningCertificate", Time: hoursAgo(7), Username: "mallory", ErrorCode: "AccessDenied",
			RequestParameters: map[string]any{"userName": "bob", "certificateId": "SIGNCERT1"}},
		{ID: "ev-old", Name: "UpdateAccessKey", Time: testNow.AddDate(0, 0, -10), Username: "alice",
			RequestParameters: map[string]any{"accessKeyId": "AKIAOLDKEY", "status": "Active"}},
	}
}

func TestIAMEventsCompliant(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Events: []iamtest.Event{
		{ID: "ev-1", Name: "UpdateAccessKey", Time: hoursAgo(1), Username: "alice",
			RequestParameters: map[string]any{"accessKeyId": "AKIAOLDKEY", "status": "Inactive", "userName": "bob"}},
		{ID: "ev-2", Name: "UploadSSHPublicKey", Time: hoursAgo(2), Username: "ci",
			RequestParameters: map[string]any{"userName": "git", "sSHPublicKeyBody": sshBody}},
		{ID: "ev-3", Name: "CreateUser", Time: hoursAgo(3), Username: "alice"},
	}})
	run(t, resource.TestStep{
		Config: cloudTrailProviderBlock(srv) + `data "iamguard_iam_events" "test" {
  expected_principals = ["arn:aws:iam::123456789012:user/c*"]
}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(evAddr, "event_names.#", "5"),
			resource.TestCheckResourceAttr(evAddr, "event_names.0", "UpdateAccountPasswordPolicy"),
			resource.TestCheckResourceAttr(evAddr, "lookback", "7d"),
			resource.TestCheckResourceAttr(evAddr, "start_time", "2026-05-25T12:00:00Z"),
			resource.TestCheckResourceAttr(evAddr, "end_time", "2026-06-01T12:00:00Z"),
			resource.TestCheckResourceAttr(evAddr, "truncated", "false"),
			resource.TestCheckResourceAttr(evAddr, "events.#", "2"),
			resource.TestCheckResourceAttr(evAddr, "events.0.event_id", "ev-1"),
			resource.TestCheckResourceAttr(evAddr, "events.0.event_time", "2026-06-01T11:00:00Z"),
			resource.TestCheckResourceAttr(evAddr, "events.0.event_name", "UpdateAccessKey"),
			resource.TestCheckResourceAttr(evAddr, "events.0.principal_arn", "arn:aws:iam::123456789012:user/alice"),
			resource.TestCheckResourceAttr(evAddr, "events.0.principal_type", "IAMUser"),
			resource.TestCheckResourceAttr(evAddr, "events.0.user_name", "alice"),
			resource.TestCheckResourceAttr(evAddr, "events.0.source_ip_address", "203.0.113.10"),
			resource.TestCheckResourceAttr(evAddr, "events.0.read_only", "false"),
			resource.TestCheckNoResourceAttr(evAddr, "events.0.error_code"),
			resource.TestCheckResourceAttr(evAddr, "events.0.request_parameters.%", "3"),
			resource.TestCheckResourceAttr(evAddr, "events.0.request_parameters.status", "Inactive"),
			resource.TestCheckResourceAttr(evAddr, "events.1.request_parameters.%", "3"), // userName, and the new key's ID and status
			resource.TestCheckResourceAttr(evAddr, "events.1.request_parameters.userName", "git"),
			resource.TestCheckResourceAttrSet(evAddr, "events.1.request_parameters.sSHPublicKeyId"),
			resource.TestCheckResourceAttr(evAddr, "compliant", "true"),
			resource.TestCheckResourceAttr(evAddr, "findings.#", "0"),
		),
	})
	for _, r := range srv.Requests("LookupEvents") {
		if r.Region != "us-east-1" {
			t.Errorf("LookupEvents signed for %s", r.Region)
		}
	}
}

func TestIAMEventsNonCompliant(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Events: riskyEvents()})
	logFile := filepath.Join(t.TempDir(), "tf.log")
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_ACC_LOG_PATH", logFile)
	run(t, resource.TestStep{
		Config: cloudTrailProviderBlock(srv) + `data "iamguard_iam_events" "test" {
  expected_principals = ["arn:aws:iam::*:role/terraform-*"]
}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(evAddr, "events.#", "7"),
			resource.TestCheckResourceAttr(evAddr, "events.0.request_parameters.minimumPasswordLength", "8"),
			resource.TestCheckResourceAttr(evAddr, "events.0.access_key_id", "AKIAALICE"),
			resource.TestCheckResourceAttr(evAddr, "events.0.source_ip_address", "198.51.100.7"),
			resource.TestCheckResourceAttr(evAddr, "events.3.request_parameters.serverCertificateName", "login-example"),
			resource.TestCheckNoResourceAttr(evAddr, "events.3.request_parameters.certificateBody"),
			resource.TestCheckNoResourceAttr(evAddr, "events.3.request_parameters.privateKey"),
			resource.TestCheckResourceAttr(evAddr, "events.4.principal_type", "AssumedRole"),
			resource.TestCheckResourceAttr(evAddr, "events.5.principal_type", "Root"),
			resource.TestCheckResourceAttr(evAddr, "events.6.error_code", "AccessDenied"),
			resource.TestCheckResourceAttr(evAddr, "compliant", "false"),
			resource.TestCheckResourceAttr(evAddr, "findings.#", "5"),
			resource.TestCheckResourceAttr(evAddr, "findings.0.rule_id", "IG901"),
			resource.TestCheckResourceAttr(evAddr, "findings.0.subject", "ev-policy"),
			resource.TestCheckResourceAttr(evAddr, "findings.0.severity", "high"),
			resource.TestCheckResourceAttr(evAddr, "findings.0.message",
				"UpdateAccountPasswordPolicy by arn:aws:iam::123456789012:user/alice at 2026-06-01T11:00:00Z set a policy below the baseline: IG101 (password-min-length)"),
			resource.TestCheckResourceAttr(evAddr, "findings.1.rule_id", "IG902"),
			resource.TestCheckResourceAttr(evAddr, "findings.1.message",
				"UpdateAccessKey by arn:aws:iam::123456789012:user/alice at 2026-06-01T10:00:00Z set access key AKIAOLDKEY of user bob to Active"),
			resource.TestCheckResourceAttr(evAddr, "findings.2.rule_id", "IG903"),
			resource.TestCheckResourceAttr(evAddr, "findings.2.subject", "ev-cert"),
			resource.TestCheckResourceAttr(evAddr, "findings.2.severity", "medium"),
			resource.TestCheckResourceAttr(evAddr, "findings.3.rule_id", "IG904"),
			resource.TestCheckResourceAttr(evAddr, "findings.3.severity", "critical"),
			resource.TestCheckResourceAttr(evAddr, "findings.3.message",
				"UploadSSHPublicKey by arn:aws:iam::123456789012:root at 2026-06-01T06:00:00Z made with root credentials"),
			resource.TestCheckResourceAttr(evAddr, "findings.4.rule_id", "IG905"),
			resource.TestCheckResourceAttr(evAddr, "findings.4.severity", "low"),
			resource.TestMatchResourceAttr(evAddr, "findings.4.message", regexp.MustCompile(`^attempted \(AccessDenied\): DeleteSigningCertificate by arn:aws:iam::123456789012:user/mallory .* deleted signing certificate \(not recorded\) of a user CloudTrail did not record, made by a principal not in expected_principals$`)),
			noSecretsInState,
		),
	})
	logs, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"SECRETCERTBODY", "SECRETSSHKEYBODY", "BEGIN CERTIFICATE"} {
		if strings.Contains(string(logs), s) {
			t.Errorf("%q appears in the logs", s)
		}
	}
}

// noSecretsInState fails when a certificate or key body reached the state.
func noSecretsInState(s *terraform.State) error {
	for _, m := range s.Modules {
		for addr, r := range m.Resources {
			for k, v := range r.Primary.Attributes {
				if strings.Contains(v, "SECRETCERTBODY") || strings.Contains(v, "SECRETSSHKEYBODY") || strings.Contains(v, "BEGIN CERTIFICATE") {
					return fmt.Errorf("%s.%s holds a body: %q", addr, k, v)
				}
			}
		}
	}
	return nil
}

// TestIAMEventsPaginatedPaced reads 4 pages for each of two event names;
// iamtest refuses more than 2 LookupEvents a second, and over the whole run
// (plans, applies and refreshes, each a fresh provider) never sees more.
func TestIAMEventsPaginatedPaced(t *testing.T) {
	acct := &iamtest.Account{Now: testNow}
	for i := range 16 {
		name := []string{"UpdateAccessKey", "DeleteSigningCertificate"}[i%2]
		acct.Events = append(acct.Events, iamtest.Event{ID: fmt.Sprintf("ev-%02d", i), Name: name, Time: hoursAgo(i + 1), Username: "ci",
			RequestParameters: map[string]any{"userName": "ci", "accessKeyId": "AKIACI", "status": "Inactive", "certificateId": "C1"}})
	}
	srv := iamtest.New(t, acct)
	srv.SetPageSize(2)
	srv.SetRateLimit("LookupEvents", iamtest.LookupEventsRate)
	run(t, resource.TestStep{
		Config: cloudTrailProviderBlock(srv) + `data "iamguard_iam_events" "test" {
  event_names         = ["UpdateAccessKey", "DeleteSigningCertificate"]
  lookback            = "36h"
  expected_principals = ["arn:aws:iam::123456789012:user/ci"]
}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(evAddr, "events.#", "16"),
			resource.TestCheckResourceAttr(evAddr, "events.0.event_id", "ev-00"),
			resource.TestCheckResourceAttr(evAddr, "events.15.event_id", "ev-15"),
			resource.TestCheckResourceAttr(evAddr, "compliant", "true"),
		),
	}, resource.TestStep{
		Config: cloudTrailProviderBlock(srv) + `data "iamguard_iam_events" "test" {
  event_names = ["UpdateAccessKey", "DeleteSigningCertificate"]
  max_events  = 3
}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(evAddr, "events.#", "3"),
			resource.TestCheckResourceAttr(evAddr, "truncated", "true"),
			resource.TestCheckResourceAttr(evAddr, "events.2.event_id", "ev-02"),
			resource.TestCheckResourceAttr(evAddr, "compliant", "false"),
			resource.TestCheckResourceAttr(evAddr, "findings.#", "2"),
			// The cut hides older events from the rules: never a pass.
			resource.TestCheckResourceAttr(evAddr, "findings.0.rule_id", "IG806"),
			resource.TestCheckResourceAttr(evAddr, "findings.0.subject", "account"),
			resource.TestCheckResourceAttr(evAddr, "findings.0.message", "only the newest 3 event(s) were read (max_events): "+
				"the older ones in the window were not, so IG902 (event-access-key-activated), IG905 (event-signing-certificate-deleted) not judged on them"),
			resource.TestCheckResourceAttr(evAddr, "findings.1.subject", "ev-01"), // a DeleteSigningCertificate, and no one is expected
		),
	})
	reqs := srv.Requests("LookupEvents")
	if len(reqs) < 8 || len(reqs)%2 != 0 {
		t.Errorf("%d LookupEvents requests", len(reqs))
	}
	if m := srv.MaxPerSecond("LookupEvents"); m > 2 || srv.Throttled("LookupEvents") != 0 {
		t.Errorf("iamtest saw up to %d LookupEvents within a second and throttled %d", m, srv.Throttled("LookupEvents"))
	}
}

// TestIAMEventsMaxEventsCut: every event read is fine, but max_events left
// an older one out: the cut is an IG806 finding, so compliant is false at
// any compliant_at. With max_events at the number of events, and a
// NextToken on the full last page (CloudTrail may give one), the page past
// it is empty: nothing was cut, no IG806, and the older event is judged.
func TestIAMEventsMaxEventsCut(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Events: []iamtest.Event{
		{ID: "ev-new", Name: "UpdateAccessKey", Time: hoursAgo(1), Username: "ci",
			RequestParameters: map[string]any{"userName": "ci", "accessKeyId": "AKIACI", "status": "Inactive"}},
		{ID: "ev-old", Name: "UpdateAccessKey", Time: hoursAgo(5), Username: "mallory",
			RequestParameters: map[string]any{"userName": "ci", "accessKeyId": "AKIACI", "status": "Active"}},
	}})
	srv.SetPageFault("LookupEvents", iamtest.TrailingToken)
	for _, c := range []struct {
		max                                 int
		truncated, compliant, rule, message string
	}{
		{1, "true", "false", "IG806", "only the newest 1 event(s) were read (max_events): " +
			"the older ones in the window were not, so IG902 (event-access-key-activated) not judged on them"},
		{2, "false", "true", "IG902", ""},
	} {
		t.Run(fmt.Sprint("max_events ", c.max), func(t *testing.T) {
			checks := []resource.TestCheckFunc{
				resource.TestCheckResourceAttr(evAddr, "events.#", fmt.Sprint(c.max)),
				resource.TestCheckResourceAttr(evAddr, "truncated", c.truncated),
				resource.TestCheckResourceAttr(evAddr, "compliant", c.compliant),
				resource.TestCheckResourceAttr(evAddr, "findings.#", "1"),
				resource.TestCheckResourceAttr(evAddr, "findings.0.rule_id", c.rule),
			}
			if c.message != "" {
				checks = append(checks, resource.TestCheckResourceAttr(evAddr, "findings.0.message", c.message))
			}
			run(t, resource.TestStep{
				Config: cloudTrailProviderWith(srv, `  compliant_at = "critical"`) + fmt.Sprintf(`data "iamguard_iam_events" "test" {
  event_names = ["UpdateAccessKey"]
  max_events  = %d
}`, c.max),
				Check: resource.ComposeAggregateTestCheckFunc(checks...),
			})
		})
	}
}

// TestIAMEventsRepeatedToken: LookupEvents answers a NextToken it has
// already given, or starts its list over under a new NextToken with events
// that carry no EventId (told apart by their records). The read ends there
// instead of looping; the events read are judged and the rest is an IG806
// finding, so the read is not compliant. (Empty pages, and lists longer
// than any history, end the same way: awsiam's TestIAMEventsBounded.)
func TestIAMEventsRepeatedToken(t *testing.T) {
	for _, c := range []struct {
		fault  iamtest.PageFault
		noIDs  bool
		events int
		why    string
	}{
		{iamtest.RepeatMarker, false, 4, "CloudTrail answered a NextToken it had already given, so the list would never end"},
		{iamtest.RestartMarker, true, 2, "CloudTrail answered a page of events it had already given, so the list would never end"},
	} {
		t.Run(fmt.Sprintf("fault %d", c.fault), func(t *testing.T) {
			acct := &iamtest.Account{Now: testNow}
			for i := range 6 {
				acct.Events = append(acct.Events, iamtest.Event{ID: fmt.Sprintf("ev-%d", i), Name: "UploadServerCertificate", Time: hoursAgo(i + 1),
					Username: "ci", RequestParameters: map[string]any{"serverCertificateName": fmt.Sprintf("www-%d", i)}})
			}
			srv := iamtest.New(t, acct)
			srv.SetPageSize(2)
			srv.SetPageFault("LookupEvents", c.fault)
			srv.DropEventIDs(c.noIDs)
			run(t, resource.TestStep{
				Config: cloudTrailProviderBlock(srv) + `data "iamguard_iam_events" "test" {
  event_names         = ["UploadServerCertificate"]
  expected_principals = ["arn:aws:iam::123456789012:user/ci"]
}`,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(evAddr, "events.#", fmt.Sprint(c.events)),
					resource.TestCheckResourceAttr(evAddr, "truncated", "false"),
					resource.TestCheckResourceAttr(evAddr, "compliant", "false"),
					resource.TestCheckResourceAttr(evAddr, "findings.#", "1"),
					resource.TestCheckResourceAttr(evAddr, "findings.0.rule_id", "IG806"),
					resource.TestCheckResourceAttr(evAddr, "findings.0.subject", "account"),
					resource.TestCheckResourceAttr(evAddr, "findings.0.message", fmt.Sprintf("the UploadServerCertificate events past the newest %d could not be read "+
						"(LookupEvents: %s); IG903 (event-server-certificate-uploaded) not judged", c.events, c.why)),
				),
			})
		})
	}
}

// TestIAMEventsPrincipalParts: expected_principals match each part of an
// ARN on its own, so the documented arn:aws:iam::*:role/terraform-*
// expects roles only. The * in the account part ran across the colons
// into the resource: a user whose path holds ":role/terraform-" matched it,
// and its uploads and deletions gave no finding (round 89). The same
// pattern in account_compliance's events block agrees.
func TestIAMEventsPrincipalParts(t *testing.T) {
	mallory := "arn:aws:iam::123456789012:user/:role/terraform-/mallory"
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Events: []iamtest.Event{
		{ID: "ev-ssh", Name: "UploadSSHPublicKey", Time: hoursAgo(1), Username: "mallory", PrincipalARN: mallory,
			RequestParameters: map[string]any{"userName": "alice", "sSHPublicKeyBody": sshBody}},
		{ID: "ev-sign", Name: "DeleteSigningCertificate", Time: hoursAgo(2), Username: "mallory", PrincipalARN: mallory,
			RequestParameters: map[string]any{"userName": "alice", "certificateId": "SIGNCERT1"}},
		{ID: "ev-ok", Name: "UploadSSHPublicKey", Time: hoursAgo(3), PrincipalType: "AssumedRole",
			RoleARN:           "arn:aws:iam::123456789012:role/terraform-ci",
			RequestParameters: map[string]any{"userName": "git", "sSHPublicKeyBody": sshBody}},
	}})
	run(t, resource.TestStep{
		Config: cloudTrailProviderBlock(srv) + `data "iamguard_iam_events" "test" {
  expected_principals = ["arn:aws:iam::*:role/terraform-*"]
}
data "iamguard_account_compliance" "test" {
  events = { expected_principals = ["arn:aws:iam::*:role/terraform-*"] }
}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(evAddr, "events.#", "3"),
			resource.TestCheckResourceAttr(evAddr, "events.0.principal_arn", mallory),
			resource.TestCheckResourceAttr(evAddr, "compliant", "false"),
			resource.TestCheckResourceAttr(evAddr, "findings.#", "2"),
			resource.TestCheckResourceAttr(evAddr, "findings.0.rule_id", "IG904"),
			resource.TestCheckResourceAttr(evAddr, "findings.0.subject", "ev-ssh"),
			resource.TestCheckResourceAttr(evAddr, "findings.1.rule_id", "IG905"),
			resource.TestCheckResourceAttr(evAddr, "findings.1.subject", "ev-sign"),
			areaFinding(eventsArea, "IG904"),
			areaFinding(eventsArea, "IG905"),
		),
	})
}

func TestIAMEventsDenied(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Events: riskyEvents()})
	srv.Fail("LookupEvents", iamtest.AccessDenied, -1)
	run(t, resource.TestStep{
		Config:      cloudTrailProviderBlock(srv) + `data "iamguard_iam_events" "test" {}`,
		ExpectError: regexp.MustCompile(`(?s)Cannot read CloudTrail events.*AWS refused LookupEvents.*permission\s+cloudtrail:LookupEvents`),
	})
}

func TestIAMEventsInvalidArguments(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow})
	for arg, want := range map[string]string{
		`lookback = "91d"`:    `must be from 1s to 90d`,
		`lookback = "a week"`: `is not a number of days`,
		`max_events = 0`:      `max_events must be 1 or more`,
		`event_names = []`:    `at least one event name`,
		`event_names = ["UpdateAccessKey", "updateaccountpasswordpolicy"]`: `(?s)event_names\[1\] is not an event name.*"UpdateAccountPasswordPolicy"`,
		`expected_principals = ["role/terraform-*"]`:                       `(?s)expected_principals\[0\] is not an ARN pattern`,
		`expected_principals = ["*", "arn:aws:iam::*:role/x", "arn:*"]`:    `(?s)expected_principals\[2\] is not an ARN pattern`,
	} {
		t.Run(arg, func(t *testing.T) {
			run(t, resource.TestStep{
				Config:      cloudTrailProviderBlock(srv) + "data \"iamguard_iam_events\" \"test\" {\n  " + arg + "\n}\n",
				ExpectError: regexp.MustCompile(want),
			})
		})
	}
	if n := srv.Calls("LookupEvents"); n != 0 {
		t.Errorf("invalid arguments still made %d calls", n)
	}
}

// TestParseLookback: days and durations from 1s to 90d, nothing that
// wraps round into that range.
func TestParseLookback(t *testing.T) {
	for s, want := range map[string]time.Duration{"7d": 7 * 24 * time.Hour, "90d": 90 * 24 * time.Hour, "36h": 36 * time.Hour, "1s": time.Second} {
		if got, err := parseLookback(s); err != nil || got != want {
			t.Errorf("parseLookback(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	for _, s := range []string{"91d", "0d", "-1d", "281474976710663d", "-281474976710649d", "9223372036854775807d", "-9223372036854775808d", "2161h", "0s", "x", "7 d"} {
		if got, err := parseLookback(s); err == nil {
			t.Errorf("parseLookback(%q) = %v, want an error", s, got)
		}
	}
}
