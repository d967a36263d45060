package rules

import (
	"slices"
	"strings"
	"testing"
	"time"
)

var (
	yes     = Known(true)
	no      = Known(false)
	unknown = UnknownValue[bool]()
)

func TestEvaluateCredentialUser(t *testing.T) {
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	ago := func(d int) time.Time { return now.AddDate(0, 0, -d) }
	b := DefaultBaseline()
	for _, c := range []struct {
		name string
		u    CredentialUser
		want []want
	}{
		{"clean console user", CredentialUser{Name: "a", Created: ago(400), PasswordEnabled: yes, PasswordLastUsed: ago(1), MFAActive: yes}, nil},
		{"no credentials, old user", CredentialUser{Name: "a", Created: ago(400)}, nil},
		{"console user without MFA", CredentialUser{Name: "a", Created: ago(10), PasswordEnabled: yes, PasswordLastUsed: ago(1)},
			[]want{{"IG801", High, "mfa_active", `user "a" has a console password and no MFA device`}}},
		{"password unused 45 days", CredentialUser{Name: "a", Created: ago(400), PasswordEnabled: yes, PasswordLastUsed: ago(45), MFAActive: yes},
			[]want{{"IG802", Medium, "last_used", "console password was last used 45 days ago; the baseline allows 45 days unused"}}},
		{"password unused 44 days", CredentialUser{Name: "a", Created: ago(400), PasswordEnabled: yes, PasswordLastUsed: ago(44), MFAActive: yes}, nil},
		{"never-used password judged by last change", CredentialUser{Name: "a", Created: ago(400), PasswordEnabled: yes, PasswordLastChanged: ago(50), MFAActive: yes},
			[]want{{"IG802", Medium, "last_used", "console password has never been used in the 50 days since it was issued; the baseline allows 45 days unused"}}},
		{"never-used new password", CredentialUser{Name: "a", Created: ago(10), PasswordEnabled: yes, MFAActive: yes}, nil},
		{"never-used password issued 45 days ago", CredentialUser{Name: "a", Created: ago(400), PasswordEnabled: yes, PasswordLastChanged: ago(45), MFAActive: yes},
			[]want{{"IG802", Medium, "last_used", "console password has never been used in the 45 days since it was issued; the baseline allows 45 days unused"}}},
		{"old, unused and doubled keys", CredentialUser{Name: "a", Created: ago(400), Keys: []AccessKey{
			{Name: "k1", Active: true, Created: ago(100), UsageKnown: true},
			{Name: "k2", Active: true, Created: ago(5), LastUsed: ago(1), UsageKnown: true},
			{Name: "k3", Active: false, Created: ago(900), UsageKnown: true},
		}}, []want{
			{"IG204", Medium, "create_date", "access key is 100 days old; the baseline requires rotation every 90 days"},
			{"IG802", Medium, "last_used", "access key k1 has never been used in the 100 days since it was issued; the baseline allows 45 days unused"},
			{"IG203", Medium, "status", `user "a" has 2 active access keys: k1, k2`},
		}},
		// Values the report leaves out are unknown, never a pass and never "106751 days old".
		{"password_enabled not reported", CredentialUser{Name: "a", Created: ago(10), PasswordEnabled: unknown},
			[]want{{"IG806", Medium, "password_enabled", "the credential report gives no value for password_enabled; IG801 (console-user-no-mfa), IG802 (credential-unused) not judged"}}},
		{"mfa_active not reported", CredentialUser{Name: "a", Created: ago(10), PasswordEnabled: yes, PasswordLastUsed: ago(1), MFAActive: unknown},
			[]want{{"IG806", Medium, "mfa_active", "the credential report gives no value for mfa_active; IG801 (console-user-no-mfa) not judged"}}},
		{"password dates not reported", CredentialUser{Name: "a", PasswordEnabled: yes, MFAActive: yes},
			[]want{{"IG806", Medium, "password_last_changed", "the credential report gives no value for password_last_changed; IG802 (credential-unused) not judged"}}},
		{"active key without rotation date", CredentialUser{Name: "a", Created: ago(400), Keys: []AccessKey{
			{Name: "access_key_1", Active: true, UsageKnown: true},
			{Name: "access_key_2", Active: true, LastUsed: ago(1), UsageKnown: true},
		}}, []want{
			{"IG806", Medium, "access_key_1_last_rotated", "the credential report gives no value for access_key_1_last_rotated; IG204 (access-key-not-rotated), IG802 (credential-unused) not judged"},
			{"IG806", Medium, "access_key_2_last_rotated", "the credential report gives no value for access_key_2_last_rotated; IG204 (access-key-not-rotated) not judged"},
			{"IG203", Medium, "status", `user "a" has 2 active access keys: access_key_1, access_key_2`},
		}},
		{"inactive key without rotation date", CredentialUser{Name: "a", Created: ago(400), Keys: []AccessKey{{Name: "access_key_1", UsageKnown: true}}}, nil},
		// Dates after IAM's clock cannot be right: a key or password that
		// would otherwise be judged old or unused is not judged, and says
		// so (round 286: compliant).
		{"key used after IAM's clock", CredentialUser{Name: "a", Created: ago(400), Keys: []AccessKey{
			{Name: "k1", Live: true, Active: true, Created: ago(100), LastUsed: ago(-100), UsageKnown: true},
		}}, []want{
			{"IG806", Medium, "last_used", "access key k1 has a last use more than a day after IAM's clock, which cannot be right; IG802 (credential-unused) not judged"},
			{"IG204", Medium, "create_date", "access key is 100 days old; the baseline requires rotation every 90 days"},
		}},
		{"key made after IAM's clock", CredentialUser{Name: "a", Created: ago(400), Keys: []AccessKey{
			{Name: "k1", Live: true, Active: true, Created: ago(-100)},
		}}, []want{
			{"IG806", Medium, "create_date", "access key k1 has a creation date more than a day after IAM's clock, which cannot be right; IG204 (access-key-not-rotated), IG802 (credential-unused) not judged"},
		}},
		{"key used within a day of IAM's clock", CredentialUser{Name: "a", Created: ago(400), Keys: []AccessKey{
			{Name: "k1", Live: true, Active: true, Created: ago(10), LastUsed: now.Add(23 * time.Hour), UsageKnown: true},
		}}, nil},
		{"password used after IAM's clock", CredentialUser{Name: "a", Created: ago(400), PasswordEnabled: yes, PasswordLastUsed: ago(-100), MFAActive: yes},
			[]want{{"IG806", Medium, "password_last_used", `user "a"'s console password has a last use or change more than a day after IAM's clock, which cannot be right; IG802 (credential-unused) not judged`}}},
		{"key status not reported", CredentialUser{Name: "a", Created: ago(400), KeysUnknown: []string{"access_key_2"}},
			[]want{{"IG806", Medium, "access_key_2_active", "the credential report gives no value for access_key_2_active; IG203 (access-key-multiple-active), IG204 (access-key-not-rotated), IG802 (credential-unused) not judged"}}},
	} {
		t.Run(c.name, func(t *testing.T) { assertFindings(t, EvaluateCredentialUser(c.u, now, b), c.want) })
	}
}

func TestEvaluateRoot(t *testing.T) {
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	ago := func(d int) time.Time { return now.AddDate(0, 0, -d) }
	b := DefaultBaseline()
	root := func(password, mfa Value[bool], keys ...AccessKey) CredentialUser {
		return CredentialUser{Name: "<root_account>", Root: true, Created: ago(1000), PasswordEnabled: password, MFAActive: mfa, Keys: keys,
			Certificates: []Value[bool]{no, no}}
	}
	noSummary := AccountSummary{}
	const noPassword = "neither the credential report (password_enabled) nor the account summary (AccountPasswordPresent) says whether the root user has a password; IG804 (root-no-mfa) not judged"
	for _, c := range []struct {
		name string
		u    CredentialUser
		s    AccountSummary
		want []want
	}{
		{"member account without root credentials", root(no, no), noSummary, nil},
		{"member account, summary agrees", root(no, no), AccountSummary{Known: true}, nil},
		{"password, no MFA", root(yes, no), noSummary,
			[]want{{"IG804", Critical, "mfa_active", "the root user has no MFA device and has a password"}}},
		{"password and MFA", root(yes, yes), noSummary, nil},
		{"key, no MFA", root(no, no, AccessKey{Name: "access_key_1", Active: true, Created: ago(900), UsageKnown: true}), noSummary, []want{
			{"IG803", Critical, "access_key", "the root user has 1 active access key(s): access_key_1"},
			{"IG804", Critical, "mfa_active", "the root user has no MFA device and has active access key(s) access_key_1"},
		}},
		{"inactive key only", root(no, no, AccessKey{Name: "access_key_1", Created: ago(900), UsageKnown: true}), noSummary, nil},
		{"active signing certificate", CredentialUser{Name: "<root_account>", Root: true, PasswordEnabled: no, MFAActive: no, Certificates: []Value[bool]{no, yes}}, noSummary,
			[]want{{"IG804", Critical, "mfa_active", "the root user has no MFA device and has active signing certificate(s) cert_2"}}},
		{"summary shows a key the report does not", root(no, no), AccountSummary{Known: true, AccessKeysPresent: true}, []want{
			{"IG803", Critical, "access_key", "the root user has an access key, active or not, that the account summary shows and the credential report, up to four hours old, does not list yet"},
			{"IG804", Critical, "mfa_active", "the root user has no MFA device and has an access key (the account summary shows one the report does not list)"}}},
		// A key deleted since the report: the summary, live, shows none.
		{"report's key deleted since", root(yes, yes, AccessKey{Name: "access_key_1", Active: true, Created: ago(900), UsageKnown: true}),
			AccountSummary{Known: true, MFAEnabled: true}, nil},
		// Its use, which the report records, happened all the same (round 108).
		{"report's key used, deleted since", root(yes, yes, AccessKey{Name: "access_key_1", Active: true, Created: ago(900), LastUsed: now.Add(-6 * time.Hour), UsageKnown: true}),
			AccountSummary{Known: true, MFAEnabled: true}, []want{
				{"IG807", High, "last_used", "the root user's access key access_key_1 was used 6 hour(s) ago, at 2026-06-01T06:00:00Z; the baseline allows no root use within 90 days"}}},
		{"report's certificate deleted since", func() CredentialUser { u := root(no, no); u.Certificates = []Value[bool]{yes, no}; return u }(),
			AccountSummary{Known: true}, nil},
		// A key made since the report, on a root user with MFA: IG803 still.
		{"summary shows a key the report does not, MFA on", root(yes, yes), AccountSummary{Known: true, MFAEnabled: true, AccessKeysPresent: true}, []want{
			{"IG803", Critical, "access_key", "the root user has an access key, active or not, that the account summary shows and the credential report, up to four hours old, does not list yet"}}},
		// The summary counts keys active or not: beside the report's
		// inactive key, it cannot tell one activated or added since
		// (round 130: a pass).
		{"summary counts the report's inactive key", root(no, no, AccessKey{Name: "access_key_1", Created: ago(900), UsageKnown: true}),
			AccountSummary{Known: true, AccessKeysPresent: true}, []want{{"IG806", Medium, "", "the credential report, up to four hours old, lists the root user's access keys as inactive, " +
				"and the account summary cannot tell whether one was activated or added since; IG803 (root-access-key), IG804 (root-no-mfa) not judged"}}},
		{"summary counts the report's inactive key, MFA on", root(no, yes, AccessKey{Name: "access_key_1", Created: ago(900), UsageKnown: true}),
			AccountSummary{Known: true, MFAEnabled: true, AccessKeysPresent: true}, []want{{"IG806", Medium, "", "the credential report, up to four hours old, lists the root user's access keys as inactive, " +
				"and the account summary cannot tell whether one was activated or added since; IG803 (root-access-key) not judged"}}},
		{"summary counts the report's inactive key, password without MFA", root(yes, no, AccessKey{Name: "access_key_1", Created: ago(900), UsageKnown: true}),
			AccountSummary{Known: true, AccessKeysPresent: true}, []want{
				{"IG806", Medium, "", "the credential report, up to four hours old, lists the root user's access keys as inactive, " +
					"and the account summary cannot tell whether one was activated or added since; IG803 (root-access-key) not judged"},
				{"IG804", Critical, "mfa_active", "the root user has no MFA device and has a password"}}},
		{"report's inactive key, no summary", root(no, no, AccessKey{Name: "access_key_1", Created: ago(900), UsageKnown: true}), noSummary, nil},
		{"summary shows a certificate the report does not", root(no, no), AccountSummary{Known: true, SigningCertificatesPresent: true},
			[]want{{"IG804", Critical, "mfa_active", "the root user has no MFA device and has a signing certificate (the account summary shows one the report does not list)"}}},
		{"summary counts the report's inactive certificate", func() CredentialUser { u := root(no, no); u.CertificatesListed = 1; return u }(),
			AccountSummary{Known: true, SigningCertificatesPresent: true}, []want{{"IG806", Medium, "", "the credential report, up to four hours old, lists the root user's signing certificates as inactive, " +
				"and the account summary cannot tell whether one was activated or added since; IG804 (root-no-mfa) not judged"}}},
		// With MFA, or a password that IG804 judges, a certificate changes nothing.
		{"summary counts the report's inactive certificate, MFA on", func() CredentialUser { u := root(no, yes); u.CertificatesListed = 1; return u }(),
			AccountSummary{Known: true, MFAEnabled: true, SigningCertificatesPresent: true}, nil},
		{"summary counts the report's inactive certificate, password", func() CredentialUser { u := root(yes, no); u.CertificatesListed = 1; return u }(),
			AccountSummary{Known: true, SigningCertificatesPresent: true},
			[]want{{"IG804", Critical, "mfa_active", "the root user has no MFA device and has a password"}}},
		{"summary: MFA enabled since the report", root(yes, no), AccountSummary{Known: true, MFAEnabled: true}, nil},
		{"summary: MFA removed since the report", root(yes, yes), AccountSummary{Known: true},
			[]want{{"IG804", Critical, "mfa_active", "the root user has no MFA device and has a password"}}},
		{"password not_supported, nothing else", root(unknown, no), noSummary, []want{{"IG806", Medium, "password_enabled", noPassword}}},
		{"password not_supported but MFA on", root(unknown, yes), noSummary, nil},
		// As AWS writes root's row: password_enabled not_supported. The
		// summary's AccountPasswordPresent tells (round 237: IG806, never
		// IG804, on every real account).
		{"not_supported, summary shows a password", root(unknown, no), AccountSummary{Known: true, PasswordShown: true, PasswordPresent: true},
			[]want{{"IG804", Critical, "mfa_active", "the root user has no MFA device and has a password"}}},
		{"not_supported, summary shows a password and MFA", root(unknown, no), AccountSummary{Known: true, MFAEnabled: true, PasswordShown: true, PasswordPresent: true}, nil},
		{"not_supported, summary shows no password", root(unknown, no), AccountSummary{Known: true, PasswordShown: true}, nil},
		{"not_supported, summary without AccountPasswordPresent", root(unknown, no), AccountSummary{Known: true},
			[]want{{"IG806", Medium, "password_enabled", noPassword}}},
		// The summary is live: a password removed since the report is gone.
		{"report's password removed since", root(yes, no), AccountSummary{Known: true, PasswordShown: true}, nil},
		// A certificate slot without a value may be active (round 117).
		{"cert_1_active not reported, nothing else", func() CredentialUser {
			u := root(no, no)
			u.Certificates, u.CertificatesListed = []Value[bool]{unknown, no}, 1
			return u
		}(),
			AccountSummary{Known: true, SigningCertificatesPresent: true},
			[]want{{"IG806", Medium, "cert_1_active", "the credential report gives no value for cert_1_active; IG804 (root-no-mfa) not judged"}}},
		// A password is enough for IG804: an unknown certificate slot changes nothing.
		{"cert_1_active not reported, password without MFA", func() CredentialUser { u := root(yes, no); u.Certificates = []Value[bool]{unknown, no}; return u }(), noSummary,
			[]want{{"IG804", Critical, "mfa_active", "the root user has no MFA device and has a password"}}},
		{"cert_1_active not reported, MFA on", func() CredentialUser { u := root(no, yes); u.Certificates = []Value[bool]{unknown, no}; return u }(), noSummary, nil},
		{"mfa_active not reported", root(yes, unknown), noSummary,
			[]want{{"IG806", Medium, "mfa_active", "the credential report gives no value for mfa_active; IG804 (root-no-mfa) not judged"}}},
		{"password used 3 days ago", func() CredentialUser { u := root(yes, yes); u.PasswordLastUsed = ago(3); return u }(), noSummary,
			[]want{{"IG807", High, "last_used", "the root user's password was used 3 days ago, at 2026-05-29T12:00:00Z; the baseline allows no root use within 90 days"}}},
		{"password used 90 days ago", func() CredentialUser { u := root(yes, yes); u.PasswordLastUsed = ago(90); return u }(), noSummary, nil},
		// A key whose last use is unknown is not judged used.
		{"key used an hour ago, usage not known", root(yes, yes, AccessKey{Name: "access_key_1", Created: ago(900), LastUsed: now.Add(-time.Hour)}), noSummary, nil},
		{"inactive key used an hour ago", root(yes, yes, AccessKey{Name: "access_key_2", Created: ago(900), LastUsed: now.Add(-90 * time.Minute), UsageKnown: true}), noSummary,
			[]want{{"IG807", High, "last_used", "the root user's access key access_key_2 was used 1 hour(s) ago, at 2026-06-01T10:30:00Z; the baseline allows no root use within 90 days"}}},
	} {
		t.Run(c.name, func(t *testing.T) { assertFindings(t, EvaluateRoot(c.u, c.s, now, b), c.want) })
	}
}

func TestEvaluateCredentialReportSubjects(t *testing.T) {
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	users := []CredentialUser{
		{Name: "<root_account>", Root: true, PasswordEnabled: yes, MFAActive: yes, PasswordLastUsed: now.AddDate(0, 0, -2),
			Keys: []AccessKey{{Name: "access_key_1", LastUsed: now.AddDate(0, 0, -1), UsageKnown: true}}},
		{Name: "bob", PasswordEnabled: yes, PasswordLastUsed: now, Keys: []AccessKey{{Name: "access_key_2", Active: true, Created: now.AddDate(-1, 0, 0), LastUsed: now, UsageKnown: true}}},
	}
	var subjects []string
	for _, f := range EvaluateCredentialReport(users, AccountSummary{}, now, DefaultBaseline()) {
		subjects = append(subjects, f.Rule.ID+" "+f.Subject)
	}
	want := []string{"IG807 <root_account>", "IG807 <root_account>/access_key_1", "IG801 bob", "IG204 bob/access_key_2"}
	if len(subjects) != len(want) {
		t.Fatalf("got %v, want %v", subjects, want)
	}
	for i := range want {
		if subjects[i] != want[i] {
			t.Errorf("got %v, want %v", subjects, want)
		}
	}
}

// TestEvaluateRootUnlisted: a report without the root user's row is never
// a pass for root: an IG806 finding, and what the account summary shows.
func TestEvaluateRootUnlisted(t *testing.T) {
	const noRow = "the credential report has no row for the root user (<root_account>); "
	why := " (the account summary shows one; the report has no row for root)"
	for _, c := range []struct {
		name string
		s    AccountSummary
		want []want
	}{
		{"no summary", AccountSummary{}, []want{{"IG806", Medium, "", noRow + "IG803 (root-access-key), IG804 (root-no-mfa), IG807 (root-used-recently) not judged"}}},
		{"key, no MFA", AccountSummary{Known: true, AccessKeysPresent: true}, []want{
			{"IG806", Medium, "", noRow + "IG803 (root-access-key), IG804 (root-no-mfa) judged from the account summary alone, IG807 (root-used-recently) not judged"},
			{"IG803", Critical, "access_key", "the root user has an access key, active or not" + why},
			{"IG804", Critical, "mfa_active", "the root user has no MFA device and has an access key" + why}}},
		{"certificate, no MFA", AccountSummary{Known: true, SigningCertificatesPresent: true}, []want{
			{"IG806", Medium, "", noRow + "IG803 (root-access-key), IG804 (root-no-mfa) judged from the account summary alone, IG807 (root-used-recently) not judged"},
			{"IG804", Critical, "mfa_active", "the root user has no MFA device and has a signing certificate" + why}}},
		{"MFA", AccountSummary{Known: true, MFAEnabled: true}, []want{
			{"IG806", Medium, "", noRow + "IG803 (root-access-key), IG804 (root-no-mfa) judged from the account summary alone, IG807 (root-used-recently) not judged"}}},
		{"nothing, no MFA, and no word of a password", AccountSummary{Known: true}, []want{
			{"IG806", Medium, "", noRow + "IG803 (root-access-key) judged from the account summary alone, IG804 (root-no-mfa), IG807 (root-used-recently) not judged"}}},
		{"a password, no MFA", AccountSummary{Known: true, PasswordShown: true, PasswordPresent: true}, []want{
			{"IG806", Medium, "", noRow + "IG803 (root-access-key), IG804 (root-no-mfa) judged from the account summary alone, IG807 (root-used-recently) not judged"},
			{"IG804", Critical, "mfa_active", "the root user has no MFA device and has a password"}}},
		{"no password, no MFA", AccountSummary{Known: true, PasswordShown: true}, []want{
			{"IG806", Medium, "", noRow + "IG803 (root-access-key), IG804 (root-no-mfa) judged from the account summary alone, IG807 (root-used-recently) not judged"}}},
	} {
		t.Run(c.name, func(t *testing.T) { assertFindings(t, EvaluateRootUnlisted(c.s), c.want) })
	}
	// EvaluateCredentialReport judges root so when no row is root's, first, under root's name.
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	fs := EvaluateCredentialReport([]CredentialUser{{Name: "bob", PasswordEnabled: no}}, AccountSummary{Known: true, AccessKeysPresent: true}, now, DefaultBaseline())
	if len(fs) != 3 || fs[0].Subject != RootUserName || fs[1].Rule != RootAccessKey || fs[2].Subject != RootUserName {
		t.Errorf("got %+v", fs)
	}
}

func TestCredentialReportAge(t *testing.T) {
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	b := DefaultBaseline()
	// IAM regenerates a report older than four hours on request, so one it
	// confirmed is at most a little older than that, when this clock reads it.
	if _, ok := CredentialReportAge(now.Add(-4*time.Hour-10*time.Minute), now, "", b); ok {
		t.Error("a report IAM confirmed on request four hours ago and some minutes is not stale")
	}
	f, ok := CredentialReportAge(now.Add(-400*time.Hour), now, "", b)
	assertFindings(t, []Finding{f}, []want{{"IG805", Low, "generated_time",
		"the credential report used was generated 400h0m0s ago, though IAM said on request that it was complete (IAM regenerates a report older than four hours); the baseline allows 4h0m0s"}})
	if !ok {
		t.Error("ok = false for a report served 400 hours old")
	}
	f, ok = CredentialReportAge(time.Time{}, now, "", b)
	assertFindings(t, []Finding{f}, []want{{"IG806", Medium, "generated_time",
		"the credential report gives no generation time, so its age is not known; IG805 (credential-report-stale) not judged"}})
	if !ok {
		t.Error("ok = false for a report without a generation time")
	}
	// Generated after IAM's clock: no age can be right (round 151: a
	// report three days old, dated 30 days ahead, passed).
	f, ok = CredentialReportAge(now.Add(30*24*time.Hour), now, "GenerateCredentialReport was throttled", b)
	assertFindings(t, []Finding{f}, []want{{"IG806", Medium, "generated_time",
		"the credential report gives a generation time 720h0m0s after IAM's clock, so its age is not known; IG805 (credential-report-stale) not judged"}})
	if !ok {
		t.Error("ok = false for a report generated in the future")
	}
	if _, ok := CredentialReportAge(now.Add(time.Minute), now, "", b); ok {
		t.Error("a report a minute ahead of the clock is within its slack")
	}
	if _, ok := CredentialReportAge(now.Add(-4*time.Hour), now, "GenerateCredentialReport was denied", b); ok {
		t.Error("a four-hour-old report is within the baseline")
	}
	f, ok = CredentialReportAge(now.Add(-26*time.Hour), now, "GenerateCredentialReport was denied: grant iam:GenerateCredentialReport", b)
	assertFindings(t, []Finding{f}, []want{{"IG805", Low, "generated_time",
		"the credential report used was generated 26h0m0s ago and no fresh one could be generated (GenerateCredentialReport was denied: grant iam:GenerateCredentialReport); the baseline allows 4h0m0s"}})
	if !ok {
		t.Error("ok = false")
	}
	b.CredentialReportMaxAgeHours = 48
	if _, ok := CredentialReportAge(now.Add(-26*time.Hour), now, "denied", b); ok {
		t.Error("a 26-hour-old report is within a 48-hour baseline")
	}
}

func TestIncomplete(t *testing.T) {
	assertFindings(t, []Finding{Incomplete("the last use of 3 access key(s)", "GetAccessKeyLastUsed was denied: grant iam:GetAccessKeyLastUsed", CredentialUnused)},
		[]want{{"IG806", Medium, "", "the last use of 3 access key(s) could not be read (GetAccessKeyLastUsed was denied: grant iam:GetAccessKeyLastUsed); IG802 (credential-unused) not judged"}})
	// Facts no rule judges (events of a name no rule guards) leave no rule unjudged to name.
	assertFindings(t, []Finding{Incomplete("the CreateUser events past the newest 50", "LookupEvents: CloudTrail answered a NextToken it had already given")},
		[]want{{"IG806", Medium, "", "the CreateUser events past the newest 50 could not be read (LookupEvents: CloudTrail answered a NextToken it had already given)"}})
	assertFindings(t, []Finding{SummaryUnread("GetAccountSummary was denied: grant iam:GetAccountSummary")},
		[]want{{"IG806", Medium, "", "the account summary could not be read (GetAccountSummary was denied: grant iam:GetAccountSummary); IG803 (root-access-key), IG804 (root-no-mfa) judged from the credential report alone, which may be up to four hours old"}})
}

// TestRootNoMFACitesWhatItChecks: IG804 checks that an MFA device is
// active, not that it is hardware, so it must not cite CIS 1.6.
func TestRootNoMFACitesWhatItChecks(t *testing.T) {
	for _, r := range RootNoMFA.References {
		if r == "CIS AWS 1.6" {
			t.Errorf("%s cites %s (hardware MFA) but checks only mfa_active", RootNoMFA.Name(), r)
		}
	}
	if RootUsedRecently.References[0] != "CIS AWS 1.7" {
		t.Errorf("%s references %v", RootUsedRecently.Name(), RootUsedRecently.References)
	}
}

// TestGap: an IG806, and an IG805 for a report IAM could not refresh, say
// that facts could not be read; an IG805 for a report IAM served old after
// saying it was complete, and any other finding, do not.
func TestGap(t *testing.T) {
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	b := DefaultBaseline()
	denied, _ := CredentialReportAge(now.Add(-30*time.Hour), now, "GenerateCredentialReport was denied", b)
	servedOld, _ := CredentialReportAge(now.Add(-30*time.Hour), now, "", b)
	for _, c := range []struct {
		f    Finding
		want bool
	}{
		{denied, true},
		{servedOld, false},
		{Incomplete("the account summary", "denied"), true},
		{EvaluatePasswordPolicy(NoPasswordPolicy(), b)[0], false},
	} {
		if c.f.Gap() != c.want {
			t.Errorf("%s %q: Gap() = %v", c.f.Rule.ID, c.f.Message, !c.want)
		}
	}
}

// TestUsersMadeAgain: a user deleted and made again under its name since
// the report is another user, whose row is the old one's: two IG806
// findings under its name, and the old row is not judged; a row whose user
// ListUsers no longer names is not judged either (round 241: the new user
// was never judged, and a deleted one was IG801 high).
func TestUsersMadeAgain(t *testing.T) {
	old, now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 6, 1, 11, 0, 0, 0, time.UTC)
	reported := []CredentialUser{{Name: RootUserName, Root: true}, {Name: "bob", Created: old}, {Name: "gone", Created: old}, {Name: "carol", Created: old}}
	listed := []ListedUser{{Name: "bob", Created: now}, {Name: "carol", Created: old.Add(500 * time.Millisecond)}}
	got := UnreportedUsers(listed, reported, time.Time{})
	if len(got) != 2 || got[0].Subject != "bob" || !strings.Contains(got[0].Message, "made again under its name since the credential report, whose row is the old user's") {
		t.Errorf("bob made again: %+v", got)
	}
	var names []string
	for _, u := range CurrentRows(listed, reported) {
		names = append(names, u.Name)
	}
	if strings.Join(names, " ") != RootUserName+" carol" {
		t.Errorf("rows judged: %v, want root and carol", names)
	}
}

// TestUsersNotInReport: a user ListUsers names that the report lacks is two
// IG806 findings, its password and its keys; from the account summary's
// count, more users than rows is the same two for the account. A report
// without a generation time says nothing of one.
func TestUsersNotInReport(t *testing.T) {
	reported := []CredentialUser{{Name: RootUserName, Root: true}, {Name: "alice"}}
	listed := func(names ...string) []ListedUser {
		var out []ListedUser
		for _, n := range names {
			out = append(out, ListedUser{Name: n})
		}
		return out
	}
	if got := UnreportedUsers(listed("alice"), reported, time.Time{}); len(got) != 0 {
		t.Errorf("every user reported: %+v", got)
	}
	got := UnreportedUsers(listed("alice", "Alice"), reported, time.Time{})
	if len(got) != 2 || got[0].Subject != "Alice" || got[1].Subject != "Alice/access_keys" || !got[0].Gap() ||
		got[0].Message != `user "Alice"'s console password and MFA could not be read (not in the credential report: made or renamed since); `+
			Names(ConsoleUserNoMFA, CredentialUnused)+" not judged" {
		t.Errorf("a user made since: %+v", got)
	}
	for users, want := range map[int]int{-1: 2, 0: 0, 1: 0, 2: 2} {
		if got := UncountedUsers(AccountSummary{Known: true, Users: users}, reported, time.Time{}); len(got) != want {
			t.Errorf("summary counts %d users: %d findings, want %d", users, len(got), want)
		}
	}
	// A row given twice is one user: it hides no user made since (round 286).
	twice := append(slices.Clone(reported), CredentialUser{Name: "ALICE"})
	if got := UncountedUsers(AccountSummary{Known: true, Users: 2}, twice, time.Time{}); len(got) != 2 {
		t.Errorf("a row given twice counted as another user: %+v", got)
	}
	if got := UncountedUsers(AccountSummary{Users: 5}, reported, time.Time{}); len(got) != 2 {
		t.Errorf("summary not read: %+v, want the two findings", got)
	}
	// As AccountSummary leaves it when the read fails: no count at all.
	if got := UncountedUsers(AccountSummary{}, reported, time.Time{}); len(got) != 2 || !got[0].Gap() {
		t.Errorf("summary not read (zero value): %+v, want the two findings", got)
	}
}

// TestRootKeySlotUnknownReportedOnce: a root key slot the report gives no
// status for is its own IG806; the summary's count of keys beside the
// report's inactive one adds no second finding about the same keys.
func TestRootKeySlotUnknownReportedOnce(t *testing.T) {
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	u := CredentialUser{Name: RootUserName, Root: true, PasswordEnabled: no, MFAActive: no,
		Keys:        []AccessKey{{Name: "access_key_1", Created: now.AddDate(-2, 0, 0), UsageKnown: true}},
		KeysUnknown: []string{"access_key_2"}, Certificates: []Value[bool]{no, no}}
	fs := EvaluateRoot(u, AccountSummary{Known: true, AccessKeysPresent: true}, now, DefaultBaseline())
	if len(fs) != 1 || fs[0].Rule != CheckIncomplete || fs[0].Subject != "access_key_2" {
		t.Fatalf("got %+v, want one IG806 for access_key_2", fs)
	}
	// With MFA off and no other credential, an active key there would
	// need MFA: IG804 goes unjudged too (round 198).
	if want := Names(RootAccessKey, RootNoMFA) + " not judged"; !strings.HasSuffix(fs[0].Message, want) {
		t.Errorf("message %q, want it to end %q", fs[0].Message, want)
	}
	u.MFAActive = Known(true)
	if fs := EvaluateRoot(u, AccountSummary{Known: true, AccessKeysPresent: true, MFAEnabled: true}, now, DefaultBaseline()); len(fs) != 1 ||
		!strings.HasSuffix(fs[0].Message, RootAccessKey.Name()+" not judged") {
		t.Errorf("MFA on: got %+v, want one IG806 naming IG803 alone", fs)
	}
}
