package provider

import (
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
)

const crConfig = `data "iamguard_credential_report" "test" {}`

// TestCredentialReportMemberAccount: an AWS Organizations member account
// whose root user has no password, key or certificate has nothing for MFA
// to protect, so root is compliant (AWS Config: NOT_APPLICABLE).
func TestCredentialReportMemberAccount(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Root: iamtest.Root{Created: daysAgo(100)}})
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + crConfig,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(crAddr, "users.0.root", "true"),
			// As AWS writes root's row: not_supported. The account summary
			// says root has no password.
			resource.TestCheckNoResourceAttr(crAddr, "users.0.password_enabled"),
			resource.TestCheckResourceAttr(crAddr, "users.0.mfa_active", "false"),
			resource.TestCheckResourceAttr(crAddr, "compliant", "true"),
			resource.TestCheckResourceAttr(crAddr, "findings.#", "0"),
		),
	})
	if n := srv.Calls("GetAccountSummary"); n == 0 {
		t.Error("the root user was judged without the account summary's cross-check")
	}
}

// TestCredentialReportRootWithPassword: the same root user with a password
// and no MFA is critical. The report says not_supported for root's password,
// as AWS's does; the account summary's AccountPasswordPresent tells (round
// 237: IG806, never IG804, on every real account).
func TestCredentialReportRootWithPassword(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Root: iamtest.Root{Created: daysAgo(100), HasPassword: true}})
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + crConfig,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(crAddr, "compliant", "false"),
			resource.TestCheckResourceAttr(crAddr, "findings.#", "1"),
			resource.TestCheckResourceAttr(crAddr, "findings.0.rule_id", "IG804"),
			resource.TestCheckResourceAttr(crAddr, "findings.0.severity", "critical"),
			resource.TestCheckResourceAttr(crAddr, "findings.0.message", "the root user has no MFA device and has a password"),
		),
	})
}

// TestCredentialReportRootUsedRecently: root signing in three days ago and
// its key used yesterday are each named, with when.
func TestCredentialReportRootUsedRecently(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Root: iamtest.Root{
		Created: daysAgo(1000), HasPassword: true, MFAEnabled: true, PasswordLastUsed: daysAgo(3),
		AccessKeys: []iamtest.AccessKey{{ID: "AKIAROOT000000000001", Status: "Inactive", Created: daysAgo(500), LastUsed: daysAgo(1), LastUsedService: "s3"}},
	}})
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + crConfig,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(crAddr, "compliant", "false"),
			resource.TestCheckResourceAttr(crAddr, "findings.#", "3"),
			// The inactive key may have been switched on since the report.
			resource.TestCheckResourceAttr(crAddr, "findings.0.rule_id", "IG806"),
			resource.TestCheckResourceAttr(crAddr, "findings.1.rule_id", "IG807"),
			resource.TestCheckResourceAttr(crAddr, "findings.1.rule", "root-used-recently"),
			resource.TestCheckResourceAttr(crAddr, "findings.1.subject", "<root_account>"),
			resource.TestCheckResourceAttr(crAddr, "findings.1.message",
				"the root user's password was used 3 days ago, at 2026-05-29T12:00:00Z; the baseline allows no root use within 90 days"),
			resource.TestCheckResourceAttr(crAddr, "findings.2.rule_id", "IG807"),
			resource.TestCheckResourceAttr(crAddr, "findings.2.subject", "<root_account>/access_key_1"),
			resource.TestCheckResourceAttr(crAddr, "findings.2.message",
				"the root user's access key access_key_1 was used 1 day ago, at 2026-05-31T12:00:00Z; the baseline allows no root use within 90 days"),
		),
	}, resource.TestStep{
		Config: providerBlock(srv, "baseline {\n    root_use_days = 2\n  }") + crConfig,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(crAddr, "findings.#", "2"),
			resource.TestCheckResourceAttr(crAddr, "findings.1.subject", "<root_account>/access_key_1"),
		),
	})
}

// TestCredentialReportNoRootRow: a report without the <root_account> row
// is an IG806 finding, and root is still judged from the live account
// summary: here it shows a root access key and no MFA.
func TestCredentialReportNoRootRow(t *testing.T) {
	acct := &iamtest.Account{Now: testNow, Root: iamtest.Root{Created: daysAgo(1000), HasPassword: true, HasAccessKeys: true},
		Users: []iamtest.User{consoleUser("alice", daysAgo(300), daysAgo(2), true)},
		EditCredentialReport: func(rows [][]string) [][]string {
			return slices.DeleteFunc(rows, func(r []string) bool { return r[0] == "<root_account>" })
		}}
	srv := iamtest.New(t, acct)
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + crConfig,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(crAddr, "users.#", "1"),
			resource.TestCheckResourceAttr(crAddr, "compliant", "false"),
			resource.TestCheckResourceAttr(crAddr, "findings.#", "3"),
			resource.TestCheckResourceAttr(crAddr, "findings.0.rule_id", "IG806"),
			resource.TestCheckResourceAttr(crAddr, "findings.0.subject", "<root_account>"),
			resource.TestCheckResourceAttr(crAddr, "findings.0.message", "the credential report has no row for the root user (<root_account>); "+
				"IG803 (root-access-key), IG804 (root-no-mfa) judged from the account summary alone, IG807 (root-used-recently) not judged"),
			resource.TestCheckResourceAttr(crAddr, "findings.1.rule_id", "IG803"),
			resource.TestCheckResourceAttr(crAddr, "findings.1.subject", "<root_account>"),
			resource.TestCheckResourceAttr(crAddr, "findings.2.rule_id", "IG804"),
			resource.TestCheckResourceAttr(crAddr, "findings.2.message",
				"the root user has no MFA device and has a password and an access key (the account summary shows one; the report has no row for root)"),
		),
	})
	// Without the summary either, root is not judged at all, and the gaps
	// say so (the last two: users made since the report are not counted).
	srv = iamtest.New(t, acct)
	srv.Fail("GetAccountSummary", iamtest.AccessDenied, -1)
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + crConfig,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(crAddr, "compliant", "false"),
			resource.TestCheckResourceAttr(crAddr, "findings.#", "4"),
			resource.TestCheckResourceAttr(crAddr, "findings.0.rule_id", "IG806"),
			resource.TestCheckResourceAttr(crAddr, "findings.1.rule_id", "IG806"),
			resource.TestCheckResourceAttr(crAddr, "findings.1.message", "the credential report has no row for the root user (<root_account>); "+
				"IG803 (root-access-key), IG804 (root-no-mfa), IG807 (root-used-recently) not judged"),
		),
	})
}

// TestCredentialReportMalformed: a report missing a column a rule reads is
// an error naming it, never a pass.
func TestCredentialReportMalformed(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Users: []iamtest.User{consoleUser("alice", daysAgo(10), daysAgo(1), false)},
		EditCredentialReport: func(rows [][]string) [][]string {
			for r := range rows {
				rows[r] = append(rows[r][:7:7], rows[r][8:]...) // drop mfa_active
			}
			return rows
		}})
	run(t, resource.TestStep{
		Config:      providerBlock(srv, "") + crConfig,
		ExpectError: regexp.MustCompile(`(?s)Cannot read the credential report.*report line 1 does not parse: the header lacks\s+the\s+column\(s\)\s+mfa_active`),
	})
}

// TestCredentialReportUnreported: a value the report leaves out where a
// rule needs one is an IG806 finding naming the column; a key without a
// rotation date is unknown, never "106751 days old".
func TestCredentialReportUnreported(t *testing.T) {
	alice := consoleUser("alice", daysAgo(10), daysAgo(1), true)
	alice.AccessKeys = []iamtest.AccessKey{{ID: "AKIAALICE0000000001", Created: daysAgo(5), LastUsed: daysAgo(1)}}
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Root: iamtest.Root{MFAEnabled: true}, Users: []iamtest.User{alice},
		EditCredentialReport: func(rows [][]string) [][]string {
			for i, h := range rows[0] {
				switch h {
				case "mfa_active":
					rows[2][i] = "not_supported"
				case "access_key_1_last_rotated":
					rows[2][i] = "N/A"
				}
			}
			return rows
		}})
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + crConfig,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(crAddr, "compliant", "false"),
			resource.TestCheckNoResourceAttr(crAddr, "users.1.mfa_active"),
			resource.TestCheckNoResourceAttr(crAddr, "users.1.access_key_1_last_rotated"),
			resource.TestCheckResourceAttr(crAddr, "findings.#", "2"),
			resource.TestCheckResourceAttr(crAddr, "findings.0.rule_id", "IG806"),
			resource.TestCheckResourceAttr(crAddr, "findings.0.subject", "alice"),
			resource.TestCheckResourceAttr(crAddr, "findings.0.message",
				"the credential report gives no value for mfa_active; IG801 (console-user-no-mfa) not judged"),
			resource.TestCheckResourceAttr(crAddr, "findings.1.rule_id", "IG806"),
			resource.TestCheckResourceAttr(crAddr, "findings.1.subject", "alice/access_key_1"),
			resource.TestCheckResourceAttr(crAddr, "findings.1.message",
				"the credential report gives no value for access_key_1_last_rotated; IG204 (access-key-not-rotated) not judged"),
		),
	})
}

// TestCredentialReportNotRefreshed: IG805 fires only when IAM could not
// generate a fresh report and the one it had is older than the baseline.
// Users and keys made since are not in it: facts not read, so compliant is
// false whatever compliant_at says (round 179: compliant_at = "medium"
// passed an account whose new user the old report did not show).
func TestCredentialReportNotRefreshed(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Root: iamtest.Root{MFAEnabled: true},
		CredentialReportGenerated: testNow.Add(-30 * time.Hour)})
	srv.Fail("GenerateCredentialReport", iamtest.AccessDenied, -1)
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + crConfig,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(crAddr, "generated_on_request", "false"),
			resource.TestCheckResourceAttr(crAddr, "age_seconds", "108000"),
			resource.TestCheckResourceAttr(crAddr, "compliant", "false"),
			resource.TestCheckResourceAttr(crAddr, "findings.#", "1"),
			resource.TestCheckResourceAttr(crAddr, "findings.0.rule_id", "IG805"),
			resource.TestCheckResourceAttr(crAddr, "findings.0.severity", "low"),
			resource.TestCheckResourceAttr(crAddr, "findings.0.message",
				"the credential report used was generated 30h0m0s ago and no fresh one could be generated "+
					"(GenerateCredentialReport was denied: grant iam:GenerateCredentialReport); the baseline allows 4h0m0s"),
		),
	}, resource.TestStep{
		Config: providerBlock(srv, `compliant_at = "critical"`) + crConfig,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(crAddr, "findings.#", "1"),
			resource.TestCheckResourceAttr(crAddr, "compliant", "false"),
		),
	}, resource.TestStep{
		Config: providerBlock(srv, "baseline {\n    credential_report_max_age_hours = 48\n  }") + crConfig,
		Check:  resource.TestCheckResourceAttr(crAddr, "findings.#", "0"),
	})
}

// TestCredentialReportIAMClock: the report's age is judged by IAM's clock
// (the reply's Date), not the host's. Here the host runs 10 minutes ahead
// of IAM, and IAM still serves the report it made 3h59m ago by its own
// clock, as it does one under four hours old: no IG805, age 3h59m.
func TestCredentialReportIAMClock(t *testing.T) {
	iamNow := testNow.Add(-10 * time.Minute)
	srv := iamtest.New(t, &iamtest.Account{Now: iamNow, Root: iamtest.Root{MFAEnabled: true}})
	srv.SetReportTime(iamNow.Add(-(3*time.Hour + 59*time.Minute)))
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + crConfig,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(crAddr, "age_seconds", "14340"),
			resource.TestCheckResourceAttr(crAddr, "findings.#", "0"),
			resource.TestCheckResourceAttr(crAddr, "compliant", "true"),
		),
	})
}

// TestCredentialReportStaleDate: a reply's Date far behind the host's (a
// stale endpoint's or proxy's) is not IAM's clock: a report IAM could not
// refresh, 10 hours old, was judged half an hour old by a Date 9h30m
// behind, and passed (round 315).
func TestCredentialReportStaleDate(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow.Add(-(9*time.Hour + 30*time.Minute)), Root: iamtest.Root{MFAEnabled: true},
		CredentialReportGenerated: testNow.Add(-10 * time.Hour)})
	srv.Fail("GenerateCredentialReport", iamtest.AccessDenied, -1)
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + crConfig,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(crAddr, "age_seconds", "36000"),
			resource.TestCheckResourceAttr(crAddr, "compliant", "false"),
			resource.TestCheckResourceAttr(crAddr, "findings.0.rule_id", "IG805"),
		),
	})
}

// TestCredentialReportDatesIAMClock: the report's dates are IAM's, judged
// by IAM's clock too (round 151: with IAM 100 days ahead of the host, a
// key 120 days old by IAM's clock was 20 days old, and passed).
func TestCredentialReportDatesIAMClock(t *testing.T) {
	iamNow := testNow.AddDate(0, 0, 100)
	srv := iamtest.New(t, &iamtest.Account{Now: iamNow, Root: iamtest.Root{MFAEnabled: true}, Users: []iamtest.User{
		{Name: "bob", AccessKeys: []iamtest.AccessKey{{ID: "AKIABOB000000000001", Created: iamNow.AddDate(0, 0, -120), LastUsed: iamNow.AddDate(0, 0, -1),
			LastUsedService: "s3", LastUsedRegion: "us-east-1"}}}}})
	srv.SetReportTime(iamNow.Add(-time.Hour))
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + crConfig,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(crAddr, "findings.#", "1"),
			resource.TestCheckResourceAttr(crAddr, "findings.0.rule_id", "IG204"),
			resource.TestCheckResourceAttr(crAddr, "compliant", "false"),
		),
	})
}

// TestCredentialReportServedOld: IAM said COMPLETE but served a report 31
// days old: it is judged stale (IG805) all the same, a low finding that
// compliant_at may pass, since nothing was refused. A report without a
// GeneratedTime has no age (null, never 292 years) and is an IG806 finding.
func TestCredentialReportServedOld(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Root: iamtest.Root{MFAEnabled: true}})
	srv.SetReportTime(daysAgo(31))
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + crConfig,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(crAddr, "generated_on_request", "true"),
			resource.TestCheckResourceAttr(crAddr, "age_seconds", "2678400"),
			resource.TestCheckResourceAttr(crAddr, "compliant", "false"),
			resource.TestCheckResourceAttr(crAddr, "findings.#", "1"),
			resource.TestCheckResourceAttr(crAddr, "findings.0.rule_id", "IG805"),
			resource.TestCheckResourceAttr(crAddr, "findings.0.message",
				"the credential report used was generated 744h0m0s ago, though IAM said on request that it was complete "+
					"(IAM regenerates a report older than four hours); the baseline allows 4h0m0s"),
		),
	}, resource.TestStep{
		Config: providerBlock(srv, `compliant_at = "medium"`) + crConfig,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(crAddr, "findings.0.rule_id", "IG805"),
			resource.TestCheckResourceAttr(crAddr, "compliant", "true"),
		),
	})
	srv = iamtest.New(t, &iamtest.Account{Now: testNow, Root: iamtest.Root{MFAEnabled: true}})
	srv.SetReportTime(time.Time{})
	run(t, resource.TestStep{
		Config: providerBlock(srv, `compliant_at = "critical"`) + crConfig,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckNoResourceAttr(crAddr, "generated_time"),
			resource.TestCheckNoResourceAttr(crAddr, "age_seconds"),
			resource.TestCheckResourceAttr(crAddr, "compliant", "false"),
			resource.TestCheckResourceAttr(crAddr, "findings.#", "1"),
			resource.TestCheckResourceAttr(crAddr, "findings.0.rule_id", "IG806"),
			resource.TestCheckResourceAttr(crAddr, "findings.0.subject", "account"),
			resource.TestCheckResourceAttr(crAddr, "findings.0.message",
				"the credential report gives no generation time, so its age is not known; IG805 (credential-report-stale) not judged"),
		),
	})
}

// TestCredentialReportSummaryDenied: without the account summary, root is
// judged from the report alone, and the gap is a finding; so are the users
// made since the report, which the summary counts (round 183: not said).
func TestCredentialReportSummaryDenied(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Root: iamtest.Root{MFAEnabled: true}})
	srv.FailHTTP("GetAccountSummary", 403, "", -1) // an AccessDenied the SDK sees as UnknownError
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + crConfig,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(crAddr, "compliant", "false"),
			resource.TestCheckResourceAttr(crAddr, "findings.#", "3"),
			resource.TestCheckResourceAttr(crAddr, "findings.0.rule_id", "IG806"),
			resource.TestMatchResourceAttr(crAddr, "findings.0.message",
				regexp.MustCompile(`^the account summary could not be read \(GetAccountSummary was denied: grant iam:GetAccountSummary\)`)),
			resource.TestCheckResourceAttr(crAddr, "findings.1.subject", "account"),
			resource.TestCheckResourceAttr(crAddr, "findings.1.message", "the console passwords and MFA of users made since the credential report "+
				"could not be read (the account summary, which counts the users, could not be read); "+
				"IG801 (console-user-no-mfa), IG802 (credential-unused) not judged"),
			resource.TestCheckResourceAttr(crAddr, "findings.2.subject", "account/access_keys"),
		),
	})
}

// TestRootActivatedSinceReport: the report IAM hands back lists root's
// only key and certificate as inactive; since it was made (two hours ago,
// so IAM reuses it) both were switched on. The account summary counts
// them active or not, so it cannot tell: root's key, and its MFA, are not
// judged, and the account is not compliant (round 130: compliant, no
// findings, on every data source that reads root).
func TestRootActivatedSinceReport(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, CredentialReportGenerated: testNow.Add(-2 * time.Hour), Root: iamtest.Root{
		Created:             daysAgo(1000),
		AccessKeys:          []iamtest.AccessKey{{ID: "AKIAROOT000000000001", Status: "Inactive", Created: daysAgo(800)}},
		SigningCertificates: []iamtest.SigningCertificate{{ID: "ROOTCERT", Status: "Inactive", Uploaded: daysAgo(800)}},
	}})
	keys := "the credential report, up to four hours old, lists the root user's access keys as inactive, and the account summary " +
		"cannot tell whether one was activated or added since; IG803 (root-access-key), IG804 (root-no-mfa) not judged"
	config := providerBlock(srv, "") + crConfig + `
data "iamguard_signing_certificates" "test" {}
data "iamguard_account_compliance" "test" {}`
	check := resource.ComposeAggregateTestCheckFunc(
		resource.TestCheckResourceAttr(crAddr, "users.0.access_key_1_active", "false"),
		resource.TestCheckResourceAttr(crAddr, "compliant", "false"),
		resource.TestCheckResourceAttr(crAddr, "findings.#", "2"),
		resource.TestCheckResourceAttr(crAddr, "findings.0.rule_id", "IG806"),
		resource.TestCheckResourceAttr(crAddr, "findings.0.subject", "<root_account>"),
		resource.TestCheckResourceAttr(crAddr, "findings.0.message", keys),
		resource.TestCheckResourceAttr(crAddr, "findings.1.rule_id", "IG806"),
		resource.TestCheckResourceAttr(crAddr, "findings.1.message", "the credential report, up to four hours old, lists the root user's signing certificates "+
			"as inactive, and the account summary cannot tell whether one was activated or added since; IG804 (root-no-mfa) not judged"),
		resource.TestCheckResourceAttr(sgAddr, "compliant", "false"),
		resource.TestCheckTypeSetElemNestedAttrs(sgAddr, "findings.*", map[string]string{"rule_id": "IG806", "subject": "<root_account>"}),
		resource.TestCheckResourceAttr(acAddr, "compliant", "false"),
		resource.TestCheckTypeSetElemNestedAttrs(acAddr, "findings.*", map[string]string{"rule_id": "IG806", "message": keys}),
	)
	run(t, resource.TestStep{Config: config, Check: check}, resource.TestStep{
		// IAM keeps serving the report it made, as it was.
		PreConfig: func() {
			srv.Update(func(a *iamtest.Account) {
				a.Root.AccessKeys[0].Status, a.Root.SigningCertificates[0].Status = "Active", "Active"
			})
		},
		Config: config,
		Check:  check,
	})
}

// TestAWSClockEveryArea: every data source judges AWS's dates against
// AWS's clock, as STS's reply at configure gives it, not the host's, 100
// days behind (round 264: the access keys and signing certificates read
// bob's 120-day-old key and alice's 120-day-old certificate as 20 days
// old, and CloudTrail was asked for a window ending before the newest
// events, so a key switched on an hour ago passed).
func TestAWSClockEveryArea(t *testing.T) {
	awsNow := testNow.AddDate(0, 0, 100)
	srv := iamtest.New(t, &iamtest.Account{Now: awsNow, Root: iamtest.Root{MFAEnabled: true}, Users: []iamtest.User{
		{Name: "bob", AccessKeys: []iamtest.AccessKey{{ID: "AKIABOB000000000001", Created: awsNow.AddDate(0, 0, -120), LastUsed: awsNow.AddDate(0, 0, -1),
			LastUsedService: "s3", LastUsedRegion: "us-east-1"}}},
		{Name: "alice", SigningCertificates: []iamtest.SigningCertificate{{ID: "ALICECERT1", Body: signingCert(t), Uploaded: awsNow.AddDate(0, 0, -120)}}},
	}, Events: []iamtest.Event{{ID: "ev-key", Name: "UpdateAccessKey", Time: awsNow.Add(-time.Hour), Username: "alice",
		RequestParameters: map[string]any{"accessKeyId": "AKIAOLDKEY", "status": "Active", "userName": "bob"}}}})
	run(t, resource.TestStep{
		Config: cloudTrailProviderBlock(srv) + `
data "iamguard_access_keys" "test" {}
data "iamguard_signing_certificates" "test" {}
data "iamguard_iam_events" "test" {}
`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr("data.iamguard_access_keys.test", "access_keys.0.age_days", "120"),
			resource.TestCheckTypeSetElemNestedAttrs("data.iamguard_access_keys.test", "findings.*", map[string]string{"rule_id": "IG204"}),
			resource.TestCheckTypeSetElemNestedAttrs(sgAddr, "findings.*", map[string]string{"rule_id": "IG808", "subject": "ALICECERT1"}),
			resource.TestCheckResourceAttr(evAddr, "end_time", awsNow.Format(time.RFC3339)),
			resource.TestCheckTypeSetElemNestedAttrs(evAddr, "findings.*", map[string]string{"rule_id": "IG902"}),
		),
	})
}

// TestAWSClockBehind: a Date behind the host's clock (an endpoint's or a
// proxy's, from 1999 here) is not taken: keys would look young, a
// 120-day-old one 9,900 days from being made (round 267), in the access
// keys and in the credential report's rows (round 270).
func TestAWSClockBehind(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow.AddDate(-27, 0, 0), Users: []iamtest.User{
		{Name: "bob", AccessKeys: []iamtest.AccessKey{{ID: "AKIABOB000000000001", Created: daysAgo(120), LastUsed: daysAgo(1),
			LastUsedService: "s3", LastUsedRegion: "us-east-1"}}}}})
	srv.SetReportTime(testNow.Add(-time.Hour))
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + "data \"iamguard_access_keys\" \"test\" {}\n" + crConfig,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr("data.iamguard_access_keys.test", "access_keys.0.age_days", "120"),
			resource.TestCheckTypeSetElemNestedAttrs("data.iamguard_access_keys.test", "findings.*", map[string]string{"rule_id": "IG204"}),
			// The report's rows too (round 270), whatever its own age.
			resource.TestCheckTypeSetElemNestedAttrs(crAddr, "findings.*", map[string]string{"rule_id": "IG204"}),
		),
	})
}
