package rules

import (
	"testing"
	"time"
)

func TestAccessKeyAge(t *testing.T) {
	now := time.Date(2026, 11, 23, 7, 0, 0, 0, time.UTC)
	day := 24 * time.Hour
	for _, c := range []struct {
		name    string
		created time.Time
		maxDays int
		want    []want
	}{
		{name: "created now", created: now, maxDays: 90},
		{name: "exactly 90 days", created: now.Add(-90 * day), maxDays: 90},
		{name: "90 days and 23 hours", created: now.Add(-90*day - 23*time.Hour), maxDays: 90},
		{name: "91 days", created: now.Add(-91 * day), maxDays: 90,
			want: []want{{"IG204", Medium, "create_date", "access key is 91 days old; the baseline requires rotation every 90 days"}}},
		{name: "years old", created: time.Date(2024, 11, 23, 7, 0, 0, 0, time.UTC), maxDays: 90,
			want: []want{{"IG204", Medium, "create_date", "access key is 730 days old; the baseline requires rotation every 90 days"}}},
		{name: "created in the future", created: now.Add(400 * day), maxDays: 90},
		{name: "stricter baseline", created: now.Add(-31 * day), maxDays: 30,
			want: []want{{"IG204", Medium, "create_date", "access key is 31 days old; the baseline requires rotation every 30 days"}}},
		{name: "looser baseline", created: now.Add(-180 * day), maxDays: 365},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := DefaultBaseline()
			b.AccessKeyMaxAgeDays = c.maxDays
			var fs []Finding
			if f, ok := AccessKeyAge(c.created, now, b); ok {
				fs = append(fs, f)
			} else if f != (Finding{}) {
				t.Errorf("no finding reported, but a non-zero Finding returned: %+v", f)
			}
			assertFindings(t, fs, c.want)
		})
	}
}

func TestDays(t *testing.T) {
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		from time.Time
		want int
	}{
		{now, 0},
		{now.Add(-time.Second), 0},
		{time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), 28},
		{time.Date(2025, 3, 1, 0, 0, 1, 0, time.UTC), 364},
		{time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), 365},
		// another zone: the instant counts, not the wall clock
		{time.Date(2026, 2, 28, 23, 0, 0, 0, time.FixedZone("CET", -1*3600)), 0},
	} {
		if got := Days(c.from, now); got != c.want {
			t.Errorf("Days(%s, %s) = %d, want %d", c.from, now, got, c.want)
		}
	}
}

func TestMultipleActiveKeys(t *testing.T) {
	f := MultipleActiveKeys("deployer", []string{`module.u["deployer"].aws_iam_access_key.k[0]`, "aws_iam_access_key.old"})
	assertFindings(t, []Finding{f}, []want{{"IG203", Medium, "status",
		`user "deployer" has 2 active access keys: module.u["deployer"].aws_iam_access_key.k[0], aws_iam_access_key.old`}})
	if f.Rule != AccessKeyMultipleActive {
		t.Errorf("rule = %p, want AccessKeyMultipleActive", f.Rule)
	}
}

func TestRuleFindingHelpers(t *testing.T) {
	assertFindings(t, []Finding{
		AccessKeyReactivated.Finding("status", "status changes from %s to %s", "Inactive", "Active"),
		AccessKeySecretInState.Unknown("pgp_key"),
	}, []want{
		{"IG201", High, "status", "status changes from Inactive to Active"},
		{"IG202", Info, "pgp_key", unknownMsg("pgp_key", "IG202", "access-key-secret-in-state")},
	})
}
