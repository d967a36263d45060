package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
)

const akAddr = "data.iamguard_access_keys.test"

func TestAccessKeysCompliant(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Users: []iamtest.User{
		{Name: "alice", AccessKeys: []iamtest.AccessKey{{ID: "AKIAALICE0000000001", Created: daysAgo(10),
			LastUsed: daysAgo(1), LastUsedService: "s3", LastUsedRegion: "eu-west-1"}}},
		{Name: "bob"},
		{Name: "carol", AccessKeys: []iamtest.AccessKey{{ID: "AKIACAROL0000000001", Status: "Inactive", Created: daysAgo(400)}}},
	}})
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `data "iamguard_access_keys" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(akAddr, "access_keys.#", "2"),
			resource.TestCheckResourceAttr(akAddr, "access_keys.0.user_name", "alice"),
			resource.TestCheckResourceAttr(akAddr, "access_keys.0.access_key_id", "AKIAALICE0000000001"),
			resource.TestCheckResourceAttr(akAddr, "access_keys.0.status", "Active"),
			resource.TestCheckResourceAttr(akAddr, "access_keys.0.create_date", "2026-05-22T12:00:00Z"),
			resource.TestCheckResourceAttr(akAddr, "access_keys.0.age_days", "10"),
			resource.TestCheckResourceAttr(akAddr, "access_keys.0.last_used_date", "2026-05-31T12:00:00Z"),
			resource.TestCheckResourceAttr(akAddr, "access_keys.0.last_used_service", "s3"),
			resource.TestCheckResourceAttr(akAddr, "access_keys.0.last_used_region", "eu-west-1"),
			resource.TestCheckResourceAttr(akAddr, "access_keys.1.status", "Inactive"),
			resource.TestCheckNoResourceAttr(akAddr, "access_keys.1.last_used_date"),
			resource.TestCheckNoResourceAttr(akAddr, "access_keys.1.last_used_service"),
			resource.TestCheckResourceAttr(akAddr, "compliant", "true"),
			resource.TestCheckResourceAttr(akAddr, "findings.#", "0"),
		),
	})
}

func TestAccessKeysNonCompliant(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Users: []iamtest.User{
		{Name: "deploy", AccessKeys: []iamtest.AccessKey{
			{ID: "AKIADEPLOY000000001", Created: daysAgo(200)}, // old and never used
			{ID: "AKIADEPLOY000000002", Created: daysAgo(5), LastUsed: daysAgo(1)},
		}},
		{Name: "legacy", AccessKeys: []iamtest.AccessKey{{ID: "AKIALEGACY000000001", Created: daysAgo(30), LastUsed: daysAgo(60)}}},
	}})
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `data "iamguard_access_keys" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(akAddr, "compliant", "false"),
			resource.TestCheckResourceAttr(akAddr, "findings.#", "4"),
			resource.TestCheckResourceAttr(akAddr, "findings.0.rule_id", "IG204"),
			resource.TestCheckResourceAttr(akAddr, "findings.0.subject", "AKIADEPLOY000000001"),
			resource.TestCheckResourceAttr(akAddr, "findings.0.message", "access key is 200 days old; the baseline requires rotation every 90 days"),
			resource.TestCheckResourceAttr(akAddr, "findings.1.rule_id", "IG802"),
			resource.TestCheckResourceAttr(akAddr, "findings.1.message",
				"access key AKIADEPLOY000000001 has never been used in the 200 days since it was issued; the baseline allows 45 days unused"),
			resource.TestCheckResourceAttr(akAddr, "findings.2.rule_id", "IG802"),
			resource.TestCheckResourceAttr(akAddr, "findings.2.subject", "AKIALEGACY000000001"),
			resource.TestCheckResourceAttr(akAddr, "findings.3.rule_id", "IG203"),
			resource.TestCheckResourceAttr(akAddr, "findings.3.subject", "deploy"),
			resource.TestCheckResourceAttr(akAddr, "findings.3.message",
				`user "deploy" has 2 active access keys: AKIADEPLOY000000001, AKIADEPLOY000000002`),
		),
	})
}

// TestAccessKeysPaginated lists with one item per page, so every listing
// needs several calls.
func TestAccessKeysPaginated(t *testing.T) {
	acct := &iamtest.Account{Now: testNow}
	for i := range 5 {
		u := iamtest.User{Name: fmt.Sprintf("user%d", i)}
		for j := range 2 {
			u.AccessKeys = append(u.AccessKeys, iamtest.AccessKey{ID: fmt.Sprintf("AKIAUSER%d0000000%d", i, j),
				Status: map[int]string{0: "Active", 1: "Inactive"}[j], Created: daysAgo(3), LastUsed: daysAgo(1)})
		}
		acct.Users = append(acct.Users, u)
	}
	srv := iamtest.New(t, acct)
	srv.SetPageSize(1)
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `data "iamguard_access_keys" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(akAddr, "access_keys.#", "10"),
			resource.TestCheckResourceAttr(akAddr, "access_keys.9.access_key_id", "AKIAUSER400000001"),
			resource.TestCheckResourceAttr(akAddr, "compliant", "true"),
		),
	})
	// A plan and a refresh each read once: at least 5 pages of users and
	// 2 pages of keys per user per read.
	if n := srv.Operations("ListUsers"); n < 5 || n%5 != 0 {
		t.Errorf("ListUsers calls = %d, want a multiple of 5 pages", n)
	}
	if n, reads := srv.Operations("ListAccessKeys"), srv.Operations("ListUsers")/5; n != 10*reads {
		t.Errorf("ListAccessKeys calls = %d, want %d (2 pages x 5 users x %d reads)", n, 10*reads, reads)
	}
}

func TestAccessKeysUserFilter(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Users: []iamtest.User{
		{Name: "alice", AccessKeys: []iamtest.AccessKey{{ID: "AKIAALICE0000000001", Created: daysAgo(1), LastUsed: daysAgo(1)}}},
		{Name: "bob", AccessKeys: []iamtest.AccessKey{{ID: "AKIABOB000000000001", Created: daysAgo(300)}}},
	}})
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `data "iamguard_access_keys" "test" { user_name = "alice" }`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(akAddr, "access_keys.#", "1"),
			resource.TestCheckResourceAttr(akAddr, "access_keys.0.user_name", "alice"),
			resource.TestCheckResourceAttr(akAddr, "compliant", "true"),
		),
	})
	if n := srv.Calls("ListUsers"); n != 0 {
		t.Errorf("ListUsers calls = %d, want 0 with user_name set", n)
	}
}

func TestAccessKeysDenied(t *testing.T) {
	for name, fail := range map[string]func(*iamtest.Server){
		"AccessDenied":        func(s *iamtest.Server) { s.Fail("ListUsers", iamtest.AccessDenied, -1) },
		"403 UnknownError":    func(s *iamtest.Server) { s.FailHTTP("ListUsers", 403, "", -1) },
		"403 unmodelled code": func(s *iamtest.Server) { s.FailHTTP("ListUsers", 403, "ExplicitDenyBySCP", -1) },
	} {
		t.Run(name, func(t *testing.T) {
			srv := iamtest.New(t, &iamtest.Account{Now: testNow, Users: []iamtest.User{{Name: "alice"}}})
			fail(srv)
			run(t, resource.TestStep{
				Config:      providerBlock(srv, "") + `data "iamguard_access_keys" "test" {}`,
				ExpectError: regexp.MustCompile(`(?s)Cannot read access keys.*AccessDenied.*permission\s+iam:ListUsers`),
			})
		})
	}
}

// TestAccessKeysPaginationGuard: a listing that repeats its marker, or
// starts over under new markers, fails with a diagnostic instead of
// looping or passing.
func TestAccessKeysPaginationGuard(t *testing.T) {
	acct := &iamtest.Account{Now: testNow}
	for i := range 5 {
		acct.Users = append(acct.Users, iamtest.User{Name: fmt.Sprintf("u%d", i)})
	}
	for fault, want := range map[iamtest.PageFault]string{
		iamtest.RepeatMarker:  `with\s+a\s+Marker\s+it\s+had\s+already\s+given`,
		iamtest.RestartMarker: `on\s+a\s+page\s+of\s+items\s+it\s+had\s+already\s+given`,
	} {
		t.Run(fmt.Sprintf("fault %d", fault), func(t *testing.T) {
			srv := iamtest.New(t, acct)
			srv.SetPageSize(2)
			srv.SetPageFault("ListUsers", fault)
			run(t, resource.TestStep{
				Config:      providerBlock(srv, "") + `data "iamguard_access_keys" "test" {}`,
				ExpectError: regexp.MustCompile(`(?s)Cannot read access keys.*ListUsers: IAM answered\s+IsTruncated=true\s+` + want),
			})
		})
	}
}

// TestAccessKeysUnreadable: an active key ListAccessKeys gives no
// CreateDate for, and a key whose Status is none IAM sends ("active"), are
// not passed: each is an IG806 finding, and compliant is false.
func TestAccessKeysUnreadable(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Users: []iamtest.User{
		{Name: "deploy", AccessKeys: []iamtest.AccessKey{{ID: "AKIADEPLOY000000001", Created: daysAgo(400)}}},
		{Name: "odd", AccessKeys: []iamtest.AccessKey{{ID: "AKIAODD000000000001", Status: "active", Created: daysAgo(400)}}},
	}})
	srv.DropKeyDates(true)
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `data "iamguard_access_keys" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckNoResourceAttr(akAddr, "access_keys.0.create_date"),
			resource.TestCheckNoResourceAttr(akAddr, "access_keys.0.age_days"),
			resource.TestCheckResourceAttr(akAddr, "access_keys.1.status", "active"),
			resource.TestCheckResourceAttr(akAddr, "compliant", "false"),
			resource.TestCheckResourceAttr(akAddr, "findings.#", "2"),
			resource.TestCheckResourceAttr(akAddr, "findings.0.rule_id", "IG806"),
			resource.TestCheckResourceAttr(akAddr, "findings.0.subject", "AKIADEPLOY000000001"),
			resource.TestCheckResourceAttr(akAddr, "findings.0.message", "access key AKIADEPLOY000000001 has no creation date, so its age is not known; "+
				"IG204 (access-key-not-rotated), IG802 (credential-unused) not judged"),
			resource.TestCheckResourceAttr(akAddr, "findings.1.rule_id", "IG806"),
			resource.TestCheckResourceAttr(akAddr, "findings.1.subject", "AKIAODD000000000001"),
			resource.TestCheckResourceAttr(akAddr, "findings.1.message", "access key AKIAODD000000000001 has a status other than Active, Inactive or Expired, "+
				"so whether it is active is not known; IG204 (access-key-not-rotated), IG802 (credential-unused) not judged"),
		),
	})
}

// TestAccessKeysLastUsedDenied: without iam:GetAccessKeyLastUsed the keys
// are still listed and judged for age, and a finding says what was not read.
func TestAccessKeysLastUsedDenied(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Users: []iamtest.User{
		{Name: "alice", AccessKeys: []iamtest.AccessKey{{ID: "AKIAALICE0000000001", Created: daysAgo(10), LastUsed: daysAgo(1)}}},
		{Name: "bob", AccessKeys: []iamtest.AccessKey{{ID: "AKIABOB000000000001", Created: daysAgo(100), LastUsed: daysAgo(1)}}},
	}})
	srv.Fail("GetAccessKeyLastUsed", iamtest.AccessDenied, -1)
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `data "iamguard_access_keys" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(akAddr, "access_keys.#", "2"),
			resource.TestCheckNoResourceAttr(akAddr, "access_keys.0.last_used_date"),
			resource.TestCheckResourceAttr(akAddr, "compliant", "false"),
			resource.TestCheckResourceAttr(akAddr, "findings.#", "2"),
			resource.TestCheckResourceAttr(akAddr, "findings.0.rule_id", "IG204"),
			resource.TestCheckResourceAttr(akAddr, "findings.1.rule_id", "IG806"),
			resource.TestCheckResourceAttr(akAddr, "findings.1.subject", "account"),
			resource.TestMatchResourceAttr(akAddr, "findings.1.message",
				regexp.MustCompile(`^the last use of 2 access key\(s\) could not be read \(GetAccessKeyLastUsed was denied: grant iam:GetAccessKeyLastUsed\); IG802 \(credential-unused\) not judged$`)),
		),
	})
}

// TestAccessKeysLastUsedGone: a key GetAccessKeyLastUsed finds gone since
// ListAccessKeys listed it stays listed and judged, its last use unknown
// (round 161: it was dropped, and a user's second active key passed).
func TestAccessKeysLastUsedGone(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Users: []iamtest.User{
		{Name: "deploy", AccessKeys: []iamtest.AccessKey{
			{ID: "AKIADEPLOY000000001", Created: daysAgo(20), LastUsed: daysAgo(1)},
			{ID: "AKIADEPLOY000000002", Created: testNow},
		}},
	}})
	srv.FailItem("GetAccessKeyLastUsed", "AccessKeyId", "AKIADEPLOY000000002", iamtest.NoSuchEntity)
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `data "iamguard_access_keys" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(akAddr, "access_keys.#", "2"),
			resource.TestCheckResourceAttr(akAddr, "access_keys.0.last_used_date", "2026-05-31T12:00:00Z"),
			resource.TestCheckNoResourceAttr(akAddr, "access_keys.1.last_used_date"),
			resource.TestCheckResourceAttr(akAddr, "compliant", "false"),
			resource.TestCheckResourceAttr(akAddr, "findings.#", "2"),
			resource.TestCheckResourceAttr(akAddr, "findings.0.rule_id", "IG203"),
			resource.TestCheckResourceAttr(akAddr, "findings.1.rule_id", "IG806"),
			resource.TestMatchResourceAttr(akAddr, "findings.1.message",
				regexp.MustCompile(`^the last use of 1 access key\(s\) could not be read \(GetAccessKeyLastUsed found it gone since it was listed \(NoSuchEntity\): deleted, or renamed\); IG802 \(credential-unused\) not judged$`)),
		),
	})
}

// TestAccessKeysUserDenied: one user's keys refused leaves the rest judged
// and an IG806 naming that user; compliant is false.
func TestAccessKeysUserDenied(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Users: []iamtest.User{
		{Name: "alice", AccessKeys: []iamtest.AccessKey{{ID: "AKIAALICE0000000001", Created: daysAgo(100), LastUsed: daysAgo(1)}}},
		{Name: "bob", AccessKeys: []iamtest.AccessKey{{ID: "AKIABOB000000000001", Created: daysAgo(1), LastUsed: daysAgo(1)}}},
	}})
	srv.FailItem("ListAccessKeys", "UserName", "bob", iamtest.AccessDenied)
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `data "iamguard_access_keys" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(akAddr, "access_keys.#", "1"),
			resource.TestCheckResourceAttr(akAddr, "compliant", "false"),
			resource.TestCheckResourceAttr(akAddr, "findings.#", "2"),
			resource.TestCheckResourceAttr(akAddr, "findings.0.rule_id", "IG204"),
			resource.TestCheckResourceAttr(akAddr, "findings.1.rule_id", "IG806"),
			resource.TestCheckResourceAttr(akAddr, "findings.1.subject", "bob"),
			resource.TestMatchResourceAttr(akAddr, "findings.1.message", regexp.MustCompile(
				`^the access keys of user "bob" could not be read \(ListAccessKeys was denied: grant iam:ListAccessKeys\); IG203 \(access-key-multiple-active\), IG204 \(access-key-not-rotated\), IG802 \(credential-unused\) not judged$`)),
		),
	})
}
