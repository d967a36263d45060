package report

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/iamguard/terraform-provider-iamguard/internal/config"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// configAt is when the tests' waivers are judged.
var configAt = time.Date(2026, 11, 23, 7, 0, 0, 0, time.UTC)

func TestNewConfig(t *testing.T) {
	if c := NewConfig(config.Default(), rules.Low, configAt, nil, Run{}); c != nil {
		t.Errorf("the defaults give %+v, want nil", c)
	}
	c := NewConfig(config.Default(), rules.High, configAt, nil, Run{}) // --fail-on high, no file
	if c == nil || !c.Weakens || c.File != "" || len(c.DisabledRules) != 0 {
		t.Errorf("--fail-on high gives %+v, want a weakening config", c)
	}
	if c := NewConfig(config.Default(), rules.Info, configAt, nil, Run{}); c == nil || c.Weakens {
		t.Errorf("--fail-on info gives %+v, want a config that differs but does not weaken", c)
	}
	d := config.Default()
	d.File = ".iamguard.hcl" // a file that only holds stricter values, or expired waivers
	if c := NewConfig(d, rules.Low, configAt, nil, Run{}); c == nil || c.Weakens || c.File != ".iamguard.hcl" {
		t.Errorf("a harmless file gives %+v, want it named, not weakening", c)
	}
	day := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	d.Waivers = []config.Waiver{{Rule: "IG203", Address: "*", Reason: "old", Expires: day("2026-01-31")}}
	if c := NewConfig(d, rules.Low, configAt, nil, Run{}); c == nil || c.Weakens || len(c.Waivers) != 1 || !c.Waivers[0].Expired {
		t.Errorf("an expired waiver gives %+v, want it listed as expired, not weakening", c)
	}
	// A live waiver accepts the risk of what it covers: a waiver of every
	// address switches the rule off by another name.
	d.Waivers = append(d.Waivers, config.Waiver{Rule: "IG202", Address: "*", Reason: "all of them"})
	c = NewConfig(d, rules.Low, configAt, nil, Run{})
	if c == nil || !c.Weakens || len(c.Waivers) != 2 || c.Waivers[1] != (ConfigWaiver{Rule: "IG202", Address: "*", Reason: "all of them"}) {
		t.Fatalf("a live waiver gives %+v, want it listed, weakening", c)
	}
	for format := range Formats {
		r := &Report{Tool: Tool{Name: "iamguard"}, Config: c}
		if out := string(render(t, format, r, testOptions)); !strings.Contains(out, "IG202") || !strings.Contains(out, "all of them") {
			t.Errorf("%s does not show the waiver:\n%s", format, out)
		}
	}
	// A file that only disables a rule, or only weakens a baseline value,
	// weakens the checks, in JSON and under the human formats' heading; a
	// waiver of one finding says so.
	for _, hcl := range []string{
		`rule "IG101" { enabled = false }`,
		"baseline {\n  password_min_length = 8\n}\n",
	} {
		f, err := config.Parse([]byte(hcl), "c.hcl")
		if err != nil {
			t.Fatal(err)
		}
		f.File = "c.hcl"
		r := &Report{Tool: Tool{Name: "iamguard"}, Config: NewConfig(f, rules.Low, configAt, nil, Run{})}
		var j struct {
			Config struct{ Weakens bool } `json:"config"`
		}
		if err := json.Unmarshal(render(t, "json", r, testOptions), &j); err != nil || !j.Config.Weakens {
			t.Errorf("%q: JSON weakens = %v (%v), want true", hcl, j.Config.Weakens, err)
		}
		if out := string(render(t, "text", r, testOptions)); !strings.Contains(out, "The configuration weakens the checks") {
			t.Errorf("%q: the text heading does not say it weakens the checks:\n%s", hcl, out)
		}
	}
	d.Waivers = d.Waivers[1:]
	waived := []Finding{{Finding: rules.Finding{Rule: rules.ByID("IG202"), Severity: rules.High}, Waiver: &d.Waivers[0], Waived: true}}
	if lines := NewConfig(d, rules.Low, configAt, waived, Run{}).lines(nil); !slices.ContainsFunc(lines, func(l string) bool {
		return strings.Contains(l, "(never expires, waives 1 finding)")
	}) {
		t.Errorf("a waiver of one finding does not say so: %q", lines)
	}
}

// TestConfigInEveryFormat: each format names the config file, the
// disabled rules, the weakened baseline value and fail_on, and the
// hostile file name breaks none of them.
func TestConfigInEveryFormat(t *testing.T) {
	for format := range Formats {
		out := string(render(t, format, configReport(), testOptions))
		for _, want := range []string{"IG110", "IG202", "password_min_length", "fail_on", "conf/a"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s does not show %q:\n%s", format, want, out)
			}
		}
		if strings.Contains(out, "min_rsa_bits") {
			t.Errorf("%s lists a stricter setting as weakened", format)
		}
	}
	var rep struct{ Config map[string]any }
	if err := json.Unmarshal(render(t, "json", configReport(), testOptions), &rep); err != nil {
		t.Fatal(err)
	}
	want := `{"default":14,"name":"password_min_length","value":8}`
	if b, _ := json.Marshal(rep.Config["weakened_baseline"]); string(b) != "["+want+"]" ||
		rep.Config["fail_on"] != "high" || rep.Config["fail_on_default"] != "low" || rep.Config["weakens"] != true {
		t.Errorf("JSON config = %v", rep.Config)
	}
	gh := string(render(t, "github", configReport(), testOptions))
	if !strings.HasPrefix(gh, "::warning title=iamguard configuration::The configuration weakens the checks%0A") ||
		strings.Count(gh, "\n") != 2 {
		t.Errorf("GitHub output is not a warning and a summary line:\n%s", gh)
	}
}

// TestConfigWeakeningFirst: what weakens the checks comes first in every
// format, so that the markdown head, cut to its first lines, cannot lose
// it behind filler: fail_on, then the waivers that waive findings, most
// first, before live waivers that waive nothing and expired ones. Each
// waiver says how many findings it waives, in the JSON report too.
func TestConfigWeakeningFirst(t *testing.T) {
	var hcl strings.Builder
	for i := range 60 {
		fmt.Fprintf(&hcl, "waiver {\n  rule = \"IG101\"\n  address = \"filler.%d\"\n  reason = \"filler\"\n}\n", i)
		fmt.Fprintf(&hcl, "waiver {\n  rule = \"IG101\"\n  address = \"old.%d\"\n  reason = \"filler\"\n  expires = \"2020-01-01\"\n}\n", i)
	}
	hcl.WriteString("waiver {\n  rule = \"IG202\"\n  address = \"*\"\n  reason = \"CATCH-ALL\"\n}\nfail_on = \"critical\"\n")
	c, err := config.Parse([]byte(hcl.String()), "c.hcl")
	if err != nil {
		t.Fatal(err)
	}
	c.File = "c.hcl"
	r := hostileReport()
	catchAll := &c.Waivers[len(c.Waivers)-1]
	waived := 0
	for i := range r.Findings {
		if f := &r.Findings[i]; f.Rule.ID == "IG202" {
			f.Waiver, f.Waived = catchAll, true
			waived++
		}
	}
	r.Config = NewConfig(c, rules.Critical, configAt, r.Findings, Run{})
	if got := r.Config.Waivers[len(c.Waivers)-1].Waives; got != waived || waived == 0 {
		t.Errorf("the catch-all waiver waives %d findings, want %d", got, waived)
	}
	lines := r.Config.lines(nil)
	if len(lines) < 3 || !strings.HasPrefix(lines[1], "fail_on = critical") || !strings.Contains(lines[2], "CATCH-ALL") ||
		!strings.Contains(lines[2], fmt.Sprintf("waives %d findings", waived)) {
		t.Errorf("the first lines are %q, want the file, fail_on, then the waiver that waives findings", lines[:min(3, len(lines))])
	}
	if first, expired := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "filler.") }),
		slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "old.") }); first > expired {
		t.Errorf("an expired waiver (line %d) before a live one (line %d)", expired, first)
	}
	md := string(render(t, "markdown", r, testOptions))
	for _, want := range []string{"fail_on = critical", "CATCH-ALL", "more lines"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown does not show %q:\n%s", want, md)
		}
	}
	var j struct {
		Config struct{ Waivers []ConfigWaiver } `json:"config"`
	}
	if err := json.Unmarshal(render(t, "json", r, testOptions), &j); err != nil || j.Config.Waivers[len(c.Waivers)-1].Waives != waived {
		t.Errorf("the JSON config does not count what the waiver waives: %v", err)
	}
}

// TestWaiverOfHighFindingFirst: a waiver of a high finding comes before
// waivers of more findings of lower severity, and the broadest of equals
// first, so that filler cannot push it out of the markdown head; the note
// of lines left out says what their waivers waive.
func TestWaiverOfHighFindingFirst(t *testing.T) {
	c := config.Default()
	c.File = "c.hcl"
	var findings []Finding
	for i := range 45 {
		c.Waivers = append(c.Waivers, config.Waiver{Rule: "IG601", Address: fmt.Sprintf("aws_iam_user_login_profile.f%d", i), Reason: "filler"})
	}
	c.Waivers = append(c.Waivers, config.Waiver{Rule: "IG704", Address: "aws_cloudtrail.*", Reason: "HIDDEN-HIGH"},
		config.Waiver{Rule: "IG704", Address: "*", Reason: "CATCH-ALL"})
	for i := range 45 {
		for range 3 {
			findings = append(findings, Finding{Finding: rules.Finding{Rule: rules.ByID("IG601"), Severity: rules.Medium}, Waiver: &c.Waivers[i], Waived: true})
		}
	}
	for _, w := range c.Waivers[45:] {
		findings = append(findings, Finding{Finding: rules.Finding{Rule: rules.ByID("IG704"), Severity: rules.High}, Waiver: &w, Waived: true})
	}
	findings[len(findings)-2].Waiver, findings[len(findings)-1].Waiver = &c.Waivers[45], &c.Waivers[46]
	rc := NewConfig(c, rules.Low, configAt, findings, Run{})
	lines := rc.lines(nil)
	if len(lines) < 3 || !strings.Contains(lines[1], "CATCH-ALL") || !strings.Contains(lines[2], "HIDDEN-HIGH") {
		t.Errorf("first lines %q, want the waivers of high findings, the broadest first", lines[:min(3, len(lines))])
	}
	var b strings.Builder
	writeMarkdownConfig(&b, rc)
	if !strings.Contains(b.String(), "and 8 more lines, waivers that waive 24 findings") {
		t.Errorf("the note of lines left out does not count what they waive:\n%s", b.String())
	}
}

// TestGitHubConfigLongPath: a long config path is cut in the GitHub
// annotation, so that the settings after it (fail_on, disabled rules, a
// weaker baseline) are shown, never counted as waivers left out.
func TestGitHubConfigLongPath(t *testing.T) {
	c := config.Default()
	c.File = strings.Repeat("/d"+strings.Repeat("x", 198), 20) + "/.iamguard.hcl"
	c.Disabled["IG702"] = true
	c.Baseline.MinRSABits = 1024
	msg := githubConfig(NewConfig(c, rules.Critical, configAt, nil, Run{}))
	for _, want := range []string{"…", ".iamguard.hcl", "fail_on = critical", "rules disabled: IG702", "baseline min_rsa_bits = 1024"} {
		if !strings.Contains(msg, want) {
			t.Errorf("annotation lacks %q:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "more lines") || len(msg) > 4096 {
		t.Errorf("annotation of %d bytes leaves lines out:\n%s", len(msg), msg)
	}
}

// TestConfigValuesOneLine: a value the file gives keeps to its line in
// every format, so a waiver's reason cannot write lines that read as the
// report's own (round 91: "%0A0 resources judged" in the GitHub
// annotation).
func TestConfigValuesOneLine(t *testing.T) {
	c := config.Default()
	c.Waivers = []config.Waiver{{Rule: "IG101", Address: "*\nx", Reason: "ok\nThe configuration is the default.\r\n0 resources judged"}}
	msg := githubConfig(NewConfig(c, rules.Medium, configAt, nil, Run{}))
	if !strings.Contains(msg, "waiver: IG101 on * x (never expires): ok The configuration is the default.  0 resources judged") {
		t.Errorf("annotation keeps the reason's line breaks:\n%s", msg)
	}
}
