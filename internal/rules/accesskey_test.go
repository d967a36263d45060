package rules

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
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
			fs := EvaluateAccessKeys(Known("u"), []AccessKey{{Name: "AKIA1", Active: true, Created: c.created}}, now, b)
			assertFindings(t, fs, c.want)
			for _, f := range fs {
				if f.Subject != "AKIA1" {
					t.Errorf("subject = %q, want the key's name", f.Subject)
				}
			}
		})
	}
}

// TestAccessKeyAgeStatusUnknown: an old key whose status is known only
// after apply may be active: IG204 at info, naming the status; a young one
// gets nothing.
func TestAccessKeyAgeStatusUnknown(t *testing.T) {
	now := time.Date(2026, 11, 23, 7, 0, 0, 0, time.UTC)
	old := AccessKey{Name: "old", StatusUnknown: true, Created: now.AddDate(-7, 0, 0)}
	young := AccessKey{Name: "young", StatusUnknown: true, Created: now.AddDate(0, 0, -10)}
	fs := EvaluateAccessKeys(Known("u"), []AccessKey{old}, now, DefaultBaseline())
	assertFindings(t, fs, []want{{"IG204", Info, "status", "status is known only after apply; IG204 (access-key-not-rotated) cannot be judged until then"}})
	if len(fs) == 1 && fs[0].Subject != "old" {
		t.Errorf("subject = %q, want the key's name", fs[0].Subject)
	}
	assertFindings(t, EvaluateAccessKeys(Known("u"), []AccessKey{young}, now, DefaultBaseline()), nil)
	// Exactly 90 days old is not past the baseline, as for a known
	// status (round 189).
	exact := AccessKey{Name: "exact", StatusUnknown: true, Created: now.AddDate(0, 0, -90)}
	assertFindings(t, EvaluateAccessKeys(Known("u"), []AccessKey{exact}, now, DefaultBaseline()), nil)
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
		// past what a time.Duration holds (292 years)
		{time.Date(1026, 3, 1, 0, 0, 0, 0, time.UTC), 365243},
		{time.Date(9999, 3, 1, 0, 0, 0, 0, time.UTC), -2912078},
		{now.Add(500 * time.Millisecond), -1},
		{now.Add(-500 * time.Millisecond), 0},
	} {
		if got := Days(c.from, now); got != c.want {
			t.Errorf("Days(%s, %s) = %d, want %d", c.from, now, got, c.want)
		}
	}
}

func TestEvaluateAccessKeys(t *testing.T) {
	now := time.Date(2026, 11, 23, 7, 0, 0, 0, time.UTC)
	b := DefaultBaseline()
	ago := func(d int) time.Time { return now.AddDate(0, 0, -d) }
	old, doubled := `module.u["deployer"].aws_iam_access_key.k[0]`, "aws_iam_access_key.old"
	for _, c := range []struct {
		name     string
		keys     []AccessKey
		want     []want
		subjects []string
	}{
		{name: "one active, one inactive", keys: []AccessKey{{Name: "a", Active: true}, {Name: "b", Created: ago(900)}}},
		{name: "new keys have no age yet", keys: []AccessKey{{Name: "a", Active: true}, {Name: "b", Active: true}},
			want:     []want{{"IG203", Medium, "status", `user "deployer" has 2 active access keys: a, b`}},
			subjects: []string{"deployer"}},
		{name: "two active, one old", keys: []AccessKey{{Name: old, Active: true, Created: ago(100)}, {Name: doubled, Active: true, Created: ago(3)}},
			want: []want{
				{"IG204", Medium, "create_date", "access key is 100 days old; the baseline requires rotation every 90 days"},
				{"IG203", Medium, "status", `user "deployer" has 2 active access keys: ` + old + ", " + doubled},
			},
			subjects: []string{old, "deployer"}},
		{name: "use is judged only when known", keys: []AccessKey{
			{Name: "plan", Active: true, Created: ago(60)},
			{Name: "live", Active: true, Created: ago(60), UsageKnown: true, LastUsed: ago(50)},
			{Name: "inactive", Created: ago(60), UsageKnown: true},
		},
			want: []want{
				{"IG802", Medium, "last_used", "access key live was last used 50 days ago; the baseline allows 45 days unused"},
				{"IG203", Medium, "status", `user "deployer" has 2 active access keys: plan, live`},
			},
			subjects: []string{"live", "deployer"}},
		// A second key whose status is known only after apply may make two
		// active: undecided, at info level; one such key alone cannot.
		// Named, the active one apart (round 252: neither was).
		{name: "a status known only after apply", keys: []AccessKey{{Name: "a", Active: true}, {Name: "b", StatusUnknown: true}},
			want: []want{{"IG203", Info, "status", `user "deployer" may have 2 active access keys (a active; b known only after apply): ` +
				unknownMsg("status", "IG203", "access-key-multiple-active")}},
			subjects: []string{"deployer"}},
		{name: "one key of unknown status", keys: []AccessKey{{Name: "b", StatusUnknown: true}}},
		// Two active: decided; the one that may be is named too.
		{name: "two active and one unknown", keys: []AccessKey{{Name: "a", Active: true}, {Name: "b", Active: true}, {Name: "c", StatusUnknown: true}},
			want:     []want{{"IG203", Medium, "status", `user "deployer" has 2 active access keys: a, b; and may have 1 more, whose status is known only after apply: c`}},
			subjects: []string{"deployer"}},
		// A live key with no creation date: its age is not known, not
		// young (IG204, and IG802 when it was never used).
		{name: "an active key with no creation date", keys: []AccessKey{
			{Name: "never", Active: true, CreatedMissing: true, UsageKnown: true},
			{Name: "used", Active: true, CreatedMissing: true, UsageKnown: true, LastUsed: ago(1)},
			{Name: "inactive", CreatedMissing: true, UsageKnown: true},
		},
			want: []want{
				{"IG806", Medium, "create_date", "access key never has no creation date, so its age is not known; IG204 (access-key-not-rotated), IG802 (credential-unused) not judged"},
				{"IG806", Medium, "create_date", "access key used has no creation date, so its age is not known; IG204 (access-key-not-rotated) not judged"},
				{"IG203", Medium, "status", `user "deployer" has 2 active access keys: never, used`},
			},
			subjects: []string{"never", "used", "deployer"}},
		// A status IAM does not define ("active") is not Inactive: whether
		// the key is active, and so IG204 and IG802 on it, are not known,
		// nor IG203 when the user has another key.
		{name: "an unreadable status", keys: []AccessKey{{Name: "odd", StatusUnreadable: true, Created: ago(400), UsageKnown: true}},
			want: []want{{"IG806", Medium, "status", "access key odd has a status other than Active, Inactive or Expired, so whether it is active is not known; " +
				"IG204 (access-key-not-rotated), IG802 (credential-unused) not judged"}},
			subjects: []string{"odd"}},
		{name: "an unreadable status beside an active key", keys: []AccessKey{{Name: "a", Active: true}, {Name: "odd", StatusUnreadable: true}},
			want: []want{{"IG806", Medium, "status", "access key odd has a status other than Active, Inactive or Expired, so whether it is active is not known; " +
				"IG203 (access-key-multiple-active), IG204 (access-key-not-rotated), IG802 (credential-unused) not judged"}},
			subjects: []string{"odd"}},
		{name: "many keys are counted, a few named", keys: []AccessKey{
			{Name: "k1", Active: true}, {Name: "k2", Active: true}, {Name: "k3", Active: true}, {Name: "k4", Active: true},
			{Name: "k5", Active: true}, {Name: "k6", Active: true}, {Name: "k7", Active: true},
		},
			want:     []want{{"IG203", Medium, "status", `user "deployer" has 7 active access keys: k1, k2, k3, k4, k5 and 2 more`}},
			subjects: []string{"deployer"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			fs := EvaluateAccessKeys(Known("deployer"), c.keys, now, b)
			assertFindings(t, fs, c.want)
			for i, f := range fs {
				if i < len(c.subjects) && f.Subject != c.subjects[i] {
					t.Errorf("finding %d subject = %q, want %q", i, f.Subject, c.subjects[i])
				}
			}
		})
	}
}

func TestAccessKeySecret(t *testing.T) {
	assertFindings(t, AccessKeySecret(Known(""), false), []want{{"IG202", High, "pgp_key",
		"pgp_key is not set: the secret access key and SMTP password are stored unencrypted in state"}})
	assertFindings(t, AccessKeySecret(UnknownValue[string](), false), []want{{"IG202", Info, "pgp_key", unknownMsg("pgp_key", "IG202", "access-key-secret-in-state")}})
	assertFindings(t, AccessKeySecret(Known("keybase:someone"), false), nil)
	assertFindings(t, AccessKeySecret(Known(""), true), nil)
	assertFindings(t, AccessKeySecret(UnknownValue[string](), true), nil)
	// Round 348: a sensitive pgp_key was told to be empty.
	assertFindings(t, AccessKeySecret(Value[string]{Sensitive: true}, false), []want{{"IG202", High, "pgp_key",
		AccessKeySecretInState.Summary + "; pgp_key is (sensitive), so the details are not shown"}})
	assertFindings(t, AccessKeySecret(Value[string]{V: "keybase:someone", Sensitive: true}, false), nil)
}

func TestReactivation(t *testing.T) {
	s := Known[string]
	for _, r := range []*Rule{AccessKeyReactivated, SSHKeyReactivated, SigningCertificateReactivated} {
		assertFindings(t, Reactivation(r, s("Inactive"), s("Active")), []want{{r.ID, High, "status", "status changes from Inactive to Active"}})
		assertFindings(t, Reactivation(r, s("Active"), s("Active")), nil)
		assertFindings(t, Reactivation(r, s("Active"), s("Inactive")), nil)
		assertFindings(t, Reactivation(r, s(""), s("Active")), nil) // a new credential
		// An inactive credential whose new status is known only after apply
		// may be switched on: the rule cannot decide (DESIGN.md: info).
		assertFindings(t, Reactivation(r, s("Inactive"), UnknownValue[string]()),
			[]want{{r.ID, Info, "status", unknownMsg("status", r.ID, r.Slug)}})
		assertFindings(t, Reactivation(r, s("Active"), UnknownValue[string]()), nil)
		// Expired is IAM's other dormant status.
		assertFindings(t, Reactivation(r, s("Expired"), s("Active")), []want{{r.ID, High, "status", "status changes from Expired to Active"}})
		assertFindings(t, Reactivation(r, s("Expired"), UnknownValue[string]()),
			[]want{{r.ID, Info, "status", unknownMsg("status", r.ID, r.Slug)}})
		assertFindings(t, Reactivation(r, s("Active"), s("Expired")), nil)
	}
}

func TestFoldName(t *testing.T) {
	for in, want := range map[string]string{"Deployer": "deployer", "deployer": "deployer", "ALICE@x.com": "alice@x.com",
		"\u212Aate": "\u212Aate", "İnci": "İnci", "": ""} {
		if got := FoldName(in); got != want {
			t.Errorf("FoldName(%q) = %q, want %q", in, got, want)
		}
		for _, other := range []string{want, strings.ToUpper(in), "x" + in, "Kate"} {
			if got, same := SameName(in, other), FoldName(in) == FoldName(other); got != same {
				t.Errorf("SameName(%q, %q) = %v, unlike FoldName", in, other, got)
			}
		}
	}
}

// TestShownValuesBounded: a message shows at most maxShown bytes of a
// value, so that a long hand-made name cannot grow every message.
func TestShownValuesBounded(t *testing.T) {
	long := strings.Repeat("\xff", 1<<20)
	if q := Known(long).Quote(); len(q) > 4*maxShown+8 {
		t.Errorf("Quote of 1 MiB: %d bytes", len(q))
	}
	if s := Known(strings.Repeat("é", 1000)).Show(); len(s) > maxShown+len("…") || !utf8.ValidString(s) {
		t.Errorf("Show: %d bytes, valid UTF-8 %v", len(s), utf8.ValidString(s))
	}
	if got := nameSome([]string{strings.Repeat("a", 1<<16), "b"}); len(got) > 2*maxShown {
		t.Errorf("nameSome: %d bytes", len(got))
	}
	if Known("deployer").Quote() != `"deployer"` {
		t.Error("a short name is cut")
	}
	// At the bounds (round 189): a value of exactly maxShown bytes is
	// shown whole, and namedAtMost names are all named, with no count.
	if s := strings.Repeat("a", maxShown); clip(s) != s {
		t.Errorf("clip cuts a value of exactly %d bytes", maxShown)
	}
	if got := nameSome([]string{"a", "b", "c", "d", "e"}); got != "a, b, c, d, e" {
		t.Errorf("nameSome of %d names = %q, want them all", namedAtMost, got)
	}
}

// TestDaysRoundsDown: a moment 20 hours ahead is day 0, 20 hours behind
// day -1, so that days_to_expiry turns negative as soon as it expires.
func TestDaysRoundsDown(t *testing.T) {
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	for d, want := range map[time.Duration]int{20 * time.Hour: 0, -20 * time.Hour: -1, 48 * time.Hour: 2, -48 * time.Hour: -2, -49 * time.Hour: -3, 0: 0} {
		if got := Days(now, now.Add(d)); got != want {
			t.Errorf("Days over %v = %d, want %d", d, got, want)
		}
	}
}

// TestVagueUserKeys: a key of a user that may be another's is IG203 at
// info when it is its user's only key that is or may be active and the
// account holds other active keys; at the rule's severity when an impure
// function chooses the user.
func TestVagueUserKeys(t *testing.T) {
	active, inactive, maybe := AccessKey{Name: "a", Active: true}, AccessKey{Name: "i"}, AccessKey{Name: "m", StatusUnknown: true}
	vague := UnknownValue[string]()
	impure := Value[string]{Unknown: true, Impure: true}
	for _, c := range []struct {
		name    string
		user    Value[string]
		keys    []AccessKey
		account int
		index   int
		sev     Severity
	}{
		{"the account's only active key", vague, []AccessKey{active}, 1, -1, 0},
		{"one active key among others", vague, []AccessKey{inactive, active}, 3, 1, Info},
		{"one key that may be active", vague, []AccessKey{maybe, inactive}, 2, 0, Info},
		{"two that may be: EvaluateAccessKeys judges them", vague, []AccessKey{active, maybe}, 3, -1, 0},
		{"none active", vague, []AccessKey{inactive}, 3, -1, 0},
		{"user chosen by an impure function", impure, []AccessKey{active}, 2, 0, Medium},
	} {
		t.Run(c.name, func(t *testing.T) {
			i, f := VagueUserKeys(c.user, c.keys, c.account)
			if i != c.index || i >= 0 && (f.Rule != AccessKeyMultipleActive || f.Severity != c.sev || f.Attribute != "user") {
				t.Errorf("got key %d, %+v; want key %d at %v", i, f, c.index, c.sev)
			}
		})
	}
}

// TestCreatedStatus: a credential the plan creates is Active unless asked
// for a status IAM takes, and an access key unless asked for Inactive
// (round 233).
func TestCreatedStatus(t *testing.T) {
	for _, c := range []struct {
		accessKey bool
		in        Value[string]
		want      Value[string]
		refused   bool
	}{
		{true, Known("Inactive"), Known("Inactive"), false},
		{true, Known("Active"), Known("Active"), false},
		{true, Known("Expired"), Known("Active"), true},
		{false, Known("Expired"), Known("Expired"), false},
		{false, Known("Inactive"), Known("Inactive"), false},
		{false, UnreadableValue[string](), Known("Active"), true},
		{true, UnreadableValue[string](), Known("Active"), true},
		{false, Value[string]{Unreadable: true, Unknown: true, Sensitive: true}, Value[string]{V: "Active", Sensitive: true}, true},
		{false, UnknownValue[string](), UnknownValue[string](), false},
		{true, UnknownValue[string](), UnknownValue[string](), false},
	} {
		if got, refused := CreatedStatus(c.accessKey, c.in); got != c.want || refused != c.refused {
			t.Errorf("CreatedStatus(%v, %+v) = %+v, %v; want %+v, %v", c.accessKey, c.in, got, refused, c.want, c.refused)
		}
	}
}

// TestReuploadRefusedStatus: a key uploaded again asking for a status IAM
// refuses is reactivated, and the message says why, unless the status is
// sensitive (round 236).
func TestReuploadRefusedStatus(t *testing.T) {
	body := Known("ssh-rsa AAAA")
	odd := Value[string]{Unknown: true, Unreadable: true}
	fs := Reupload(SSHKeyReactivated, body, "public_key", "", "deletes", Known("Inactive"), odd)
	if len(fs) != 1 || fs[0].Severity != High || !strings.Contains(fs[0].Message, "none IAM takes") {
		t.Errorf("unreadable status: %+v", fs)
	}
	odd.Sensitive = true
	fs = Reupload(SSHKeyReactivated, body, "public_key", "", "deletes", Known("Inactive"), odd)
	if len(fs) != 1 || fs[0].Severity != High || strings.Contains(fs[0].Message, "IAM takes") {
		t.Errorf("sensitive unreadable status: %+v", fs)
	}
}
