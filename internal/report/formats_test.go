package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/iamguard/terraform-provider-iamguard/internal/config"
	"github.com/iamguard/terraform-provider-iamguard/internal/lint"
	"github.com/iamguard/terraform-provider-iamguard/internal/plan"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// hostileKey is a for_each key built to break every output format.
const hostileKey = "a\n::error title=x::pwned\r</testcase><script>alert(1)</script> | `tick` %0A *b* [l](https://x) &amp; \x1b[31m"

// Addresses of the fixture.
const (
	addrPolicy  = "module.baseline.aws_iam_account_password_policy.this"
	addrKey     = `module.ci.aws_iam_access_key.deployer`
	addrHostile = `aws_iam_access_key.k["` + hostileKey + `"]`
	addrLogin   = "aws_iam_user_login_profile.alice"
	addrTrail   = "aws_cloudtrail.main"
)

// pinCatalogue fixes the rules the per-rule formats list, so that adding a
// rule to the catalogue does not change the golden files.
func pinCatalogue(t *testing.T) {
	t.Helper()
	var pinned []*rules.Rule
	for _, id := range []string{"IG101", "IG110", "IG202", "IG203", "IG601", "IG703"} {
		r := rules.ByID(id)
		if r == nil {
			t.Fatalf("rule %s is missing from the catalogue", id)
		}
		pinned = append(pinned, r)
	}
	old := catalogue
	catalogue = func() []*rules.Rule { return pinned }
	t.Cleanup(func() { catalogue = old })
}

// waiver is a matched waiver as lint attaches it: the config entry and
// whether it is live.
type waiver struct {
	config.Waiver
	live bool
}

func finding(id string, sev rules.Severity, addr, typ, action, attr, msg string, w *waiver) lint.Finding {
	f := lint.Finding{
		Finding:     rules.Finding{Rule: rules.ByID(id), Severity: sev, Attribute: attr, Message: msg},
		ResourceRef: &lint.ResourceRef{Address: addr, Type: typ, Action: action},
	}
	if w != nil {
		f.Waiver, f.Waived = &w.Waiver, w.live
	}
	return f
}

func until(day string) time.Time { t, _ := time.Parse("2006-01-02", day); return t }

// hostileReport has findings of every severity kind the writers treat
// differently: plain, info, waived, expired waiver, and hostile names.
func hostileReport() *Report {
	const key, policy = "aws_iam_access_key", "aws_iam_account_password_policy"
	res := lint.Result{
		Plan: &plan.Plan{FormatVersion: "1.2", TerraformVersion: "1.8.5", Timestamp: "2026-11-20T10:00:00Z"},
		Judged: []lint.ResourceRef{
			{Address: addrPolicy, Type: policy, Action: "update"},
			{Address: addrKey, Type: key, Action: "create"},
			{Address: addrHostile, Type: key, Action: "create"},
			{Address: addrLogin, Type: "aws_iam_user_login_profile", Action: "create"},
			{Address: addrTrail, Type: "aws_cloudtrail", Action: "no-op"},
		},
		Findings: []lint.Finding{
			finding("IG101", rules.High, addrPolicy, policy, "update", "minimum_password_length",
				"minimum_password_length is 8; the baseline requires at least 14", nil),
			finding("IG202", rules.High, addrHostile, key, "create", "pgp_key",
				"pgp_key is not set: the secret access key and SMTP password are stored unencrypted in state", nil),
			finding("IG203", rules.Medium, addrHostile, key, "create", "status",
				`user "`+hostileKey+`" has 2 active access keys: `+addrHostile+", "+addrKey,
				&waiver{config.Waiver{Reason: "rotation in progress, SEC-9", Expires: until("2026-10-01")}, false}),
			finding("IG202", rules.High, addrKey, key, "create", "pgp_key",
				"pgp_key is not set: the secret access key and SMTP password are stored unencrypted in state",
				&waiver{config.Waiver{Reason: "legacy CI key | SEC-123 <b>bold</b>\n::warning::x", Expires: until("2027-01-31")}, true}),
			finding("IG601", rules.Info, addrLogin, "aws_iam_user_login_profile", "create", "password_reset_required",
				"password_reset_required is known only after apply; IG601 (login-profile-no-reset) cannot be judged until then", nil),
		},
	}
	res.Findings[0].Line = 12 // where the policy's change starts in the plan
	res.Resources = len(res.Judged)
	return New(res, "1.0.0-test")
}

// emptyReport is a plan whose resources all pass.
func emptyReport() *Report {
	return New(lint.Result{
		Plan:      &plan.Plan{FormatVersion: "1.2", TerraformVersion: "1.8.5", Timestamp: "2026-11-20T10:00:00Z"},
		Resources: 1,
		Judged:    []lint.ResourceRef{{Address: addrTrail, Type: "aws_cloudtrail", Action: "update"}},
	}, "1.0.0-test")
}

// configReport is a passing plan under a config file that weakens the
// checks, with a file name built to break the formats.
func configReport() *Report {
	c, err := config.Parse([]byte(`
baseline {
  password_min_length = 8
  min_rsa_bits        = 4096
}
rule "IG110" { enabled = false }
rule "IG202" { enabled = false }
`), "x.hcl")
	if err != nil {
		panic(err)
	}
	c.File = "conf/" + hostileKey + ".hcl"
	r := emptyReport()
	r.Config = NewConfig(c, rules.High, configAt, nil, Run{ChangedOnly: true, Now: configAt})
	return r
}

var fixtures = map[string]func() *Report{"hostile": hostileReport, "empty": emptyReport, "config": configReport}

// testOptions are the options of the golden files.
var testOptions = Options{ArtifactURI: "plans/my plan.json", FailOn: rules.Low}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./internal/report -update rewrites it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func render(t *testing.T, format string, r *Report, opt Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Formats[format](&buf, r, opt); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	pinCatalogue(t)
	ext := map[string]string{"sarif": "sarif", "junit": "xml", "github": "txt", "markdown": "md", "text": "txt", "json": "json"}
	for format := range Formats {
		for name, build := range fixtures {
			t.Run(format+"/"+name, func(t *testing.T) {
				e, ok := ext[format]
				if !ok {
					e = "out"
				}
				golden(t, name+"."+format+"."+e, render(t, format, build(), testOptions))
			})
		}
	}
}

func TestRulesMarkdownGolden(t *testing.T) {
	pinCatalogue(t)
	var buf bytes.Buffer
	if err := WriteRulesMarkdown(&buf, catalogue()); err != nil {
		t.Fatal(err)
	}
	golden(t, "rules.md", buf.Bytes())
}
