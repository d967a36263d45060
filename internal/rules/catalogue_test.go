package rules

import (
	"regexp"
	"strings"
	"testing"
)

// want is a finding as tests state it: rule ID, severity, attribute, message.
type want struct {
	ID   string
	Sev  Severity
	Attr string
	Msg  string
}

func got(fs []Finding) []want {
	var out []want
	for _, f := range fs {
		out = append(out, want{ID: f.Rule.ID, Sev: f.Severity, Attr: f.Attribute, Msg: f.Message})
	}
	return out
}

func assertFindings(t *testing.T, fs []Finding, w []want) {
	t.Helper()
	g := got(fs)
	if len(g) != len(w) {
		t.Fatalf("got %d findings, want %d\n got:  %+v\n want: %+v", len(g), len(w), g, w)
	}
	for i := range g {
		if g[i] != w[i] {
			t.Errorf("finding %d:\n got  %+v\n want %+v", i, g[i], w[i])
		}
	}
}

// unknownMsg is the message of the info finding for an attribute known only
// after apply.
func unknownMsg(attr, id, slug string) string {
	return attr + " is known only after apply; " + id + " (" + slug + ") cannot be judged until then"
}

func TestCatalogue(t *testing.T) {
	idRE := regexp.MustCompile(`^IG[1-9][0-9]{2}$`)
	slugRE := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	all := All()
	if len(all) == 0 {
		t.Fatal("empty catalogue")
	}
	ids, slugs := map[string]bool{}, map[string]bool{}
	for i, r := range all {
		if !idRE.MatchString(r.ID) {
			t.Errorf("rule %q: ID does not match %s", r.ID, idRE)
		}
		if ids[r.ID] {
			t.Errorf("rule %s: duplicate ID", r.ID)
		}
		ids[r.ID] = true
		if !slugRE.MatchString(r.Slug) {
			t.Errorf("rule %s: slug %q is not kebab-case", r.ID, r.Slug)
		}
		if slugs[r.Slug] {
			t.Errorf("rule %s: duplicate slug %q", r.ID, r.Slug)
		}
		slugs[r.Slug] = true
		if i > 0 && all[i-1].ID >= r.ID {
			t.Errorf("All() is not ordered by ID: %s before %s", all[i-1].ID, r.ID)
		}
		for field, v := range map[string]string{
			"summary": r.Summary, "rationale": r.Rationale, "event": r.Event,
			"console remediation": r.Remediation.Console, "CLI remediation": r.Remediation.CLI,
			"Terraform remediation": r.Remediation.Terraform,
		} {
			if v == "" {
				t.Errorf("rule %s: no %s", r.ID, field)
			}
		}
		if len(r.References) == 0 {
			t.Errorf("rule %s: no references", r.ID)
		}
		for _, ref := range r.References {
			if ref == "" {
				t.Errorf("rule %s: empty reference", r.ID)
			}
		}
		if r.Severity < Info || r.Severity > Critical {
			t.Errorf("rule %s: severity %d out of range", r.ID, r.Severity)
		}
		if ByID(r.ID) != r {
			t.Errorf("ByID(%q) does not return the catalogue entry", r.ID)
		}
	}
	if ByID("IG000") != nil {
		t.Error("ByID of an unknown ID is not nil")
	}
}

// TestIssue2Rules pins the identity of the plan rules of issue 2: IDs are
// stable and DESIGN.md names their slugs and the resource types they judge.
func TestIssue2Rules(t *testing.T) {
	for _, c := range []struct {
		id, slug, event, resourceType string
		sev                           Severity
	}{
		{"IG101", "password-min-length", "UpdateAccountPasswordPolicy", "aws_iam_account_password_policy", High},
		{"IG102", "password-require-uppercase", "UpdateAccountPasswordPolicy", "aws_iam_account_password_policy", Medium},
		{"IG103", "password-require-lowercase", "UpdateAccountPasswordPolicy", "aws_iam_account_password_policy", Medium},
		{"IG104", "password-require-numbers", "UpdateAccountPasswordPolicy", "aws_iam_account_password_policy", Medium},
		{"IG105", "password-require-symbols", "UpdateAccountPasswordPolicy", "aws_iam_account_password_policy", Medium},
		{"IG106", "password-reuse-prevention", "UpdateAccountPasswordPolicy", "aws_iam_account_password_policy", Medium},
		{"IG107", "password-max-age", "UpdateAccountPasswordPolicy", "aws_iam_account_password_policy", Medium},
		{"IG108", "password-policy-removed", "DeleteAccountPasswordPolicy", "aws_iam_account_password_policy", High},
		{"IG109", "password-policy-weakened", "UpdateAccountPasswordPolicy", "aws_iam_account_password_policy", Medium},
		{"IG110", "password-change-disallowed", "UpdateAccountPasswordPolicy", "aws_iam_account_password_policy", Low},
		{"IG201", "access-key-reactivated", "UpdateAccessKey", "aws_iam_access_key", High},
		{"IG202", "access-key-secret-in-state", "CreateAccessKey", "aws_iam_access_key", High},
		{"IG203", "access-key-multiple-active", "CreateAccessKey", "aws_iam_access_key", Medium},
		{"IG204", "access-key-not-rotated", "CreateAccessKey", "aws_iam_access_key", Medium},
		{"IG601", "login-profile-no-reset", "CreateLoginProfile", "aws_iam_user_login_profile", Medium},
		{"IG701", "cloudtrail-global-events-off", "UpdateTrail", "aws_cloudtrail", High},
		{"IG702", "cloudtrail-single-region", "UpdateTrail", "aws_cloudtrail", Medium},
		{"IG703", "cloudtrail-logging-off", "StopLogging", "aws_cloudtrail", High},
		{"IG704", "cloudtrail-deleted", "DeleteTrail", "aws_cloudtrail", High},
		{"IG705", "cloudtrail-management-events-excluded", "PutEventSelectors", "aws_cloudtrail", High},
		{"IG706", "cloudtrail-log-validation-off", "UpdateTrail", "aws_cloudtrail", Medium},
	} {
		r := ByID(c.id)
		if r == nil {
			t.Errorf("%s is not in the catalogue", c.id)
			continue
		}
		if r.Slug != c.slug || r.Event != c.event || r.Severity != c.sev ||
			len(r.ResourceTypes) != 1 || r.ResourceTypes[0] != c.resourceType {
			t.Errorf("%s = {%s %s %s %v}, want {%s %s %s [%s]}", c.id, r.Slug, r.Event, r.Severity, r.ResourceTypes,
				c.slug, c.event, c.sev, c.resourceType)
		}
	}
}

func TestSeverity(t *testing.T) {
	for i, name := range []string{"info", "low", "medium", "high", "critical"} {
		s := Severity(i)
		if s.String() != name {
			t.Errorf("Severity(%d).String() = %q, want %q", i, s, name)
		}
		if b, _ := s.MarshalText(); string(b) != name {
			t.Errorf("Severity(%d).MarshalText() = %q, want %q", i, b, name)
		}
		for _, in := range []string{name, strings.ToUpper(name)} {
			got, err := ParseSeverity(in)
			if err != nil || got != s {
				t.Errorf("ParseSeverity(%q) = %v, %v; want %v", in, got, err, s)
			}
		}
	}
	if _, err := ParseSeverity("severe"); err == nil || err.Error() != `unknown severity "severe" (want one of info, low, medium, high, critical)` {
		t.Errorf("ParseSeverity(severe) error = %v", err)
	}
	if got := Severity(7).String(); got != "severity(7)" {
		t.Errorf("Severity(7).String() = %q", got)
	}
}

// TestRemediationFollowsBaseline: a rule whose threshold the config moves
// names no fixed value as the fix, which a stricter baseline would still
// fail (round 317: "Set minimum_password_length = 14" under a baseline of
// 16; round 320: rsa_bits = 4096 under one of 8192), only the default,
// said to be one.
func TestRemediationFollowsBaseline(t *testing.T) {
	byDefault := regexp.MustCompile(`\d+ (bits )?by default`)
	size := regexp.MustCompile(`\b(1024|2048|3072|4096|8192|14|90)\b`)
	for _, r := range []*Rule{PasswordMinLength, PasswordMaxAge, CertificateWeakKey, SSHKeyDSA, SSHKeyWeakRSA, SigningCertificateWeak} {
		for _, text := range []string{r.Remediation.Console, r.Remediation.CLI, r.Remediation.Terraform} {
			if !strings.Contains(text, "the baseline's") || size.MatchString(byDefault.ReplaceAllString(text, "")) {
				t.Errorf("%s: %q names a value of its own, not the baseline's", r.ID, text)
			}
		}
	}
}
