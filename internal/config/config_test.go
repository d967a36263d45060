package config

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

func TestParseFull(t *testing.T) {
	src := `
baseline {
  password_min_length = 16
  min_rsa_bits = 3072
  allowed_certificate_domains = ["*.example.com"]
}
fail_on = "Medium"
rule "IG110" { enabled = false }
rule "IG101" { enabled = true }
waiver {
  rule    = "IG202"
  address = "module.ci.aws_iam_access_key.deployer"
  reason  = "legacy CI key, tracked in SEC-123"
  expires = "2027-01-31"
}
waiver {
  rule    = "IG601"
  address = "aws_iam_user_login_profile.console[*]"
  reason  = "break-glass users"
}
`
	c, err := Parse([]byte(src), "x.hcl")
	if err != nil {
		t.Fatal(err)
	}
	want := rules.DefaultBaseline()
	want.PasswordMinLength = 16
	want.MinRSABits = 3072
	want.AllowedCertificateDomains = []string{"*.example.com"}
	if !reflect.DeepEqual(c.Baseline, want) {
		t.Errorf("baseline = %+v, want %+v", c.Baseline, want)
	}
	if c.FailOn == nil || *c.FailOn != rules.Medium {
		t.Errorf("fail_on = %v, want medium", c.FailOn)
	}
	if !reflect.DeepEqual(c.Disabled, map[string]bool{"IG110": true, "IG101": false}) {
		t.Errorf("disabled = %v", c.Disabled)
	}
	wantW := []Waiver{
		{Rule: "IG202", Address: "module.ci.aws_iam_access_key.deployer", Reason: "legacy CI key, tracked in SEC-123",
			Expires: time.Date(2027, 1, 31, 0, 0, 0, 0, time.UTC)},
		{Rule: "IG601", Address: "aws_iam_user_login_profile.console[*]", Reason: "break-glass users"},
	}
	if !reflect.DeepEqual(c.Waivers, wantW) {
		t.Errorf("waivers = %+v, want %+v", c.Waivers, wantW)
	}
}

func TestParseEmpty(t *testing.T) {
	c, err := Parse(nil, "empty.hcl")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c, Default()) || c.FailOn != nil {
		t.Errorf("empty file gives %+v, want the defaults", c)
	}
}

func TestParseErrors(t *testing.T) {
	cases := map[string]struct{ src, want string }{
		"unknown key":          {"fail_on = \"low\"\n\ncolour = 1\n", `bad.hcl:3: Unsupported argument`},
		"unknown block":        {"\nrules {}\n", `bad.hcl:2: Unsupported block type`},
		"unknown baseline key": {"baseline {\n  min_length = 3\n}\n", `bad.hcl:2: Unsupported argument`},
		"baseline type":        {"baseline {\n  min_rsa_bits = \"big\"\n}\n", `bad.hcl:2: min_rsa_bits must be a whole number from 1 to 16384`},
		"baseline fraction":    {"baseline {\n  min_rsa_bits = 20.5\n}\n", `bad.hcl:2: min_rsa_bits must be a whole number from 1 to 16384`},
		"baseline past int64":  {"baseline {\n  password_min_length = 1e19\n}\n", `bad.hcl:2: password_min_length must be a whole number from 1 to 128`},
		"baseline reference":   {"baseline {\n  min_rsa_bits = var.bits\n}\n", `bad.hcl:2: only literal values`},
		"negative threshold":   {"baseline {\n\n  password_min_length = -1\n}\n", `bad.hcl:3: password_min_length must be from 1 to 128, not -1`},
		"zero threshold":       {"baseline {\n  min_rsa_bits = 0\n}\n", `bad.hcl:2: min_rsa_bits must be from 1 to 16384, not 0`},
		"threshold too big":    {"baseline {\n  password_reuse_prevention = 25\n}\n", `bad.hcl:2: password_reuse_prevention must be from 1 to 24, not 25`},
		"huge threshold":       {"baseline {\n  access_key_max_age_days = 1e19\n}\n", `bad.hcl:2:`},
		"two baselines":        {"baseline {}\nbaseline {}\n", `bad.hcl:2: Duplicate baseline block`},
		"bad severity":         {"\n\nfail_on = \"severe\"\n", `bad.hcl:3: fail_on: unknown severity "severe"`},
		"unknown rule":         {"rule \"IG110\" { enabled = false }\nrule \"IG999\" { enabled = false }\n", `bad.hcl:2: unknown rule ID "IG999"`},
		"rule twice":           {"rule \"IG110\" { enabled = false }\nrule \"IG110\" { enabled = true }\n", `bad.hcl:2: rule "IG110" is configured twice`},
		"rule without enabled": {"rule \"IG110\" {}\n", `bad.hcl:1: Missing required argument`},
		"bad date": {"waiver {\n  rule = \"IG202\"\n  address = \"a\"\n  reason = \"r\"\n  expires = \"31/01/2027\"\n}\n",
			`bad.hcl:5: expires: "31/01/2027" is not a date such as 2027-01-31`},
		// Go's zero time stands for "never expires".
		"year one": {"waiver {\n  rule = \"IG202\"\n  address = \"a\"\n  reason = \"r\"\n  expires = \"0001-01-01\"\n}\n",
			`bad.hcl:5: expires: "0001-01-01" is before 1970`},
		// A number HCL reads in a moment but that is 20 million digits
		// spelled out, where a string belongs or in a list.
		"huge number for a string": {"\nfail_on = 1e20000000\n", `bad.hcl:2: a number past 2^64 in size`},
		"tiny number in a list":    {"baseline {\n  allowed_certificate_domains = [\"a\", -1e-20000000]\n}\n", `bad.hcl:2: a number past 2^64 in size`},
		"just under 2^-64":         {"fail_on = 5.42e-20\n", `bad.hcl:1: a number past 2^64 in size`},
		"impossible date": {"waiver {\n  rule = \"IG202\"\n  address = \"a\"\n  reason = \"r\"\n  expires = \"2027-02-30\"\n}\n",
			`bad.hcl:5: expires:`},
		"waiver unknown rule": {"waiver {\n  rule = \"IG000\"\n  address = \"a\"\n  reason = \"r\"\n}\n",
			`bad.hcl:2: unknown rule ID "IG000" in waiver`},
		"waiver no reason": {"waiver {\n  rule = \"IG202\"\n  address = \"a\"\n  reason = \"  \"\n}\n",
			`bad.hcl:4: reason must not be empty`},
		"waiver missing address": {"waiver {\n  rule = \"IG202\"\n  reason = \"r\"\n}\n",
			`bad.hcl:1: missing required argument "address"`},
		"waiver unknown key": {"waiver {\n  rule = \"IG202\"\n  address = \"a\"\n  reason = \"r\"\n  until = \"2027-01-01\"\n}\n",
			`bad.hcl:5: Unsupported argument`},
		"variable": {"fail_on = var.level\n", `bad.hcl:1: only literal values`},
		// Of the operators, a number's minus alone (round 305: "!true"
		// switched a rule off).
		"not":          {"rule \"IG202\" {\n  enabled = !true\n}\n", `bad.hcl:2: only literal values`},
		"syntax error": {"baseline {\n  password_min_length = \n}\n", `bad.hcl:2:`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Parse([]byte(tc.src), "bad.hcl")
			if err == nil {
				t.Fatalf("no error, want %q", tc.want)
			}
			if !strings.HasPrefix(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error = %q, want one line starting %q", err, tc.want)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, ".iamguard.hcl")
	if err := os.WriteFile(path, []byte("fail_on = \"high\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := Load(context.Background(), path)
	if err != nil || c.FailOn == nil || *c.FailOn != rules.High {
		t.Fatalf("Load = %+v, %v", c, err)
	}
	if _, err := Load(context.Background(), filepath.Join(dir, "missing.hcl")); !os.IsNotExist(err) {
		t.Errorf("missing file: err = %v, want not-exist", err)
	}
}

func TestWaiverExpiry(t *testing.T) {
	w := Waiver{Rule: "IG202", Address: "a", Reason: "r", Expires: time.Date(2027, 1, 31, 0, 0, 0, 0, time.UTC)}
	cases := []struct {
		now     string
		expired bool
	}{
		{"2027-01-30T12:00:00Z", false},
		{"2027-01-31T00:00:00Z", false},
		{"2027-01-31T23:59:59Z", false}, // applies through its last day
		{"2027-02-01T00:00:00Z", true},
		{"2028-06-01T00:00:00Z", true},
	}
	for _, tc := range cases {
		now, _ := time.Parse(time.RFC3339, tc.now)
		if got := w.ExpiredAt(now); got != tc.expired {
			t.Errorf("%s: expired = %v, want %v", tc.now, got, tc.expired)
		}
	}
	if w.ExpiresDate() != "2027-01-31" || (Waiver{}).ExpiresDate() != "" {
		t.Errorf("ExpiresDate = %q", w.ExpiresDate())
	}
	if (Waiver{}).ExpiredAt(time.Now()) {
		t.Error("a waiver without expiry never expires")
	}
}

func TestWaiverCovers(t *testing.T) {
	w := Waiver{Rule: "IG203", Address: "aws_iam_access_key.k", Reason: "permanent"}
	if !w.Covers("IG203", "plan.json", "aws_iam_access_key.k") {
		t.Error("exact address and rule must match")
	}
	if w.Covers("IG201", "plan.json", "aws_iam_access_key.k") {
		t.Error("other rule matched")
	}
	if w.Covers("IG203", "plan.json", "aws_iam_access_key.k2") {
		t.Error("exact address matched a longer one")
	}
}

// TestWaiverPlan: a waiver with a plan covers its address in the plans
// whose path matches, and no others; the address pattern never matches
// the plan's path, nor the plan pattern the address.
func TestWaiverPlan(t *testing.T) {
	const plan, addr = "envs/a:b/plan.json", `aws_iam_access_key.k["prod:x"]`
	for _, c := range []struct {
		plan, address string
		want          bool
	}{
		{"", addr, true},
		{plan, addr, true},
		{"envs/*/plan.json", "aws_iam_access_key.*", true},
		{"*", addr, true},
		{"envs/prod/*", addr, false},
		{"*prod*", addr, false}, // prod is in the address, not the plan
		{plan, "envs/*", false},
		{"", "*prod*:aws_iam_access_key.*", false},
		{"", plan + ":" + addr, false},
	} {
		w := Waiver{Rule: "IG202", Address: c.address, Plan: c.plan}
		if got := w.Covers("IG202", plan, addr); got != c.want {
			t.Errorf("plan %q, address %q: %v, want %v", c.plan, c.address, got, c.want)
		}
	}
	// A plan named by its absolute path, by an absolute pattern only, one
	// named through "..", by a pattern that starts so, and others by other
	// patterns (rounds 326, 327).
	for _, c := range []struct {
		pattern, plan string
		want          bool
	}{
		{"*ci/*", "/home/runner/infra-ci/envs/prod/plan.json", false},
		{"*/ci/*", "/w/envs/ci/plan.json", false},
		{"/w/envs/ci/*", "/w/envs/ci/plan.json", true},
		{"/*/ci/*", "envs/ci/plan.json", false},
		{"*ci/*", "envs/ci/plan.json", true},
		{"*ci/*", "../infra-ci/envs/prod/plan.json", false}, // round 327
		{"../infra-ci/envs/ci/*", "../infra-ci/envs/ci/plan.json", true},
	} {
		if got := (Waiver{Rule: "IG202", Address: "*", Plan: c.pattern}).Covers("IG202", c.plan, addr); got != c.want {
			t.Errorf("plan %q, pattern %q: %v, want %v", c.plan, c.pattern, got, c.want)
		}
	}
	cfg, err := Parse([]byte("waiver {\n  rule = \"IG202\"\n  address = \"a\"\n  plan = \"envs/prod/*\"\n  reason = \"r\"\n}\n"), "c.hcl")
	if err != nil || len(cfg.Waivers) != 1 || cfg.Waivers[0].Plan != "envs/prod/*" {
		t.Fatalf("a waiver's plan: %v, %+v", err, cfg)
	}
	// Written as the path was given, it is cleaned as the run cleans the
	// path it matches (round 118).
	cfg, err = Parse([]byte("waiver {\n  rule = \"IG202\"\n  address = \"a\"\n  plan = \"./envs/ci/../prod/plan.json\"\n  reason = \"r\"\n}\n"), "c.hcl")
	if err != nil || len(cfg.Waivers) != 1 || !cfg.Waivers[0].Covers("IG202", filepath.Clean("./envs/prod/plan.json"), "a") {
		t.Fatalf("a waiver's plan given with ./: %v, %+v", err, cfg)
	}
}

func TestBaselineAndSwitches(t *testing.T) {
	c, err := Parse([]byte("baseline {\n password_min_length = 8\n}\nrule \"IG110\" { enabled = false }\n"), "c.hcl")
	if err != nil {
		t.Fatal(err)
	}
	if c.Baseline.PasswordMinLength != 8 || c.Baseline.PasswordReusePrevention != 24 {
		t.Errorf("baseline = %+v", c.Baseline)
	}
	if !c.Disabled["IG110"] || c.Disabled["IG101"] {
		t.Errorf("disabled = %v", c.Disabled)
	}
	// null leaves a setting's default, as the provider's baseline block
	// does (round 116).
	c, err = Parse([]byte("baseline {\n min_rsa_bits = null\n allowed_certificate_domains = null\n password_min_length = 20\n}\n"), "c.hcl")
	if err != nil {
		t.Fatalf("null settings: %v", err)
	}
	if c.Baseline.MinRSABits != rules.DefaultBaseline().MinRSABits || c.Baseline.AllowedCertificateDomains != nil || c.Baseline.PasswordMinLength != 20 {
		t.Errorf("null settings: %+v", c.Baseline)
	}
}

// TestLimits: hostile files are refused with one line naming the limit
// before the HCL parser, which recurses per level, can overflow the stack.
func TestLimits(t *testing.T) {
	const n = 100_000
	deep := map[string]string{
		"brackets":   "fail_on = " + strings.Repeat("[", n) + strings.Repeat("]", n),
		"blocks":     strings.Repeat("a {\n", n/10) + strings.Repeat("}\n", n/10),
		"parens":     "fail_on = " + strings.Repeat("(", n) + "1" + strings.Repeat(")", n),
		"templates":  "fail_on = " + strings.Repeat(`"${`, n/10) + "1" + strings.Repeat(`}"`, n/10),
		"negations":  "fail_on = " + strings.Repeat("!", n) + "true",
		"minus":      "fail_on = " + strings.Repeat("-", n) + "1",
		"sums":       "fail_on = " + strings.Repeat("1 + ", n/10) + "1",
		"conditions": "fail_on = " + strings.Repeat("true ? 1 : ", n/10) + "1",
		"traversal":  "fail_on = a" + strings.Repeat(".b", n),
		"index":      "fail_on = a" + strings.Repeat("[0]", n/2),
	}
	for name, src := range deep {
		t.Run(name, func(t *testing.T) {
			_, err := Parse([]byte(src+"\n"), "deep.hcl")
			if err == nil || !strings.HasPrefix(err.Error(), "deep.hcl:") ||
				!strings.Contains(err.Error(), "nesting deeper than the limit of 64 levels") {
				t.Errorf("error = %v, want the nesting limit", err)
			}
		})
	}
	// To the level: a block and 63 brackets are 64 levels, one bracket
	// more is past the limit.
	for brackets, refused := range map[int]bool{63: false, 64: true} {
		src := "baseline {\n  allowed_certificate_domains = " + strings.Repeat("[", brackets) + strings.Repeat("]", brackets) + "\n}\n"
		_, err := Parse([]byte(src), "deep.hcl")
		if got := err != nil && strings.Contains(err.Error(), "deep.hcl:2: config nesting deeper than the limit of 64 levels"); got != refused {
			t.Errorf("a block and %d brackets: error = %v, want the nesting limit %v", brackets, err, refused)
		}
	}
	// HCL joins a string's parts in time that grows with the square of
	// their number: a heredoc of many lines, or escapes, past
	// MaxStringParts are refused. A long reason in fewer lines is not.
	waiver := func(reason string) string {
		return "waiver {\n  rule = \"IG202\"\n  address = \"a\"\n  reason = " + reason + "\n}\n"
	}
	for name, src := range map[string]string{
		"heredoc": waiver("<<EOT\n" + strings.Repeat("\n", MaxStringParts+1) + "EOT"),
		"escapes": "fail_on = \"" + strings.Repeat("$${", MaxStringParts+1) + "\"\n",
		// An interpolation between runs of lines does not start a new count.
		"interpolations": waiver("<<EOT\n" + strings.Repeat(strings.Repeat("\n", MaxStringParts/10)+"${1}\n", 11) + "EOT"),
	} {
		if _, err := Parse([]byte(src), "s.hcl"); err == nil || !strings.HasPrefix(err.Error(), "s.hcl:") || !strings.Contains(err.Error(), "more than 1000 lines or parts") {
			t.Errorf("%s: err = %v, want the string's parts bounded", name, err)
		}
	}
	if _, err := Parse([]byte(waiver("<<EOT\n"+strings.Repeat("a\n", MaxStringParts/2)+"EOT")), "s.hcl"); err != nil {
		t.Errorf("a reason of %d lines: %v", MaxStringParts/2, err)
	}
	// HCL makes a list of strings in time that grows with the square of
	// its length: past MaxListItems, refused; up to it, read.
	domains := func(n int) string {
		return "baseline {\n  allowed_certificate_domains = [" + strings.Repeat("1,", n) + "]\n}\n"
	}
	if _, err := Parse([]byte(domains(MaxListItems+1)), "l.hcl"); err == nil || !strings.HasPrefix(err.Error(), "l.hcl:2") || !strings.Contains(err.Error(), "more than 1000 items") {
		t.Errorf("a list of %d items: err = %v, want the list bounded", MaxListItems+1, err)
	}
	if c, err := Parse([]byte(domains(MaxListItems)), "l.hcl"); err != nil || len(c.Baseline.AllowedCertificateDomains) != MaxListItems {
		t.Errorf("a list of %d items: %v", MaxListItems, err)
	}

	// A waiver's patterns are matched against every finding: bounded.
	long := strings.Repeat("x", MaxPattern+1)
	for _, attr := range []string{"address", "plan"} {
		src := "waiver {\n  rule = \"IG202\"\n  reason = \"r\"\n  address = \"a\"\n  " + attr + " = \"" + long + "\"\n}\n"
		if attr == "address" {
			src = "waiver {\n  rule = \"IG202\"\n  reason = \"r\"\n  address = \"" + long + "\"\n}\n"
		}
		if _, err := Parse([]byte(src), "w.hcl"); err == nil || !strings.HasPrefix(err.Error(), "w.hcl:") || !strings.Contains(err.Error(), "longer than 1024 bytes") {
			t.Errorf("a waiver %s of %d bytes: %v", attr, len(long), err)
		}
	}
	// Each star costs a search of the address: at most MaxStars, runs of
	// stars counted once.
	for _, attr := range []string{"address", "plan"} {
		for stars, ok := range map[string]bool{strings.Repeat("a*", MaxStars): true, strings.Repeat("a**", MaxStars) + "*": true,
			strings.Repeat("a*", MaxStars+1): false} {
			src := "waiver {\n  rule = \"IG202\"\n  reason = \"r\"\n  address = \"a\"\n  " + attr + " = \"" + stars + "\"\n}\n"
			if attr == "address" {
				src = "waiver {\n  rule = \"IG202\"\n  reason = \"r\"\n  address = \"" + stars + "\"\n}\n"
			}
			_, err := Parse([]byte(src), "w.hcl")
			if ok && err != nil || !ok && (err == nil || !strings.Contains(err.Error(), "w.hcl:") ||
				!strings.Contains(err.Error(), attr+": more than 16 wildcards (*)")) {
				t.Errorf("a waiver %s %q: %v", attr, stars, err)
			}
		}
	}
	reason := "waiver {\n  rule = \"IG202\"\n  address = \"a\"\n  reason = \"" + strings.Repeat("r", MaxReason+1) + "\"\n}\n"
	if _, err := Parse([]byte(reason), "w.hcl"); err == nil || !strings.Contains(err.Error(), "w.hcl:4: reason: longer than 1024 bytes") {
		t.Errorf("a reason of %d bytes: %v", MaxReason+1, err)
	}
	many := strings.Repeat("waiver {\n  rule = \"IG202\"\n  address = \"*x\"\n  reason = \"r\"\n}\n", MaxWaivers+1)
	if _, err := Parse([]byte(many), "w.hcl"); err == nil || !strings.HasPrefix(err.Error(), fmt.Sprintf("w.hcl:%d:", 5*MaxWaivers+2)) ||
		!strings.Contains(err.Error(), "more than 200 waivers") {
		t.Errorf("%d waivers: %v", MaxWaivers+1, err)
	}
	if _, err := Parse([]byte("waiver {\n  rule = \"IG202\"\n  address = \"a\"\n  plan = \"\"\n  reason = \"r\"\n}\n"), "w.hcl"); err == nil ||
		!strings.Contains(err.Error(), "w.hcl:4: plan: empty") {
		t.Errorf("an empty plan: %v", err)
	}
	// Only literals: HCL's templates, for expressions and operators
	// evaluate to unbounded work from a few bytes.
	for name, src := range map[string]string{
		"template loops":                         `fail_on = "%{for a in [0, 1, 2]}%{for b in [0, 1]}x%{endfor}%{endfor}"`,
		"interpolation":                          `fail_on = "${"high"}"`,
		"interpolation of a literal in a string": `fail_on = "hi${"gh"}"`,
		"for expression":                         "baseline {\n  allowed_certificate_domains = [for d in [\"a\", \"b\"] : d]\n}",
		"arithmetic":                             "baseline {\n  min_rsa_bits = 1024 * 2\n}",
		"conditional":                            `fail_on = true ? "high" : "low"`,
		"function call":                          `fail_on = lower("HIGH")`,
	} {
		if _, err := Parse([]byte(src+"\n"), "expr.hcl"); err == nil || !strings.Contains(err.Error(), "expr.hcl:") ||
			!strings.Contains(err.Error(), "only literal values") {
			t.Errorf("%s: error %v, want only literals", name, err)
		}
	}
	lits := "fail_on = \"high\"\nbaseline {\n  min_rsa_bits = 4096\n  allowed_certificate_domains = [\"*.example.com\"]\n}\nrule \"IG110\" {\n  enabled = false\n}\n"
	if _, err := Parse([]byte(lits), "lits.hcl"); err != nil {
		t.Errorf("literals refused: %v", err)
	}
	// Brackets in strings and comments are not nesting, and every item of
	// a list or block starts afresh.
	items := "baseline {\n  min_rsa_bits = " + strings.Repeat("-", 40) + "1\n  password_min_length = " + strings.Repeat("-", 40) + "1\n}\n"
	// (40 minus signs are refused, as any expression but a literal is:
	// not as nesting past the limit.)
	if _, err := Parse([]byte(items), "items.hcl"); err == nil || strings.Contains(err.Error(), "nesting") {
		t.Errorf("items counted together: %v", err)
	}
	ok := "# " + strings.Repeat("[", 1000) + "\n" +
		"waiver {\n  rule = \"IG202\"\n  address = \"" + strings.Repeat("[", 1000) + "\"\n  reason = \"r\"\n}\n" +
		"baseline {\n  allowed_certificate_domains = [" + strings.Repeat("\"*.example.com\", ", 1000) + "]\n}\n"
	if _, err := Parse([]byte(ok), "ok.hcl"); err != nil {
		t.Errorf("a valid file is refused: %v", err)
	}

	big := filepath.Join(t.TempDir(), "big.hcl")
	os.WriteFile(big, []byte("# "+strings.Repeat("x", MaxFileSize)), 0o600)
	if _, err := Load(context.Background(), big); err == nil || err.Error() != big+": config file larger than the 256 KiB limit" {
		t.Errorf("oversized file: %v", err)
	}
}

func TestWeakerThanDefaults(t *testing.T) {
	c, err := Parse([]byte(`
baseline {
  password_min_length   = 8    # weaker: lower
  password_max_age_days = 365  # weaker: higher
  min_rsa_bits          = 4096 # stricter
  access_key_max_age_days = 90 # the default
}
rule "IG202" { enabled = false }
rule "IG110" { enabled = false }
rule "IG101" { enabled = true }
`), "x.hcl")
	if err != nil {
		t.Fatal(err)
	}
	want := []Weakened{{"password_min_length", 8, 14}, {"password_max_age_days", 365, 90}}
	if got := c.WeakerBaseline(); !reflect.DeepEqual(got, want) {
		t.Errorf("WeakerBaseline = %+v, want %+v", got, want)
	}
	if got := c.DisabledRules(); !reflect.DeepEqual(got, []string{"IG110", "IG202"}) {
		t.Errorf("DisabledRules = %v", got)
	}
	if d := Default(); d.WeakerBaseline() != nil || d.DisabledRules() != nil || d.File != "" {
		t.Errorf("the defaults are reported weaker: %+v", d)
	}
}
