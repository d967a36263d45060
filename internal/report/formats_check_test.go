package report

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/iamguard/terraform-provider-iamguard/internal/config"
	"github.com/iamguard/terraform-provider-iamguard/internal/lint"
	"github.com/iamguard/terraform-provider-iamguard/internal/plan"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// sarifSchema compiles the OASIS SARIF 2.1.0 schema kept beside the clone.
// That copy keeps the log's own schema in definitions/Root (its top level
// only holds definitions), so that is what documents are checked against.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	path := filepath.Join("..", "..", "..", "shared", "schemas", "sarif-schema-2.1.0.json")
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("the SARIF schema must be at %s (shared/ beside the clone): %v", path, err)
	}
	defer f.Close()
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft7
	c.AssertFormat = true
	const url = "https://json.schemastore.org/sarif-2.1.0.json"
	if err := c.AddResource(url, f); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url + "#/definitions/Root")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	schema := sarifSchema(t)
	for name, build := range fixtures {
		for _, opt := range []Options{{}, testOptions, {ArtifactURI: `plans\windows path\tfplan.json`}, {ArtifactURI: "/run/temp/my plan.json"}} {
			out := render(t, "sarif", build(), opt)
			var doc any
			if err := json.Unmarshal(out, &doc); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if err := schema.Validate(doc); err != nil {
				t.Errorf("%s with %+v: not valid SARIF 2.1.0: %#v", name, opt, err)
			}
		}
	}
	// A run over plans, one of them not read, under a configuration.
	merged := Merge([]PlanReport{{Path: "a.json", Report: hostileReport()}, {Path: "b.json", Err: errors.New("not JSON")}}, "test")
	merged.Config = configReport().Config
	var doc any
	if err := json.Unmarshal(render(t, "sarif", merged, testOptions), &doc); err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Errorf("a run with a plan not read: not valid SARIF 2.1.0: %#v", err)
	}
	// A broken document must fail, or the check above proves nothing.
	if err := schema.Validate(map[string]any{"version": "2.1.0", "runs": []any{map[string]any{"results": []any{}}}}); err == nil {
		t.Error("the schema accepted a run without a tool")
	}
}

func TestSARIFContent(t *testing.T) {
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID         string
						Name       string
						Help       struct{ Text, Markdown string }
						Properties map[string]any
					}
				}
			}
			Results []struct {
				RuleID    string
				RuleIndex int
				Level     string
				Locations []struct {
					PhysicalLocation *struct{ ArtifactLocation struct{ URI string } }
					LogicalLocations []struct{ FullyQualifiedName, Kind string }
				}
				Suppressions []struct{ Kind, Status, Justification string }
				Properties   map[string]any
			}
		}
	}
	if err := json.Unmarshal(render(t, "sarif", hostileReport(), testOptions), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	run := log.Runs[0]
	// The whole catalogue, then IG601/info: IG601 is medium, its finding
	// here info, and code scanning reads an alert's severity from its rule.
	if got, want := len(run.Tool.Driver.Rules), len(rules.All())+1; got != want {
		t.Errorf("driver lists %d rules, want the whole catalogue and IG601/info (%d)", got, want)
	}
	for _, r := range run.Tool.Driver.Rules {
		id, sev, variant := strings.Cut(r.ID, "/")
		rule := rules.ByID(id)
		want := rule.Severity
		if variant {
			want, _ = rules.ParseSeverity(sev)
		}
		if r.Name != rule.Slug || !strings.Contains(r.Help.Markdown, "Terraform:") || !strings.Contains(r.Help.Text, "CLI:") {
			t.Errorf("rule %s: name %q, help %+v", r.ID, r.Name, r.Help)
		}
		if r.Properties["security-severity"] != securitySeverity[want] || r.Properties["severity"] != want.String() {
			t.Errorf("rule %s: security-severity %v, severity %v", r.ID, r.Properties["security-severity"], r.Properties["severity"])
		}
	}
	if last := run.Tool.Driver.Rules[len(run.Tool.Driver.Rules)-1]; last.ID != "IG601/info" {
		t.Errorf("last rule %s, want IG601/info", last.ID)
	}
	want := []struct {
		rule, level, addr string
		waived            bool
	}{
		{"IG101", "error", addrPolicy, false},
		{"IG202", "error", addrHostile, false},
		{"IG203", "warning", addrHostile, false},
		{"IG202", "error", addrKey, true},
		{"IG601/info", "note", addrLogin, false},
	}
	if len(run.Results) != len(want) {
		t.Fatalf("%d results, want %d", len(run.Results), len(want))
	}
	for i, w := range want {
		res := run.Results[i]
		if res.RuleID != w.rule || res.Level != w.level || run.Tool.Driver.Rules[res.RuleIndex].ID != w.rule {
			t.Errorf("result %d: rule %s (index %d) level %s, want %s %s", i, res.RuleID, res.RuleIndex, res.Level, w.rule, w.level)
		}
		loc := res.Locations[0]
		if ll := loc.LogicalLocations[0]; ll.FullyQualifiedName != w.addr || ll.Kind != "resource" {
			t.Errorf("result %d: logical location %+v, want %q", i, ll, w.addr)
		}
		if loc.PhysicalLocation == nil || loc.PhysicalLocation.ArtifactLocation.URI != "plans/my%20plan.json" {
			t.Errorf("result %d: physical location %+v", i, loc.PhysicalLocation)
		}
		if got := len(res.Suppressions) > 0; got != w.waived {
			t.Errorf("result %d: suppressed %v, want %v", i, got, w.waived)
		}
	}
	if s := run.Results[3].Suppressions[0]; s.Kind != "external" || s.Status != "accepted" || !strings.HasPrefix(s.Justification, "legacy CI key") {
		t.Errorf("suppression %+v", s)
	}
	if p := run.Results[2].Properties; p["waiver_expired"] != "2026-10-01" {
		t.Errorf("expired waiver not reported: %v", p)
	}

	// Without a plan file name, results carry no physical location.
	var bare struct {
		Runs []struct {
			Results []struct{ Locations []map[string]any }
		}
	}
	if err := json.Unmarshal(render(t, "sarif", hostileReport(), Options{}), &bare); err != nil {
		t.Fatal(err)
	}
	if pl, ok := bare.Runs[0].Results[0].Locations[0]["physicalLocation"]; ok {
		t.Errorf("physical location %+v without ArtifactURI", pl)
	}
}

// TestPlanOutsideRepository: a plan outside the working directory (under
// $RUNNER_TEMP) is a file URI in SARIF, whose every result GitHub code
// scanning needs to name a file; an annotation names no file for it.
func TestPlanOutsideRepository(t *testing.T) {
	cases := map[string]string{"/run/temp/my plan.json": "file:///run/temp/my%20plan.json"}
	if runtime.GOOS == "windows" {
		cases["C:/run/temp/plan.json"] = "file:///C:/run/temp/plan.json"
	} else {
		cases["C:/plan.json"] = "./C:/plan.json" // a directory named C:
	}
	for path, want := range cases {
		var log struct {
			Runs []struct {
				Results []struct {
					Locations []struct {
						PhysicalLocation struct{ ArtifactLocation struct{ URI string } }
					}
				}
			}
		}
		if err := json.Unmarshal(render(t, "sarif", hostileReport(), Options{ArtifactURI: path}), &log); err != nil {
			t.Fatal(err)
		}
		for i, res := range log.Runs[0].Results {
			if got := res.Locations[0].PhysicalLocation.ArtifactLocation.URI; got != want {
				t.Errorf("%s: result %d: artifact %q, want %q", path, i, got, want)
			}
		}
		if out := string(render(t, "github", hostileReport(), Options{ArtifactURI: path})); strings.Contains(out, "file=") != !absolute(path) {
			t.Errorf("%s: an annotation names a file outside the repository:\n%s", path, out)
		}
	}
}

// JUnit as a consumer reads it, declared independently of the writer's types.
type parsedSuites struct {
	Tests    int `xml:"tests,attr"`
	Failures int `xml:"failures,attr"`
	Skipped  int `xml:"skipped,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Skipped  int    `xml:"skipped,attr"`
		Cases    []struct {
			Name    string `xml:"name,attr"`
			Failure *struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			Skipped *struct {
				Message string `xml:"message,attr"`
			} `xml:"skipped"`
			SystemOut string `xml:"system-out"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func parseJUnit(t *testing.T, out []byte) parsedSuites {
	t.Helper()
	var doc parsedSuites
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = true
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("JUnit output does not parse: %v\n%s", err, out)
	}
	return doc
}

func TestJUnitParses(t *testing.T) {
	pinCatalogue(t)
	doc := parseJUnit(t, render(t, "junit", hostileReport(), testOptions))
	if doc.Tests != 8 || doc.Failures != 3 || doc.Skipped != 1 {
		t.Errorf("totals tests=%d failures=%d skipped=%d, want 8, 3, 1", doc.Tests, doc.Failures, doc.Skipped)
	}
	type outcome struct{ failure, skipped, out string }
	got := map[string]outcome{}
	for _, s := range doc.Suites {
		fails, skips := 0, 0
		for _, c := range s.Cases {
			var o outcome
			if c.Failure != nil {
				fails++
				o.failure = c.Failure.Type + ": " + c.Failure.Message
			}
			if c.Skipped != nil {
				skips++
				o.skipped = c.Skipped.Message
			}
			o.out = c.SystemOut
			got[strings.Fields(s.Name)[0]+" "+c.Name] = o
		}
		if s.Tests != len(s.Cases) || s.Failures != fails || s.Skipped != skips {
			t.Errorf("suite %s: counts %d/%d/%d do not match its testcases", s.Name, s.Tests, s.Failures, s.Skipped)
		}
	}
	// The hostile address survives the round trip; only the escape
	// character, which XML 1.0 cannot hold, is spelled out.
	hostile := strings.ReplaceAll(addrHostile, "\x1b", `\u001b`)
	checks := map[string]func(outcome) bool{
		"IG101 " + addrPolicy: func(o outcome) bool { return strings.HasPrefix(o.failure, "high: minimum_password_length is 8") },
		"IG110 " + addrPolicy: func(o outcome) bool { return o == outcome{} },
		"IG202 " + hostile:    func(o outcome) bool { return strings.HasPrefix(o.failure, "high: pgp_key is not set") },
		"IG202 " + addrKey:    func(o outcome) bool { return o.skipped == "waived: legacy CI key | SEC-123 <b>bold</b> ::warning::x" }, // on one line
		"IG203 " + hostile:    func(o outcome) bool { return strings.HasPrefix(o.failure, "medium: user ") },
		"IG203 " + addrKey:    func(o outcome) bool { return o == outcome{} },
		// Info is below --fail-on low: it passes, with the finding in system-out.
		"IG601 " + addrLogin: func(o outcome) bool { return o.failure == "" && strings.Contains(o.out, "INFO IG601") },
		"IG703 " + addrTrail: func(o outcome) bool { return o == outcome{} },
	}
	for key, ok := range checks {
		o, found := got[key]
		if !found {
			t.Errorf("no testcase %q", key)
		} else if !ok(o) {
			t.Errorf("testcase %q: %+v", key, o)
		}
	}
	if len(got) != len(checks) {
		t.Errorf("%d testcases, want %d", len(got), len(checks))
	}

	// FailOn info turns the info finding into a failure.
	doc = parseJUnit(t, render(t, "junit", hostileReport(), Options{FailOn: rules.Info}))
	if doc.Failures != 4 {
		t.Errorf("with FailOn info, %d failures, want 4", doc.Failures)
	}
	// A disabled rule gets no suite.
	r := hostileReport()
	r.Disabled = map[string]bool{"IG110": true}
	for _, s := range parseJUnit(t, render(t, "junit", r, testOptions)).Suites {
		if strings.HasPrefix(s.Name, "IG110") {
			t.Error("disabled rule IG110 has a suite")
		}
	}
}

var commandLine = regexp.MustCompile(`^::(error|warning|notice) ([^:\r\n]*)::([^\r\n]*)$`)

// commandProps splits a workflow command's properties (k=v,k=v).
func commandProps(s string) map[string]string {
	props := map[string]string{}
	for _, kv := range strings.Split(s, ",") {
		k, v, _ := strings.Cut(kv, "=")
		props[k] = unescapeData(v)
	}
	return props
}

// unescapeData reverses the runner's escaping of workflow command data.
func unescapeData(s string) string {
	return strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%").Replace(s)
}

func TestGitHubCommands(t *testing.T) {
	r := hostileReport()
	lines := strings.Split(strings.TrimSuffix(string(render(t, "github", r, testOptions)), "\n"), "\n")
	if len(lines) != len(r.Findings)+1 {
		t.Fatalf("%d lines, want one per finding and a summary:\n%s", len(lines), strings.Join(lines, "\n"))
	}
	wantCmd := []string{"error", "error", "warning", "notice", "notice"}
	order, _ := worstFirst(r.Findings) // waived last
	for i, at := range order {
		f := r.Findings[at]
		m := commandLine.FindStringSubmatch(lines[i])
		if m == nil {
			t.Fatalf("line %d is not one well-formed workflow command: %q", i, lines[i])
		}
		if m[1] != wantCmd[i] {
			t.Errorf("line %d: ::%s, want ::%s", i, m[1], wantCmd[i])
		}
		props := commandProps(m[2])
		if title := props["title"]; !strings.HasPrefix(title, f.Rule.ID+" "+f.Rule.Slug) {
			t.Errorf("line %d: title %q", i, title)
		}
		if props["file"] != testOptions.ArtifactURI {
			t.Errorf("line %d: file %q, want %q", i, props["file"], testOptions.ArtifactURI)
		}
		if want := map[bool]string{true: fmt.Sprint(f.Line), false: ""}[f.Line > 0]; props["line"] != want {
			t.Errorf("line %d: line property %q, want %q", i, props["line"], want)
		}
		msg := unescapeData(m[3])
		if want := strings.NewReplacer("\x1b", " ", "\n", " ", "\r", " ").Replace(f.Address) + ": "; !strings.Contains(msg, want) {
			t.Errorf("line %d: message %q lacks the address %q", i, msg, want)
		}
		if f.Waived && !strings.HasPrefix(msg, "waived: ") {
			t.Errorf("line %d: waived finding reads %q", i, msg)
		}
	}
	if !strings.Contains(unescapeData(lines[2]), "waiver expired on 2026-10-01") {
		t.Errorf("expired waiver not reported: %q", lines[2])
	}
	if lines[len(lines)-1] != "iamguard: "+r.Verdict() {
		t.Errorf("summary line %q", lines[len(lines)-1])
	}
	if got := string(appendGitHubProperty(nil, "a:b,c%d\ne")); got != "a%3Ab%2Cc%25d e" {
		t.Errorf("appendGitHubProperty = %q", got)
	}
}

func TestMarkdownEscapesHostileNames(t *testing.T) {
	out := string(render(t, "markdown", hostileReport(), testOptions))
	if !strings.HasPrefix(out, "❌ **iamguard**: ") {
		t.Errorf("verdict line: %q", strings.SplitN(out, "\n", 2)[0])
	}
	// Our own markup is the only HTML; table rows are the only pipes.
	rest := out
	for _, tag := range []string{"<details>", "</details>", "<summary>", "</summary>", "<code>", "</code>"} {
		rest = strings.ReplaceAll(rest, tag, "")
	}
	for _, line := range strings.Split(rest, "\n") {
		if strings.ContainsAny(line, "<>`") {
			t.Errorf("unescaped HTML or backtick in %q", line)
		}
		if strings.Contains(line, "|") && !strings.HasPrefix(line, "| ") {
			t.Errorf("pipe outside the table in %q", line)
		}
		if strings.HasPrefix(line, "::") || strings.HasPrefix(line, "</") {
			t.Errorf("a hostile name broke the line: %q", line)
		}
	}
	if n := strings.Count(out, "<details>"); n != 4 {
		t.Errorf("%d resource sections, want 4", n)
	}
	if !strings.Contains(out, "Fix: Set minimum_password_length on aws_iam_account_password_policy to the baseline") {
		t.Error("remediation missing")
	}
	if got := mdText("a_b _c_ *d* `e` <f> | [g](h)\n# i"); got != "a_b &#95;c&#95; &#42;d&#42; &#96;e&#96; &#60;f&#62; &#124; &#91;g&#93;(h) # i" {
		t.Errorf("mdText = %q", got)
	}
	// Nor math, which GitHub renders from $...$ (round 283).
	if got := mdText("$${x}$ $$y$$"); got != "&#36;&#36;{x}&#36; &#36;&#36;y&#36;&#36;" {
		t.Errorf("mdText = %q", got)
	}
	// Nothing GitHub links in text: a mention, a reference, a URL.
	if got := mdText("@octocat #1 https://evil.example WWW.x.com u-GH-1"); got != "@&#8203;octocat #&#8203;1 https:&#8203;//evil.example W&#8203;WW.x.com u-GH-&#8203;1" {
		t.Errorf("mdText = %q", got)
	}
	empty := string(render(t, "markdown", emptyReport(), testOptions))
	if !strings.HasPrefix(empty, "✅ ") || strings.Contains(empty, "<details>") {
		t.Errorf("empty report:\n%s", empty)
	}
	// Findings below FailOn do not turn the verdict red.
	r := hostileReport()
	r.Findings = r.Findings[4:] // the info finding only
	r.Summary.Findings, r.Summary.BySeverity = 1, map[string]int{"info": 1}
	if out := string(render(t, "markdown", r, testOptions)); !strings.HasPrefix(out, "✅ ") {
		t.Errorf("info-only report with FailOn low: %q", strings.SplitN(out, "\n", 2)[0])
	}
}

func TestRulesMarkdownCoversCatalogue(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteRulesMarkdown(&buf, rules.All()); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasPrefix(out, "---\npage_title: ") {
		t.Error("no tfplugindocs front matter")
	}
	// tfplugindocs renders templates/guides/*.md.tmpl with text/template.
	if strings.Contains(out, "{{") {
		t.Error("output contains {{, which tfplugindocs would read as a template action")
	}
	for _, r := range rules.All() {
		for _, want := range []string{
			"\n## " + r.ID + " " + r.Slug + "\n",
			"[" + r.ID + "](#" + anchor(r) + ")",
			"**Severity:** " + r.Severity.String(),
			"- Console: " + mdProse(r.Remediation.Console),
			"- CLI: " + mdProse(r.Remediation.CLI),
			"- Terraform: " + mdProse(r.Remediation.Terraform),
		} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: missing %q", r.ID, want)
			}
		}
		if r.Event != "" && !strings.Contains(out, "`"+r.Event+"`") {
			t.Errorf("%s: event missing", r.ID)
		}
	}
}

// Canary values that look like secrets, planted in sensitive attributes.
const (
	canaryKeySecret = "AKIACANARYSECRETwJalrXUtnFEMI/K7MDENG"
	canarySMTP      = "CANARYSMTPpasswordBKx9"
	canaryPassword  = "CanaryPassw0rd!consolelogin"
)

const canaryPlan = `{
 "format_version": "1.2", "terraform_version": "1.8.5", "timestamp": "2026-11-20T10:00:00Z",
 "resource_changes": [
  {"address": "aws_iam_access_key.ci", "mode": "managed", "type": "aws_iam_access_key", "name": "ci",
   "provider_name": "registry.terraform.io/hashicorp/aws",
   "change": {"actions": ["update"],
    "before": {"id": "AKIAEXAMPLEKEYID0001", "user": "ci", "status": "Inactive", "pgp_key": null,
     "secret": "` + canaryKeySecret + `", "ses_smtp_password_v4": "` + canarySMTP + `"},
    "after": {"id": "AKIAEXAMPLEKEYID0001", "user": "ci", "status": "Active", "pgp_key": null,
     "secret": "` + canaryKeySecret + `", "ses_smtp_password_v4": "` + canarySMTP + `"},
    "after_unknown": {},
    "before_sensitive": {"secret": true, "ses_smtp_password_v4": true},
    "after_sensitive": {"secret": true, "ses_smtp_password_v4": true}}},
  {"address": "aws_iam_user_login_profile.alice", "mode": "managed", "type": "aws_iam_user_login_profile", "name": "alice",
   "provider_name": "registry.terraform.io/hashicorp/aws",
   "change": {"actions": ["create"], "before": null,
    "after": {"user": "alice", "password_reset_required": false, "pgp_key": null, "password": "` + canaryPassword + `"},
    "after_unknown": {"id": true}, "before_sensitive": false, "after_sensitive": {"password": true}}}
 ]
}`

func TestCanaryNeverLeaves(t *testing.T) {
	p, err := plan.Read(strings.NewReader(canaryPlan), lint.ResourceTypes)
	if err != nil {
		t.Fatal(err)
	}
	res := lint.Lint(p, lint.Options{
		Waivers:   []config.Waiver{{Rule: "IG601", Address: "*", Reason: "first sign-in handled out of band", Expires: time.Date(2027, 1, 31, 0, 0, 0, 0, time.UTC)}},
		WaiversAt: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
	})
	r := New(res, "canary")
	// The canary proves nothing unless the secret-bearing resources fired.
	fired := map[string]bool{}
	for _, f := range r.Findings {
		fired[f.Rule.ID] = true
	}
	for _, id := range []string{"IG201", "IG202", "IG601"} {
		if !fired[id] {
			t.Fatalf("rule %s did not fire on the canary plan; findings: %+v", id, r.Findings)
		}
	}
	canaries := []string{canaryKeySecret, canarySMTP, canaryPassword, "AKIACANARY", "CANARYSMTP", "CanaryPassw0rd"}
	for format := range Formats {
		for _, opt := range []Options{{}, {Color: true, ArtifactURI: "plan.json"}} {
			out := string(render(t, format, r, opt))
			for _, c := range canaries {
				if strings.Contains(out, c) {
					t.Errorf("format %s leaks the canary %q", format, c)
				}
			}
		}
	}
}

// TestTextColor: severities are coloured for a terminal and plain otherwise.
func TestTextColor(t *testing.T) {
	r := hostileReport()
	plain := string(render(t, "text", r, Options{}))
	color := string(render(t, "text", r, Options{Color: true}))
	if strings.Contains(plain, "\x1b[1;31m") {
		t.Error("plain text has colour codes")
	}
	if !strings.Contains(color, "\x1b[1;31mHIGH") || !strings.Contains(color, "\x1b[0m") {
		t.Errorf("coloured text lacks the high-severity colour:\n%s", color)
	}
	if last := strings.TrimSpace(plain[strings.LastIndex(strings.TrimSpace(plain), "\n")+1:]); last != r.Verdict() {
		t.Errorf("last line %q, want the verdict %q", last, r.Verdict())
	}
}

// TestGitHubAnnotationLimit: GitHub shows 10 annotations of each kind from
// a step. An unread plan and the worst findings come first; past the limit
// one annotation says how many more there are, and they follow as log
// lines, so ten harmless findings that sort first hide nothing unsaid.
func TestGitHubAnnotationLimit(t *testing.T) {
	var fs []lint.Finding
	for i := range 12 { // ten decoys that sort first, then two that matter
		fs = append(fs, finding("IG202", rules.High, fmt.Sprintf("aws_iam_access_key.a%02d", i), "aws_iam_access_key", "create", "pgp_key", "pgp_key is not set", nil))
	}
	fs = append(fs, finding("IG201", rules.Critical, "aws_iam_access_key.z", "aws_iam_access_key", "update", "status", "reactivated", nil))
	for i := range 3 {
		fs = append(fs, finding("IG204", rules.Medium, fmt.Sprintf("aws_iam_access_key.m%d", i), "aws_iam_access_key", "no-op", "create_date", "old", nil))
	}
	read := New(lint.Result{Plan: &plan.Plan{FormatVersion: "1.2"}, Resources: len(fs), Findings: fs}, "test")
	r := Merge([]PlanReport{{Path: "a.json", Report: read}, {Path: "b.json", Err: errors.New("truncated")}}, "test")
	lines := strings.Split(strings.TrimSuffix(string(render(t, "github", r, Options{})), "\n"), "\n")
	count := map[string]int{}
	for _, l := range lines {
		if m := commandLine.FindStringSubmatch(l); m != nil {
			count[m[1]]++
		} else if !strings.HasPrefix(l, "iamguard: ") {
			t.Errorf("neither a command nor a plain log line: %q", l)
		}
	}
	if count["error"] != 10 || count["warning"] != 3 {
		t.Errorf("%v annotations, want 10 errors and 3 warnings", count)
	}
	if !strings.HasPrefix(lines[0], "::error title=iamguard plan not read::b.json") ||
		!strings.Contains(lines[1], "title=IG201 ") || !strings.Contains(lines[2], "a.json:aws_iam_access_key.a00") {
		t.Errorf("the unread plan, then the critical finding, do not come first:\n%s", strings.Join(lines[:3], "\n"))
	}
	// The plan, the critical finding and a00 to a06 are 9 errors: the 10th
	// says the other 5 follow.
	if want := "::error title=iamguard::5 more findings at this level are not annotated"; !strings.HasPrefix(lines[9], want) {
		t.Errorf("line 10 is %q, want %q", lines[9], want)
	}
	for i := 7; i < 12; i++ {
		if want := fmt.Sprintf("iamguard: HIGH IG202 access-key-secret-in-state: a.json:aws_iam_access_key.a%02d: pgp_key is not set", i); !slices.Contains(lines, want) {
			t.Errorf("no log line %q", want)
		}
	}

	// A log line is no command either: the runner takes "##[" for one
	// anywhere in a line. Twelve unread plans leave half the error
	// annotations to the findings: they are four annotations, one that
	// says eight more follow, and eight log lines; the critical finding
	// is annotated.
	fs[11].Address = `aws_iam_access_key.k["##[set-output name=verdict]pass"]`
	parts := []PlanReport{{Path: "a.json", Report: New(lint.Result{Plan: &plan.Plan{FormatVersion: "1.2"}, Resources: len(fs), Findings: fs}, "test")}}
	for i := range 12 {
		parts = append(parts, PlanReport{Path: fmt.Sprintf("bad%02d.json", i), Err: errors.New("truncated")})
	}
	out := string(render(t, "github", Merge(parts, "test"), Options{}))
	if strings.Contains(out, "##[") || !strings.Contains(out, `k["##\x5bset-output name=verdict]pass"]`) {
		t.Errorf("##[ is written as it is:\n%s", out)
	}
	lines = strings.Split(out, "\n")
	if n := strings.Count(out, "::error title=iamguard plan not read::"); n != 4 ||
		!strings.HasPrefix(lines[4], "::error title=iamguard::8 more plans were not read") ||
		lines[5] != "iamguard: bad04.json: not read: truncated" {
		t.Errorf("%d unread plans annotated, then %q, %q", n, lines[4], lines[5])
	}
	if !strings.Contains(out, "::error title=IG201 ") {
		t.Errorf("the critical finding is not annotated:\n%s", out)
	}
	if n := strings.Count(out, "::error "); n != 10 {
		t.Errorf("%d error annotations, want 10", n)
	}

	// Exactly ten error findings are ten annotations, none of them saying
	// more follow.
	out = string(render(t, "github", New(lint.Result{Plan: &plan.Plan{FormatVersion: "1.2"}, Resources: 10, Findings: fs[:10]}, "test"), Options{}))
	if n := strings.Count(out, "::error title=IG202 "); n != 10 || strings.Contains(out, " more ") {
		t.Errorf("ten error findings: %d annotated, want 10 and no note of more:\n%s", n, out)
	}
}

// TestSARIFSizeLimit: GitHub code scanning refuses a SARIF file past 10 MB
// compressed, so a run whose findings' names do not compress keeps the
// worst that fit, and says how many it leaves out (round 238: 171 findings
// of 57 KB addresses made a file of 11 MB compressed).
func TestSARIFSizeLimit(t *testing.T) {
	name := func(i int) string { // as random as a hash: it compresses little
		var b strings.Builder
		for k := 0; b.Len() < 57600; k++ {
			sum := sha256.Sum256([]byte(fmt.Sprintf("%d-%d", i, k)))
			b.WriteString(hex.EncodeToString(sum[:]))
		}
		return `aws_iam_user_login_profile.p["` + b.String() + `"]`
	}
	var fs []lint.Finding
	for i := range 171 {
		fs = append(fs, finding("IG601", rules.Info, name(i), "aws_iam_user_login_profile", "create", "password_reset_required", "unknown", nil))
	}
	fs = append(fs, finding("IG101", rules.High, "aws_iam_account_password_policy.weak", "aws_iam_account_password_policy", "create", "minimum_password_length", "8", nil))
	r := New(lint.Result{Plan: &plan.Plan{FormatVersion: "1.2"}, Resources: len(fs), Findings: fs}, "test")
	out := render(t, "sarif", r, Options{})
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write(out)
	zw.Close()
	if z.Len() > 10_000_000 {
		t.Errorf("%d bytes compressed, past GitHub's 10 MB", z.Len())
	}
	var log struct {
		Runs []struct {
			Results     []struct{ RuleID string }
			Invocations []struct {
				ToolExecutionNotifications []struct{ Message struct{ Text string } }
			}
		}
	}
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Results) == 0 || run.Results[len(run.Results)-1].RuleID != "IG101" || len(run.Results) == len(fs) {
		t.Errorf("%d results, the last %+v: want the high finding kept and some info ones left out", len(run.Results), run.Results)
	}
	inv := run.Invocations
	want := fmt.Sprintf("%d of 172 findings are left out, the least severe: GitHub code scanning takes a SARIF file of at most 10 MB compressed", 172-len(run.Results))
	if len(inv) != 1 || len(inv[0].ToolExecutionNotifications) != 1 || !strings.HasPrefix(inv[0].ToolExecutionNotifications[0].Message.Text, want) {
		t.Errorf("invocations %+v, want %q", inv, want)
	}
}

// TestSARIFUnreadPlansBounded: the notifications naming plans not read
// take at most maxUnreadText, and one says how many more there are, so
// that they cannot push the log past GitHub's 10 MB beside the results
// (round 240: 2,000 plans of 4 KB paths took 6 MB of it, compressed).
func TestSARIFUnreadPlansBounded(t *testing.T) {
	var parts []PlanReport
	for i := range 2000 {
		parts = append(parts, PlanReport{Path: fmt.Sprintf("%04d-%s.json", i, strings.Repeat("p", 4000)), Err: errors.New("truncated")})
	}
	var log struct {
		Runs []struct {
			Invocations []struct {
				ToolExecutionNotifications []struct{ Message struct{ Text string } }
			}
		}
	}
	if err := json.Unmarshal(render(t, "sarif", Merge(parts, "test"), Options{}), &log); err != nil {
		t.Fatal(err)
	}
	notes := log.Runs[0].Invocations[0].ToolExecutionNotifications
	text := 0
	for _, n := range notes {
		text += len(n.Message.Text)
	}
	last := notes[len(notes)-1].Message.Text
	if text > maxUnreadText+200 || last != fmt.Sprintf("%d more plans were not read; the JSON report (--format json) names them", 2000-len(notes)+1) {
		t.Errorf("%d notifications of %d bytes, the last %q", len(notes), text, last)
	}
}

// TestSARIFResultLimit: GitHub code scanning refuses a run of more than
// 25,000 results, so the run keeps the worst, in the report's order, and
// says how many it leaves out (round 144: 25,500 results, one run).
func TestSARIFResultLimit(t *testing.T) {
	var fs []lint.Finding
	for i := range maxSARIFResults {
		fs = append(fs, finding("IG204", rules.Medium, fmt.Sprintf("aws_iam_access_key.m%05d", i), "aws_iam_access_key", "no-op", "create_date", "old", nil))
	}
	fs = append(fs, finding("IG201", rules.Critical, "aws_iam_access_key.z", "aws_iam_access_key", "update", "status", "reactivated", nil))
	fs = append(fs, finding("IG202", rules.Info, "aws_iam_access_key.i", "aws_iam_access_key", "create", "pgp_key", "unknown", nil))
	r := New(lint.Result{Plan: &plan.Plan{FormatVersion: "1.2"}, Resources: len(fs), Findings: fs}, "test")
	for i := range r.Findings { // a waived medium goes before an unwaived one
		if r.Findings[i].Address == "aws_iam_access_key.m00007" {
			r.Findings[i].Waived = true
		}
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string
				Locations []struct {
					LogicalLocations []struct{ FullyQualifiedName string }
				}
			}
			Invocations []struct {
				ToolExecutionNotifications []struct {
					Level   string
					Message struct{ Text string }
				}
			}
		}
	}
	if err := json.Unmarshal(render(t, "sarif", r, Options{}), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Results) != maxSARIFResults {
		t.Fatalf("%d results, want %d", len(run.Results), maxSARIFResults)
	}
	var names []string
	for _, res := range run.Results {
		names = append(names, res.Locations[0].LogicalLocations[0].FullyQualifiedName)
	}
	for _, name := range []string{"aws_iam_access_key.i", "aws_iam_access_key.m00007", "aws_iam_access_key.m00006"} {
		if slices.Contains(names, name) != (name == "aws_iam_access_key.m00006") {
			t.Errorf("%s kept: %v", name, slices.Contains(names, name))
		}
	}
	if !slices.Contains(names, "aws_iam_access_key.z") || !slices.IsSorted(names[:maxSARIFResults-1]) {
		t.Errorf("the critical finding is left out, or the report's order is not kept")
	}
	inv := run.Invocations
	if len(inv) != 1 || len(inv[0].ToolExecutionNotifications) != 1 || inv[0].ToolExecutionNotifications[0].Level != "warning" ||
		!strings.HasPrefix(inv[0].ToolExecutionNotifications[0].Message.Text, "2 of 25002 findings are left out") {
		t.Errorf("invocations %+v", inv)
	}
}

// TestGitHubTitleSeverity: an annotation's title names its finding's
// severity, which its kind (error, warning, notice) cannot tell of five
// (round 283: a low warning read as a medium one that fails the run).
func TestGitHubTitleSeverity(t *testing.T) {
	out := string(render(t, "github", hostileReport(), testOptions))
	for _, want := range []string{"title=IG101 password-min-length (high),", "title=IG601 login-profile-no-reset (info)::", "title=IG203 access-key-multiple-active (medium)::", "title=IG202 access-key-secret-in-state (high, waived)::"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
}
