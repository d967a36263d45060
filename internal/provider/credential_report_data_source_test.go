package provider

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
)

const crAddr = "data.iamguard_credential_report.test"

func consoleUser(name string, created, lastUsed time.Time, mfa bool) iamtest.User {
	u := iamtest.User{Name: name, Created: created, PasswordLastUsed: lastUsed, LoginProfile: &iamtest.LoginProfile{}}
	if mfa {
		u.MFADevices = []iamtest.MFADevice{{Enabled: created}}
	}
	return u
}

func TestCredentialReportCompliant(t *testing.T) {
	alice := consoleUser("alice", daysAgo(300), daysAgo(2), true)
	alice.AccessKeys = []iamtest.AccessKey{{ID: "AKIAALICE0000000001", Created: daysAgo(10), LastUsed: daysAgo(1),
		LastUsedService: "iam", LastUsedRegion: "us-east-1"}}
	srv := iamtest.New(t, &iamtest.Account{
		Now:  testNow,
		Root: iamtest.Root{Created: daysAgo(1000), MFAEnabled: true},
		Users: []iamtest.User{alice,
			{Name: "ci", Created: daysAgo(5)}}, // no credentials at all
		CredentialReportDelay: 2, // STARTED, INPROGRESS, then COMPLETE
	})
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `data "iamguard_credential_report" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(crAddr, "generated_time", "2026-06-01T12:00:00Z"),
			resource.TestCheckResourceAttr(crAddr, "age_seconds", "0"),
			resource.TestCheckResourceAttr(crAddr, "generated_on_request", "true"),
			resource.TestCheckResourceAttr(crAddr, "users.#", "3"),
			resource.TestCheckResourceAttr(crAddr, "users.0.user", "<root_account>"),
			resource.TestCheckResourceAttr(crAddr, "users.0.root", "true"),
			resource.TestCheckResourceAttr(crAddr, "users.0.mfa_active", "true"),
			resource.TestCheckResourceAttr(crAddr, "users.1.user", "alice"),
			resource.TestCheckResourceAttr(crAddr, "users.1.arn", "arn:aws:iam::123456789012:user/alice"),
			resource.TestCheckResourceAttr(crAddr, "users.1.password_enabled", "true"),
			resource.TestCheckResourceAttr(crAddr, "users.1.password_last_used", "2026-05-30T12:00:00Z"),
			resource.TestCheckResourceAttr(crAddr, "users.1.access_key_1_active", "true"),
			resource.TestCheckResourceAttr(crAddr, "users.1.access_key_1_last_used_service", "iam"),
			resource.TestCheckResourceAttr(crAddr, "users.1.access_key_2_active", "false"),
			resource.TestCheckNoResourceAttr(crAddr, "users.1.access_key_2_last_rotated"),
			resource.TestCheckResourceAttr(crAddr, "users.2.password_enabled", "false"),
			resource.TestCheckResourceAttr(crAddr, "compliant", "true"),
			resource.TestCheckResourceAttr(crAddr, "findings.#", "0"),
		),
	})
	gen, get := srv.Operations("GenerateCredentialReport"), srv.Operations("GetCredentialReport")
	if get == 0 || gen != get+2 {
		t.Errorf("GenerateCredentialReport = %d, GetCredentialReport = %d calls; want 2 polls before the first fetch, then one of each per read", gen, get)
	}
}

func TestCredentialReportNonCompliant(t *testing.T) {
	keys2 := consoleUser("keys2", daysAgo(20), daysAgo(1), true)
	keys2.AccessKeys = []iamtest.AccessKey{
		{ID: "AKIAKEYS20000000001", Created: daysAgo(10), LastUsed: daysAgo(1)},
		{ID: "AKIAKEYS20000000002", Created: daysAgo(10), LastUsed: daysAgo(1)},
	}
	srv := iamtest.New(t, &iamtest.Account{
		Now:  testNow,
		Root: iamtest.Root{Created: daysAgo(1000), HasAccessKeys: true},
		Users: []iamtest.User{
			consoleUser("nomfa", daysAgo(100), daysAgo(1), false),
			consoleUser("ghost", daysAgo(100), time.Time{}, true), // password never used
			keys2,
		},
	})
	srv.SetReportTime(testNow.Add(-3 * time.Hour)) // three hours old: within the baseline's four
	type f struct{ id, subject, msg string }
	want := []f{
		{"IG803", "<root_account>", "the root user has 1 active access key(s): access_key_1"},
		{"IG804", "<root_account>", "the root user has no MFA device and has active access key(s) access_key_1"},
		{"IG801", "nomfa", `user "nomfa" has a console password and no MFA device`},
		{"IG802", "ghost", "console password has never been used in the 100 days since it was issued; the baseline allows 45 days unused"},
		{"IG203", "keys2", `user "keys2" has 2 active access keys: access_key_1, access_key_2`},
	}
	checks := []resource.TestCheckFunc{
		resource.TestCheckResourceAttr(crAddr, "age_seconds", "10800"),
		resource.TestCheckResourceAttr(crAddr, "compliant", "false"),
		resource.TestCheckResourceAttr(crAddr, "findings.#", fmt.Sprint(len(want))),
	}
	for i, w := range want {
		checks = append(checks,
			resource.TestCheckResourceAttr(crAddr, fmt.Sprintf("findings.%d.rule_id", i), w.id),
			resource.TestCheckResourceAttr(crAddr, fmt.Sprintf("findings.%d.subject", i), w.subject),
			resource.TestCheckResourceAttr(crAddr, fmt.Sprintf("findings.%d.message", i), w.msg))
	}
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `data "iamguard_credential_report" "test" {}`,
		Check:  resource.ComposeAggregateTestCheckFunc(checks...),
	})
}

// TestCredentialReportPaginated: small pages change nothing, since the
// report is one document whatever the number of users.
func TestCredentialReportPaginated(t *testing.T) {
	acct := &iamtest.Account{Now: testNow, Root: iamtest.Root{MFAEnabled: true}}
	for i := range 50 {
		acct.Users = append(acct.Users, iamtest.User{Name: fmt.Sprintf("user%02d", i), Created: daysAgo(1)})
	}
	srv := iamtest.New(t, acct)
	srv.SetPageSize(1)
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `data "iamguard_credential_report" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(crAddr, "users.#", "51"),
			resource.TestCheckResourceAttr(crAddr, "users.50.user", "user49"),
			resource.TestCheckResourceAttr(crAddr, "compliant", "true"),
		),
	})
	gen, get, sum, who := srv.Operations("GenerateCredentialReport"), srv.Operations("GetCredentialReport"), srv.Operations("GetAccountSummary"), srv.Operations("GetCallerIdentity")
	if total := srv.Operations(""); gen != get || sum != get || total != gen+get+sum+who {
		t.Errorf("calls: %d Generate, %d Get, %d GetAccountSummary, %d GetCallerIdentity, %d in all; "+
			"want one Generate, one Get and one GetAccountSummary per read, one GetCallerIdentity per configure, nothing else", gen, get, sum, who, total)
	}
}

func TestCredentialReportDenied(t *testing.T) {
	for _, action := range []string{"GenerateCredentialReport", "GetCredentialReport"} {
		t.Run(action, func(t *testing.T) {
			srv := iamtest.New(t, &iamtest.Account{Now: testNow})
			srv.Fail(action, iamtest.AccessDenied, -1)
			run(t, resource.TestStep{
				Config:      providerBlock(srv, "") + `data "iamguard_credential_report" "test" {}`,
				ExpectError: regexp.MustCompile(`(?s)Cannot read the credential report.*permission\s+iam:` + action),
			})
		})
	}
}
