package provider

import (
	"fmt"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
	"github.com/iamguard/terraform-provider-iamguard/internal/inspect/certtest"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

const acAddr = "data.iamguard_account_compliance.test"

// compliantAccount passes every area: a strong policy, a root user with
// MFA, a console user with MFA and one fresh key, an SSH key, a signing
// certificate, a CA-issued server certificate and a trail recording IAM.
func compliantAccount(t *testing.T) *iamtest.Account {
	alice := consoleUser("alice", daysAgo(300), daysAgo(2), true)
	alice.AccessKeys = []iamtest.AccessKey{{ID: "AKIAALICE0000000001", Created: daysAgo(10), LastUsed: daysAgo(1),
		LastUsedService: "iam", LastUsedRegion: "us-east-1"}}
	body, _ := sshKey(t)
	alice.SSHPublicKeys = []iamtest.SSHPublicKey{{ID: "APKAALICE0000000001", Body: body}}
	alice.SigningCertificates = []iamtest.SigningCertificate{{ID: "ALICECERT1", Body: signingCert(t), Uploaded: daysAgo(10)}}
	return &iamtest.Account{
		Now:                testNow,
		PasswordPolicy:     strongPolicy(),
		Root:               iamtest.Root{Created: daysAgo(1000), MFAEnabled: true},
		Users:              []iamtest.User{alice, {Name: "ci", Created: daysAgo(5)}},
		ServerCertificates: []iamtest.ServerCertificate{caIssued(t, "www.example.com")},
		Trails:             []iamtest.Trail{goodTrail("main", "us-east-1")},
	}
}

// areaChecks checks each area's verdict, in the documented order: read
// unless unread names it, compliant as compliant says.
func areaChecks(unread []string, compliant map[string]bool) []resource.TestCheckFunc {
	var checks []resource.TestCheckFunc
	for i, name := range areaNames() {
		if name == eventsArea {
			continue
		}
		checks = append(checks,
			resource.TestCheckResourceAttr(acAddr, fmt.Sprintf("areas.%d.area", i), name),
			resource.TestCheckResourceAttr(acAddr, fmt.Sprintf("areas.%d.read", i), fmt.Sprint(!slices.Contains(unread, name))),
			resource.TestCheckResourceAttr(acAddr, fmt.Sprintf("areas.%d.compliant", i), fmt.Sprint(compliant[name])))
	}
	return checks
}

// allAreas is every area but events, each set to v.
func allAreas(v bool) map[string]bool {
	m := map[string]bool{}
	for _, name := range areaNames() {
		if name != eventsArea {
			m[name] = v
		}
	}
	return m
}

// finding checks that an area has a finding of the rule.
func areaFinding(area, ruleID string) resource.TestCheckFunc {
	return resource.TestCheckTypeSetElemNestedAttrs(acAddr, "findings.*", map[string]string{"area": area, "rule_id": ruleID})
}

// reportReadOnce checks that every read of the data source generated and
// fetched the credential report once, and read the account summary once,
// however many areas use them: one GetAccountPasswordPolicy per read.
func reportReadOnce(srv *iamtest.Server) resource.TestCheckFunc {
	return func(*terraform.State) error {
		reads := srv.Operations("GetAccountPasswordPolicy")
		for _, action := range []string{"GenerateCredentialReport", "GetCredentialReport", "GetAccountSummary"} {
			if n := srv.Operations(action); reads == 0 || n != reads {
				return fmt.Errorf("%s called %d times in %d reads, want once a read", action, n, reads)
			}
		}
		return nil
	}
}

func TestAccountComplianceCompliant(t *testing.T) {
	srv := iamtest.New(t, compliantAccount(t))
	checks := append(areaChecks(nil, allAreas(true)),
		resource.TestCheckResourceAttr(acAddr, "compliant", "true"),
		resource.TestCheckResourceAttr(acAddr, "areas.#", "7"),
		resource.TestCheckResourceAttr(acAddr, "findings.#", "0"),
		resource.TestCheckResourceAttr(acAddr, "counts.critical", "0"),
		resource.TestCheckResourceAttr(acAddr, "counts.high", "0"),
		resource.TestCheckResourceAttr(acAddr, "counts.medium", "0"),
		resource.TestCheckResourceAttr(acAddr, "counts.low", "0"),
		resource.TestCheckResourceAttr(acAddr, "counts.info", "0"),
		reportReadOnce(srv),
	)
	run(t, resource.TestStep{
		Config: cloudTrailProviderBlock(srv) + `data "iamguard_account_compliance" "test" {}`,
		Check:  resource.ComposeAggregateTestCheckFunc(checks...),
	})
	// Access keys come from the credential report, events only when asked.
	for _, action := range []string{"ListAccessKeys", "GetAccessKeyLastUsed", "LookupEvents"} {
		if n := srv.Calls(action); n != 0 {
			t.Errorf("%s called %d times", action, n)
		}
	}
}

// reportTime writes t as the credential report does.
func reportTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05+00:00") }

// TestAccountComplianceUserMadeAgain: a user deleted and made again under
// its name since the report (up to four hours old) is another user, whose
// row is the old one's; ListUsers' creation date tells. The new user's
// credentials are not in the report: IG806, never a pass (round 241:
// compliant, no finding, for a console user without MFA).
func TestAccountComplianceUserMadeAgain(t *testing.T) {
	acct := compliantAccount(t)
	acct.Users = append(acct.Users, consoleUser("bob", testNow.Add(-time.Hour), time.Time{}, false))
	acct.CredentialReportGenerated = testNow.Add(-2 * time.Hour)
	acct.EditCredentialReport = func(rows [][]string) [][]string {
		for _, r := range rows {
			if r[0] == "bob" { // the old bob: made 400 days ago, with MFA
				r[2], r[7] = reportTime(daysAgo(400)), "true"
			}
		}
		return rows
	}
	srv := iamtest.New(t, acct)
	run(t, resource.TestStep{
		Config: cloudTrailProviderBlock(srv) + `data "iamguard_account_compliance" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(acAddr, "compliant", "false"),
			resource.TestCheckResourceAttr(acAddr, "findings.#", "2"),
			resource.TestCheckResourceAttr(acAddr, "findings.0.rule_id", "IG806"),
			resource.TestCheckResourceAttr(acAddr, "findings.0.subject", "bob"),
			resource.TestMatchResourceAttr(acAddr, "findings.0.message", regexp.MustCompile(`made again under its name since the credential report`)),
		),
	})
}

// TestAccountComplianceUserGone: a report row whose user ListUsers no
// longer names (deleted since) is not judged: what it says is no longer
// so (round 241: IG801 high for up to four hours after the user went).
func TestAccountComplianceUserGone(t *testing.T) {
	acct := compliantAccount(t)
	acct.CredentialReportGenerated = testNow.Add(-2 * time.Hour)
	acct.EditCredentialReport = func(rows [][]string) [][]string {
		gone := slices.Clone(rows[len(rows)-1])
		gone[0], gone[1], gone[2] = "gone", "arn:aws:iam::123456789012:user/gone", reportTime(daysAgo(50))
		gone[3], gone[4], gone[5], gone[7] = "true", "no_information", reportTime(daysAgo(1)), "false"
		return append(rows, gone)
	}
	srv := iamtest.New(t, acct)
	run(t, resource.TestStep{
		Config: cloudTrailProviderBlock(srv) + `data "iamguard_account_compliance" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(acAddr, "compliant", "true"),
			resource.TestCheckResourceAttr(acAddr, "findings.#", "0"),
		),
	})
}

func TestAccountComplianceNonCompliant(t *testing.T) {
	acct := compliantAccount(t)
	acct.PasswordPolicy.MinimumPasswordLength = 8
	acct.Root = iamtest.Root{Created: daysAgo(1000), HasAccessKeys: true, MFAEnabled: true}
	keys := consoleUser("keys2", daysAgo(400), daysAgo(1), true)
	keys.AccessKeys = []iamtest.AccessKey{
		{ID: "AKIAKEYS20000000001", Created: daysAgo(200), LastUsed: daysAgo(1)},
		{ID: "AKIAKEYS20000000002", Created: daysAgo(10), LastUsed: daysAgo(1)},
	}
	keys.SSHPublicKeys = []iamtest.SSHPublicKey{{ID: "APKAKEYS20000000001",
		Body: certtest.SSHAuthorized(t, &certtest.RSA(t, 1024).PublicKey, "")}}
	acct.Users = append(acct.Users, consoleUser("nomfa", daysAgo(100), daysAgo(1), false), keys)
	ca := certtest.Issue(t, certtest.Cert{CN: "iamguard test CA", CA: true})
	old := certtest.Issue(t, certtest.Cert{CN: "old.example.com", DNSNames: []string{"old.example.com"}, Parent: ca,
		NotBefore: daysAgo(400), NotAfter: daysAgo(10)})
	acct.ServerCertificates = append(acct.ServerCertificates, iamtest.ServerCertificate{Name: "old-example-com",
		Body: old.PEM, Chain: ca.PEM, Expiration: old.Cert.NotAfter, Uploaded: daysAgo(400)})
	off := goodTrail("main", "us-east-1")
	off.IsLogging = false
	acct.Trails = []iamtest.Trail{off}
	srv := iamtest.New(t, acct)

	compliant := allAreas(false)
	compliant["signing_certificates"] = true
	checks := append(areaChecks(nil, compliant),
		resource.TestCheckResourceAttr(acAddr, "compliant", "false"),
		resource.TestCheckResourceAttr(acAddr, "counts.critical", "1"), // the root user's access key
		areaFinding("password_policy", "IG101"),
		areaFinding("credential_report", "IG803"),
		areaFinding("credential_report", "IG801"),
		areaFinding("access_keys", "IG203"),
		areaFinding("access_keys", "IG204"),
		areaFinding("server_certificates", "IG301"),
		areaFinding("ssh_public_keys", "IG402"),
		areaFinding("cloudtrail", "IG703"),
		areaFinding("cloudtrail", "IG707"),
		reportReadOnce(srv),
	)
	run(t, resource.TestStep{
		Config: cloudTrailProviderBlock(srv) + `data "iamguard_account_compliance" "test" {}`,
		Check:  resource.ComposeAggregateTestCheckFunc(checks...),
	})
}

// TestAccountComplianceCompliantAt: compliant, per area and for the
// account, counts only findings at or above the provider's compliant_at;
// the findings and counts still list every one. The same holds for the
// CloudTrail data source.
func TestAccountComplianceCompliantAt(t *testing.T) {
	acct := compliantAccount(t)
	acct.PasswordPolicy.MinimumPasswordLength = 8 // IG101, high
	trail := goodTrail("main", "us-east-1")
	trail.LogFileValidationEnabled = false // IG706, medium
	acct.Trails = []iamtest.Trail{trail}
	config := `
data "iamguard_account_compliance" "test" {}
data "iamguard_cloudtrail_iam_logging" "test" {}
`
	for at, compliant := range map[string]bool{"critical": true, "high": false} {
		srv := iamtest.New(t, acct)
		areas := allAreas(true)
		areas["password_policy"] = compliant
		run(t, resource.TestStep{
			Config: cloudTrailProviderWith(srv, fmt.Sprintf("  compliant_at = %q", at)) + config,
			Check: resource.ComposeAggregateTestCheckFunc(append(areaChecks(nil, areas),
				resource.TestCheckResourceAttr(acAddr, "compliant", fmt.Sprint(compliant)),
				resource.TestCheckResourceAttr(acAddr, "counts.high", "1"),
				resource.TestCheckResourceAttr(acAddr, "counts.medium", "1"),
				areaFinding("password_policy", "IG101"),
				areaFinding("cloudtrail", "IG706"),
				resource.TestCheckResourceAttr("data.iamguard_cloudtrail_iam_logging.test", "compliant", "true"),
			)...),
		})
	}
}

// TestAccountComplianceDenied: an area that cannot be read is an IG806
// finding in that area; the others are still read and judged. A gap is
// never compliant, whatever compliant_at says: not here, not in a single
// data source (iamguard_access_keys without GetAccessKeyLastUsed).
func TestAccountComplianceDenied(t *testing.T) {
	for _, at := range []string{"", `  compliant_at = "critical"`} {
		srv := iamtest.New(t, compliantAccount(t))
		srv.Fail("ListServerCertificates", iamtest.AccessDenied, -1)
		srv.Fail("DescribeTrails", iamtest.AccessDenied, -1)
		srv.Fail("GetAccessKeyLastUsed", iamtest.AccessDenied, -1)
		compliant := allAreas(true)
		compliant["server_certificates"], compliant["cloudtrail"] = false, false
		checks := append(areaChecks([]string{"server_certificates", "cloudtrail"}, compliant),
			resource.TestCheckResourceAttr(acAddr, "compliant", "false"),
			resource.TestCheckResourceAttr(acAddr, "findings.#", "2"),
			resource.TestCheckResourceAttr(acAddr, "counts.medium", "2"),
			areaFinding("server_certificates", "IG806"),
			areaFinding("cloudtrail", "IG806"),
			resource.TestCheckResourceAttr(acAddr, "findings.0.message",
				"the server certificates could not be read (ListServerCertificates was denied: grant iam:ListServerCertificates); "+
					rules.Names(serverCertificateRules...)+" not judged"),
			resource.TestCheckResourceAttr(akAddr, "findings.#", "1"),
			resource.TestCheckResourceAttr(akAddr, "findings.0.rule_id", "IG806"),
			resource.TestCheckResourceAttr(akAddr, "compliant", "false"),
		)
		run(t, resource.TestStep{
			Config: cloudTrailProviderWith(srv, at) + `
data "iamguard_account_compliance" "test" {}
data "iamguard_access_keys" "test" {}
`,
			Check: resource.ComposeAggregateTestCheckFunc(checks...),
		})
	}
}

// TestAccountCompliancePaginated: one-item pages change no verdict.
func TestAccountCompliancePaginated(t *testing.T) {
	acct := compliantAccount(t)
	for i := range 5 {
		u := consoleUser(fmt.Sprintf("user%d", i), daysAgo(300), daysAgo(2), true)
		body, _ := sshKey(t)
		u.SSHPublicKeys = []iamtest.SSHPublicKey{{ID: fmt.Sprintf("APKAUSER%d0000000001", i), Body: body}}
		acct.Users = append(acct.Users, u)
		acct.ServerCertificates = append(acct.ServerCertificates, caIssued(t, fmt.Sprintf("www%d.example.com", i)))
	}
	acct.Trails = append(acct.Trails, goodTrail("second", "eu-west-1"))
	srv := iamtest.New(t, acct)
	srv.SetPageSize(1)
	checks := append(areaChecks(nil, allAreas(true)),
		resource.TestCheckResourceAttr(acAddr, "compliant", "true"),
		resource.TestCheckResourceAttr(acAddr, "findings.#", "0"),
		func(*terraform.State) error {
			reads := srv.Operations("GetAccountPasswordPolicy")
			if n := srv.Operations("GetServerCertificate"); reads == 0 || n != 6*reads {
				return fmt.Errorf("GetServerCertificate called %d times in %d reads, want 6 a read", n, reads)
			}
			if n := srv.Operations("GetSSHPublicKey"); n != 6*reads {
				return fmt.Errorf("GetSSHPublicKey called %d times in %d reads, want 6 a read", n, reads)
			}
			return nil
		},
	)
	run(t, resource.TestStep{
		Config: cloudTrailProviderBlock(srv) + `data "iamguard_account_compliance" "test" {}`,
		Check:  resource.ComposeAggregateTestCheckFunc(checks...),
	})
}

// TestAccountComplianceEvents: with events set, the events area is read
// and judged as iamguard_iam_events judges it.
func TestAccountComplianceEvents(t *testing.T) {
	acct := compliantAccount(t)
	acct.Events = riskyEvents()
	srv := iamtest.New(t, acct)
	run(t, resource.TestStep{
		Config: cloudTrailProviderBlock(srv) + `data "iamguard_account_compliance" "test" {
  events = {
    lookback = "30d"
  }
}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(acAddr, "areas.#", "8"),
			resource.TestCheckResourceAttr(acAddr, "areas.7.area", "iam_events"),
			resource.TestCheckResourceAttr(acAddr, "areas.7.read", "true"),
			resource.TestCheckResourceAttr(acAddr, "areas.7.compliant", "false"),
			resource.TestCheckResourceAttr(acAddr, "compliant", "false"),
			areaFinding("iam_events", "IG902"),
		),
	})
}

// TestAccountComplianceGuards: the summary passes a check block over a
// compliant account, and the precondition of
// examples/modules/require-compliant-account refuses a non-compliant one,
// naming the findings.
func TestAccountComplianceGuards(t *testing.T) {
	srv := iamtest.New(t, compliantAccount(t))
	run(t, resource.TestStep{
		Config: cloudTrailProviderBlock(srv) + `
data "iamguard_account_compliance" "test" {}
check "account" {
  assert {
    condition     = data.iamguard_account_compliance.test.compliant
    error_message = "the account is not compliant"
  }
}`,
	})

	acct := compliantAccount(t)
	acct.PasswordPolicy = nil // AWS's default policy: far too weak
	srv = iamtest.New(t, acct)
	run(t, resource.TestStep{
		Config: cloudTrailProviderBlock(srv) + `
data "iamguard_account_compliance" "test" {}
resource "terraform_data" "compliant_account" {
  input = data.iamguard_account_compliance.test.counts
  lifecycle {
    precondition {
      condition     = data.iamguard_account_compliance.test.compliant
      error_message = join("; ", [for f in data.iamguard_account_compliance.test.findings : "${f.area}: ${f.rule_id}"])
    }
  }
}`,
		ExpectError: regexp.MustCompile(`password_policy: IG101`),
	})
}

// TestAccessKeyArea: the access_keys area takes the credential report's
// key rules and a gap about one of a user's keys, which leaves them
// undecided; root's keys, and gaps about anything else, stay with the
// credential_report area.
func TestAccessKeyArea(t *testing.T) {
	for _, c := range []struct {
		rule, subject string
		keys          bool
	}{
		{"IG203", "bob", true},
		{"IG204", "bob/access_key_2", true},
		{rules.CheckIncomplete.ID, "bob/access_key_1", true},
		{rules.CheckIncomplete.ID, rules.RootUserName + "/access_key_1", false},
		{rules.CheckIncomplete.ID, "bob", false},
		{rules.CheckIncomplete.ID, rules.RootUserName, false},
		{"IG803", rules.RootUserName, false},
		{"IG802", "bob/access_key_1", false},
	} {
		f := findingModel{RuleID: types.StringValue(c.rule), Subject: types.StringValue(c.subject)}
		if got := isAccessKeyFinding(f); got != c.keys {
			t.Errorf("%s on %s: in access_keys %v, want %v", c.rule, c.subject, got, c.keys)
		}
	}
}

// TestUserAfterReport (round 179): IAM hands back a report up to four hours
// old, so a user made since, with a console password and no MFA and two
// active keys, is not in it. iamguard_account_compliance lists users by
// name: such a user is an IG806 in the credential report area (its
// password, subject the user) and in the access keys area (its keys).
// iamguard_credential_report, in a fixed number of calls, counts them with
// the account summary: the same two for the account. Never compliant.
func TestUserAfterReport(t *testing.T) {
	late := consoleUser("late", testNow.Add(-time.Hour), time.Time{}, false)
	late.AccessKeys = []iamtest.AccessKey{{ID: "AKIALATE000000000001", Created: testNow.Add(-50 * time.Minute)},
		{ID: "AKIALATE000000000002", Created: testNow.Add(-40 * time.Minute)}}
	acct := compliantAccount(t)
	acct.Users = append(acct.Users, late)
	acct.CredentialReportGenerated = testNow.Add(-2 * time.Hour)
	acct.EditCredentialReport = func(rows [][]string) [][]string {
		return slices.DeleteFunc(rows, func(r []string) bool { return r[0] == "late" })
	}
	const why = "not in the credential report generated 2026-06-01T10:00:00Z: made or renamed since"
	compliant := allAreas(true)
	compliant["credential_report"], compliant["access_keys"] = false, false
	srv := iamtest.New(t, acct)
	run(t, resource.TestStep{
		Config: cloudTrailProviderWith(srv, `  compliant_at = "critical"`) + `
data "iamguard_account_compliance" "test" {}
data "iamguard_credential_report" "test" {}
`,
		Check: resource.ComposeAggregateTestCheckFunc(append(areaChecks(nil, compliant),
			resource.TestCheckResourceAttr(acAddr, "compliant", "false"),
			resource.TestCheckTypeSetElemNestedAttrs(acAddr, "findings.*", map[string]string{"area": "credential_report", "rule_id": "IG806", "subject": "late",
				"message": `user "late"'s console password and MFA could not be read (` + why + "); " + rules.Names(rules.ConsoleUserNoMFA, rules.CredentialUnused) + " not judged"}),
			resource.TestCheckTypeSetElemNestedAttrs(acAddr, "findings.*", map[string]string{"area": "access_keys", "rule_id": "IG806", "subject": "late/access_keys",
				"message": `user "late"'s access keys could not be read (` + why + "); " +
					rules.Names(rules.AccessKeyMultipleActive, rules.AccessKeyNotRotated, rules.CredentialUnused) + " not judged"}),
			resource.TestCheckResourceAttr(crAddr, "compliant", "false"),
			resource.TestCheckResourceAttr(crAddr, "findings.#", "2"),
			resource.TestCheckResourceAttr(crAddr, "findings.0.subject", "account"),
			resource.TestCheckResourceAttr(crAddr, "findings.0.message", "the console passwords and MFA of users made since the credential report could not be read "+
				"(the account summary counts 3 users, the credential report generated 2026-06-01T10:00:00Z lists 2); "+
				rules.Names(rules.ConsoleUserNoMFA, rules.CredentialUnused)+" not judged"),
			resource.TestCheckResourceAttr(crAddr, "findings.1.subject", "account/access_keys"),
		)...),
	})
}

// TestAccountComplianceUsersUnlisted (round 181): a ListUsers that fails,
// refused or not, leaves the users made since the report untold, two IG806
// findings for the account, one per area; the report is still judged (a
// root access key stays IG803, critical).
func TestAccountComplianceUsersUnlisted(t *testing.T) {
	for _, fail := range []iamtest.Fault{iamtest.AccessDenied, iamtest.InternalError} {
		acct := compliantAccount(t)
		acct.Root.AccessKeys = []iamtest.AccessKey{{ID: "AKIAROOT00000000001", Created: daysAgo(10)}}
		srv := iamtest.New(t, acct)
		srv.Fail("ListUsers", fail, -1)
		run(t, resource.TestStep{
			Config: cloudTrailProviderWith(srv, "") + `
data "iamguard_account_compliance" "test" {}
`,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(acAddr, "counts.critical", "1"),
				resource.TestCheckTypeSetElemNestedAttrs(acAddr, "findings.*", map[string]string{"area": "credential_report", "rule_id": "IG803"}),
				resource.TestCheckTypeSetElemNestedAttrs(acAddr, "findings.*", map[string]string{"area": "credential_report", "rule_id": "IG806", "subject": "account"}),
				resource.TestCheckTypeSetElemNestedAttrs(acAddr, "findings.*", map[string]string{"area": "access_keys", "rule_id": "IG806", "subject": "account/access_keys"}),
				resource.TestCheckResourceAttr(acAddr, "areas.1.read", "true"),
				resource.TestCheckResourceAttr(acAddr, "areas.2.compliant", "false"),
			),
		})
	}
}

// TestAccountComplianceStaleReport (round 181): a report IAM could not
// refresh misses keys made or switched on since: its IG805 is the access
// keys area's too, never compliant whatever compliant_at says.
func TestAccountComplianceStaleReport(t *testing.T) {
	acct := compliantAccount(t)
	acct.CredentialReportGenerated = testNow.Add(-30 * time.Hour)
	srv := iamtest.New(t, acct)
	srv.Fail("GenerateCredentialReport", iamtest.AccessDenied, -1)
	compliant := allAreas(true)
	compliant["credential_report"], compliant["access_keys"] = false, false
	run(t, resource.TestStep{
		Config: cloudTrailProviderWith(srv, `  compliant_at = "critical"`) + `
data "iamguard_account_compliance" "test" {}
`,
		Check: resource.ComposeAggregateTestCheckFunc(append(areaChecks(nil, compliant),
			resource.TestCheckTypeSetElemNestedAttrs(acAddr, "findings.*", map[string]string{"area": "access_keys", "rule_id": "IG805"}),
		)...),
	})
}
