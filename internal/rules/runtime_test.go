package rules

import (
	"testing"
	"time"
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
		{"clean console user", CredentialUser{Name: "a", Created: ago(400), PasswordEnabled: true, PasswordLastUsed: ago(1), MFAActive: true}, nil},
		{"no credentials, old user", CredentialUser{Name: "a", Created: ago(400)}, nil},
		{"console user without MFA", CredentialUser{Name: "a", Created: ago(10), PasswordEnabled: true, PasswordLastUsed: ago(1)},
			[]want{{"IG801", High, "mfa_active", `user "a" has a console password and no MFA device`}}},
		{"password unused 45 days", CredentialUser{Name: "a", Created: ago(400), PasswordEnabled: true, PasswordLastUsed: ago(45), MFAActive: true},
			[]want{{"IG802", Medium, "last_used", "console password was last used 45 days ago; the baseline allows 45 days unused"}}},
		{"password unused 44 days", CredentialUser{Name: "a", Created: ago(400), PasswordEnabled: true, PasswordLastUsed: ago(44), MFAActive: true}, nil},
		{"never-used password judged by last change", CredentialUser{Name: "a", Created: ago(400), PasswordEnabled: true, PasswordLastChanged: ago(50), MFAActive: true},
			[]want{{"IG802", Medium, "last_used", "console password has never been used in the 50 days since it was issued; the baseline allows 45 days unused"}}},
		{"never-used new password", CredentialUser{Name: "a", Created: ago(10), PasswordEnabled: true, MFAActive: true}, nil},
		{"old, unused and doubled keys", CredentialUser{Name: "a", Created: ago(400), Keys: []AccessKey{
			{Name: "k1", Active: true, Created: ago(100), UsageKnown: true},
			{Name: "k2", Active: true, Created: ago(5), LastUsed: ago(1), UsageKnown: true},
			{Name: "k3", Active: false, Created: ago(900), UsageKnown: true},
		}}, []want{
			{"IG204", Medium, "create_date", "access key is 100 days old; the baseline requires rotation every 90 days"},
			{"IG802", Medium, "last_used", "access key k1 has never been used in the 100 days since it was issued; the baseline allows 45 days unused"},
			{"IG203", Medium, "status", `user "a" has 2 active access keys: k1, k2`},
		}},
		{"root with keys, no MFA", CredentialUser{Name: "<root_account>", Root: true, Keys: []AccessKey{{Name: "access_key_1", Active: true, Created: ago(900)}}},
			[]want{
				{"IG803", Critical, "access_key", "the root user has 1 active access key(s): access_key_1"},
				{"IG804", Critical, "mfa_active", "the root user has no MFA device"},
			}},
		{"root clean", CredentialUser{Name: "<root_account>", Root: true, MFAActive: true, Keys: []AccessKey{{Name: "access_key_1", Created: ago(900)}}}, nil},
	} {
		t.Run(c.name, func(t *testing.T) { assertFindings(t, EvaluateCredentialUser(c.u, now, b), c.want) })
	}
}

func TestCredentialReportAge(t *testing.T) {
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	if _, ok := CredentialReportAge(now.Add(-4*time.Hour), now); ok {
		t.Error("a four-hour-old report is stale")
	}
	f, ok := CredentialReportAge(now.Add(-26*time.Hour), now)
	assertFindings(t, []Finding{f}, []want{{"IG805", Low, "generated_time",
		"the credential report was generated 26h0m0s ago; IAM refreshes reports older than 4h0m0s"}})
	if !ok {
		t.Error("ok = false")
	}
}

func TestIncomplete(t *testing.T) {
	assertFindings(t, []Finding{Incomplete("the last use of 3 access key(s)", "GetAccessKeyLastUsed was denied: grant iam:GetAccessKeyLastUsed", CredentialUnused)},
		[]want{{"IG806", Medium, "", "the last use of 3 access key(s) could not be read (GetAccessKeyLastUsed was denied: grant iam:GetAccessKeyLastUsed); IG802 (credential-unused) not judged"}})
}
