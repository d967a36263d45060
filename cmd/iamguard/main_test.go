package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/iamguard/terraform-provider-iamguard/internal/lint"
	"github.com/iamguard/terraform-provider-iamguard/internal/quote"
	"github.com/iamguard/terraform-provider-iamguard/internal/report"
)

// testdata/plan.json has three findings: IG101 (high) on
// aws_iam_account_password_policy.this, IG202 (high) on
// module.ci.aws_iam_access_key.deployer and IG601 (medium) on
// aws_iam_user_login_profile.console["alice"].
const fixture = "testdata/plan.json"

type result struct {
	code           int
	stdout, stderr string
}

func lintCLI(t *testing.T, stdin []byte, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, bytes.NewReader(stdin), &out, &errb)
	return result{code, out.String(), errb.String()}
}

// jsonReport is the part of the JSON report the tests read.
type jsonReport struct {
	Plan struct {
		TerraformVersion string `json:"terraform_version"`
	} `json:"plan"`
	Summary struct {
		Resources int `json:"resources"`
		Findings  int `json:"findings"`
		Waived    int `json:"waived"`
	} `json:"summary"`
	Findings []struct {
		RuleID  string `json:"rule_id"`
		Address string `json:"address"`
		Waived  bool   `json:"waived"`
		Waiver  *struct {
			Reason  string `json:"reason"`
			Expires string `json:"expires"`
			Expired bool   `json:"expired"`
		} `json:"waiver"`
	} `json:"findings"`
}

func decode(t *testing.T, r result) jsonReport {
	t.Helper()
	var rep jsonReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("report is not JSON (%v); stderr: %s", err, r.stderr)
	}
	return rep
}

func ruleIDs(rep jsonReport) string {
	var ids []string
	for _, f := range rep.Findings {
		ids = append(ids, f.RuleID)
	}
	return strings.Join(ids, ",")
}

func writeConfig(t *testing.T, src string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "iamguard.hcl")
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// wantUsageError checks exit code 2 and one line on stderr containing want.
func wantUsageError(t *testing.T, r result, want string) {
	t.Helper()
	if r.code != 2 {
		t.Errorf("exit code %d, want 2 (stderr %q)", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, want) || strings.Count(r.stderr, "\n") != 1 || len(r.stderr) > quote.MaxError {
		t.Errorf("stderr = %q, want one line of at most %d bytes containing %q", r.stderr, quote.MaxError, want)
	}
}

// TestErrorLineBounded: the error line, "iamguard: " and its newline
// included, is at most quote.MaxError bytes, however long the name it
// quotes, and the output "-" is stdout, not a file of that name (round
// 110).
func TestErrorLineBounded(t *testing.T) {
	for _, name := range []string{strings.Repeat("a", 3000), strings.Repeat("\u200b", 3000)} {
		wantUsageError(t, lintCLI(t, nil, "lint", filepath.Join(t.TempDir(), name+".json")), "file name too long")
	}
	// So is a note on a file skipped in a directory (round 114).
	deep := t.TempDir()
	long := filepath.Join(deep, strings.Repeat("d", 200), strings.Repeat("\x01", 200), strings.Repeat("e", 200))
	if err := os.MkdirAll(long, 0o755); err != nil {
		t.Fatal(err)
	}
	copyFile(t, fixture, deep, "plan.json")
	writeFile(t, long, "tool.json", `{"name": "x"}`)
	if r := lintCLI(t, nil, "lint", "--recursive", deep); r.code != 1 || !strings.Contains(r.stderr, "skipped, not a Terraform plan") ||
		strings.Count(r.stderr, "\n") != 1 || len(r.stderr) > quote.MaxError {
		t.Errorf("a note on a file deep in the tree: exit %d, stderr %d bytes %q", r.code, len(r.stderr), r.stderr)
	}
	plan, err := filepath.Abs(fixture)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	r := lintCLI(t, nil, "lint", "--format", "json", "--output", "-", plan)
	if r.code != 1 || !json.Valid([]byte(r.stdout)) {
		t.Errorf("--output -: exit %d, stdout %.100q", r.code, r.stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "-")); err == nil {
		t.Error("--output - wrote a file named -")
	}
}

func TestExitCodes(t *testing.T) {
	state := filepath.Join(t.TempDir(), "terraform.tfstate")
	os.WriteFile(state, []byte(`{"version": 4, "terraform_version": "1.8.5", "resources": []}`), 0o600)
	cases := []struct {
		name  string
		stdin string
		args  []string
		code  int
	}{
		{"findings", "", []string{"lint", fixture}, 1},
		{"below fail-on", "", []string{"lint", "--fail-on", "critical", fixture}, 0},
		{"flags after the plan", "", []string{"lint", fixture, "--fail-on=critical", "--format", "json"}, 0},
		{"empty plan", `{"format_version":"1.2","resource_changes":[]}`, []string{"lint", "-"}, 0},
		{"stdin", "", []string{"lint", "-", "--fail-on", "high"}, 1},
		{"no arguments", "", nil, 2},
		{"unknown command", "", []string{"scan"}, 2},
		{"no plan", "", []string{"lint"}, 2},
		{"two plans", "", []string{"lint", fixture, fixture}, 1},
		{"stdin twice", "", []string{"lint", "-", "-"}, 2},
		{"unknown format", "", []string{"lint", "--format", "yaml", fixture}, 2},
		{"bad fail-on", "", []string{"lint", "--fail-on", "severe", fixture}, 2},
		{"bad now", "", []string{"lint", "--now", "yesterday", fixture}, 2},
		{"missing plan", "", []string{"lint", "no-such-plan.json"}, 2},
		{"not JSON", "hello", []string{"lint", "-"}, 2},
		{"a state file", "", []string{"lint", state}, 2},
		{"format 2.0", `{"format_version":"2.0","resource_changes":[]}`, []string{"lint", "-"}, 2},
	}
	plan, _ := os.ReadFile(fixture)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			stdin := []byte(tc.stdin)
			if tc.name == "stdin" {
				stdin = plan
			}
			r := lintCLI(t, stdin, tc.args...)
			if r.code != tc.code {
				t.Fatalf("exit code %d, want %d; stderr: %s", r.code, tc.code, r.stderr)
			}
			if tc.code == 2 && (r.stderr == "" || strings.Contains(r.stderr, "goroutine")) {
				t.Errorf("stderr = %q, want a clear error", r.stderr)
			}
		})
	}
}

// TestNoPlan: lint without a plan is a usage error, one line, not an
// internal error.
func TestNoPlan(t *testing.T) {
	wantUsageError(t, lintCLI(t, nil, "lint"), "iamguard: lint takes a PLAN argument")
}

// TestOutputRemovedAfterWriteError: a report that cannot be written whole
// leaves no --output file, which a later step could take for a whole
// report, as when a file size limit stops the write. The writer comes
// from report.Formats, as --format picks it.
func TestOutputRemovedAfterWriteError(t *testing.T) {
	report.Formats["failing"] = func(w io.Writer, _ *report.Report, _ report.Options) error {
		if _, err := io.WriteString(w, `{"findings": [`); err != nil {
			return err
		}
		return errors.New("file too large")
	}
	t.Cleanup(func() { delete(report.Formats, "failing") })
	out := filepath.Join(t.TempDir(), "report.json")
	wantUsageError(t, lintCLI(t, nil, "lint", "--format", "failing", "--output", out, fixture),
		"writing the report to --output "+out+": file too large")
	if _, err := os.Lstat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the part written is left in --output: %v", err)
	}
	// Through a link, the file linked to goes, and the link stays (round
	// 304: the link went, and the part written stayed behind it).
	dir := t.TempDir()
	target, link := filepath.Join(dir, "target.json"), filepath.Join(dir, "link.json")
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
	wantUsageError(t, lintCLI(t, nil, "lint", "--format", "failing", "--output", link, fixture),
		"writing the report to --output "+link+": file too large")
	if _, err := os.Lstat(target); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the part written is left in the file --output links to: %v", err)
	}
	if _, err := os.Lstat(link); err != nil {
		t.Errorf("the link is gone: %v", err)
	}
}

// TestColorDecision: colour is for a terminal (a character device), and
// NO_COLOR set to anything switches it off there too.
func TestColorDecision(t *testing.T) {
	dev, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer dev.Close()
	if fi, err := dev.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		t.Skip("no character device at " + os.DevNull)
	}
	t.Setenv("NO_COLOR", "")
	if !isTerminal(dev) {
		t.Errorf("%s, a character device, is not taken for a terminal", os.DevNull)
	}
	if isTerminal(&bytes.Buffer{}) {
		t.Error("a buffer is taken for a terminal")
	}
	t.Setenv("NO_COLOR", "1")
	if isTerminal(dev) {
		t.Error("NO_COLOR=1: colour on a terminal")
	}
}

func TestConfigBaselineChangesOutcome(t *testing.T) {
	r := lintCLI(t, nil, "lint", "--format", "json", fixture)
	if ids := ruleIDs(decode(t, r)); ids != "IG101,IG601,IG202" {
		t.Fatalf("without config: %s", ids)
	}
	cfg := writeConfig(t, "baseline {\n  password_min_length = 12\n}\n")
	r = lintCLI(t, nil, "lint", "--format", "json", "--config", cfg, fixture)
	if ids := ruleIDs(decode(t, r)); ids != "IG601,IG202" {
		t.Errorf("with password_min_length = 12: %s, want IG101 gone", ids)
	}
	cfg = writeConfig(t, "baseline {\n  password_min_length = 20\n}\nfail_on = \"high\"\nrule \"IG601\" { enabled = false }\nrule \"IG202\" { enabled = false }\n")
	r = lintCLI(t, nil, "lint", "--format", "json", "--config", cfg, fixture)
	if ids := ruleIDs(decode(t, r)); ids != "IG101" || r.code != 1 {
		t.Errorf("stricter baseline, two rules off: %s exit %d, want IG101 exit 1", ids, r.code)
	}
}

func TestFailOnFileAndFlag(t *testing.T) {
	// Only IG601 (medium) is left once IG101 and IG202 are off.
	off := "rule \"IG101\" { enabled = false }\nrule \"IG202\" { enabled = false }\n"
	cases := []struct {
		file string
		args []string
		code int
	}{
		{"", nil, 1}, // default low
		{`fail_on = "high"`, nil, 0},
		{`fail_on = "medium"`, nil, 1},
		{`fail_on = "high"`, []string{"--fail-on", "medium"}, 1}, // the flag wins when given
		{`fail_on = "info"`, []string{"--fail-on=high"}, 0},
		{`fail_on = "high"`, []string{"--fail-on", "low"}, 1}, // even when it names the default
	}
	for _, tc := range cases {
		cfg := writeConfig(t, off+tc.file+"\n")
		args := append([]string{"lint", "--config", cfg, fixture}, tc.args...)
		if r := lintCLI(t, nil, args...); r.code != tc.code {
			t.Errorf("%s %v: exit %d, want %d; stderr %s", tc.file, tc.args, r.code, tc.code, r.stderr)
		}
	}
}

func TestWaivers(t *testing.T) {
	cfg := writeConfig(t, `
fail_on = "high"
waiver {
  rule    = "IG101"
  address = "aws_iam_account_password_policy.this"
  reason  = "rolled out in SEC-1"
  expires = "2099-06-01"
}
waiver {
  rule    = "IG202"
  address = "module.*.aws_iam_access_key.*"
  reason  = "legacy CI key, SEC-123"
  expires = "2099-06-01"
}
`)
	// Through the expiry day both high findings are waived: exit 0.
	for _, now := range []string{"2099-05-01T00:00:00Z", "2099-06-01T23:59:59Z"} {
		r := lintCLI(t, nil, "lint", "--format", "json", "--config", cfg, "--now", now, fixture)
		rep := decode(t, r)
		if r.code != 0 || rep.Summary.Waived != 2 || rep.Summary.Findings != 1 {
			t.Errorf("now %s: exit %d, summary %+v; want exit 0, 2 waived", now, r.code, rep.Summary)
		}
		for _, f := range rep.Findings {
			if f.RuleID != "IG601" && (!f.Waived || f.Waiver == nil || f.Waiver.Expired) {
				t.Errorf("now %s: %s not waived", now, f.RuleID)
			}
		}
	}
	// The day after, the waivers match but have expired: exit 1, and the
	// report says so.
	r := lintCLI(t, nil, "lint", "--format", "json", "--config", cfg, "--now", "2099-06-02T00:00:00Z", fixture)
	rep := decode(t, r)
	if r.code != 1 || rep.Summary.Waived != 0 || rep.Summary.Findings != 3 {
		t.Errorf("after expiry: exit %d, summary %+v; want exit 1, nothing waived", r.code, rep.Summary)
	}
	for _, f := range rep.Findings {
		if f.RuleID == "IG202" && (f.Waived || f.Waiver == nil || !f.Waiver.Expired || f.Waiver.Reason != "legacy CI key, SEC-123") {
			t.Errorf("expired waiver not reported: %+v", f)
		}
	}
	r = lintCLI(t, nil, "lint", "--config", cfg, "--now", "2099-06-02T00:00:00Z", fixture)
	if !strings.Contains(r.stdout, "expired") {
		t.Errorf("text report does not say the waiver expired:\n%s", r.stdout)
	}
	// A --now before today revives no waiver that has expired since
	// (round 288): waivers expire by the calendar.
	past := writeConfig(t, `
waiver {
  rule    = "IG202"
  address = "module.*.aws_iam_access_key.*"
  reason  = "legacy CI key, SEC-123"
  expires = "`+time.Now().AddDate(0, 0, -2).Format(time.DateOnly)+`"
}
`)
	rep = decode(t, lintCLI(t, nil, "lint", "--format", "json", "--config", past, "--now", time.Now().AddDate(0, 0, -7).Format(time.RFC3339), fixture))
	if rep.Summary.Waived != 0 {
		t.Errorf("a --now before today revived an expired waiver: %+v", rep.Summary)
	}
}

func TestDefaultConfigFile(t *testing.T) {
	plan, _ := filepath.Abs(fixture)
	t.Chdir(t.TempDir())
	if r := lintCLI(t, nil, "lint", plan); r.code != 1 {
		t.Fatalf("no config file: exit %d; stderr %s", r.code, r.stderr)
	}
	os.WriteFile(".iamguard.hcl", []byte(`fail_on = "critical"`), 0o600)
	if r := lintCLI(t, nil, "lint", plan); r.code != 0 {
		t.Errorf("./.iamguard.hcl not read: exit %d; stderr %s", r.code, r.stderr)
	}
	os.WriteFile(".iamguard.hcl", []byte(`fail_on = critical`), 0o600)
	wantUsageError(t, lintCLI(t, nil, "lint", plan), ".iamguard.hcl:1: only literal values")
	// One that is there but cannot be read (a symlink loop) is no missing
	// file: an error, not the defaults.
	os.Remove(".iamguard.hcl")
	if err := os.Symlink(".iamguard.hcl", ".iamguard.hcl"); err != nil {
		t.Skip(err)
	}
	wantUsageError(t, lintCLI(t, nil, "lint", plan), ".iamguard.hcl: too many levels of symbolic links")
}

// The config's disabled rules and fail_on reach the writers that use them,
// and SARIF names the plan file.
func TestConfigReachesReport(t *testing.T) {
	r := lintCLI(t, nil, "lint", "--format", "junit", fixture)
	if !strings.Contains(r.stdout, "IG110") || strings.Contains(r.stdout, `<testsuites name="iamguard" tests="14" failures="0"`) {
		t.Fatalf("without config the JUnit report should list IG110 and fail:\n%s", r.stdout)
	}
	cfg := writeConfig(t, "rule \"IG110\" { enabled = false }\nfail_on = \"critical\"\n")
	r = lintCLI(t, nil, "lint", "--format", "junit", "--config", cfg, fixture)
	// IG110 has no suite; the configuration suite names it as disabled.
	if strings.Contains(r.stdout, `name="IG110`) || !strings.Contains(r.stdout, `failures="0"`) {
		t.Errorf("JUnit report ignores the config's disabled rule or fail_on:\n%s", r.stdout)
	}
	r = lintCLI(t, nil, "lint", "--format", "sarif", fixture)
	if uri := artifactURI(fixture); !strings.HasSuffix(uri, "cmd/iamguard/testdata/plan.json") || !strings.Contains(r.stdout, `"uri": "`+uri+`"`) {
		t.Errorf("SARIF report does not name the plan file as the repository does (%s)", uri)
	}
}

func TestConfigErrors(t *testing.T) {
	cases := map[string]struct{ src, want string }{
		"unknown key":  {"fail_on = \"low\"\nfail_off = \"high\"\n", ":2: Unsupported argument"},
		"bad date":     {"waiver {\n  rule = \"IG202\"\n  address = \"a\"\n  reason = \"r\"\n  expires = \"2027-13-01\"\n}\n", `:5: expires: "2027-13-01" is not a date`},
		"unknown rule": {"\nrule \"IG100\" { enabled = false }\n", `:2: unknown rule ID "IG100"`},
		"bad severity": {"\n\nfail_on = \"urgent\"\n", `:3: fail_on: unknown severity "urgent"`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			cfg := writeConfig(t, tc.src)
			r := lintCLI(t, nil, "lint", "--config", cfg, fixture)
			wantUsageError(t, r, "iamguard: "+cfg+tc.want)
			if r.stdout != "" {
				t.Errorf("a report was written despite the bad config: %q", r.stdout)
			}
		})
	}
	wantUsageError(t, lintCLI(t, nil, "lint", "--config", "no-such.hcl", fixture), "--config no-such.hcl: no such file")
}

func TestRulesMarkdown(t *testing.T) {
	r := lintCLI(t, nil, "rules", "--format", "markdown")
	if r.code != 0 || !strings.Contains(r.stdout, "IG101") || !strings.Contains(r.stdout, "IG706") {
		t.Errorf("rules --format markdown: exit %d, stderr %q", r.code, r.stderr)
	}
	wantUsageError(t, lintCLI(t, nil, "rules", "--format", "yaml"), `unknown --format "yaml"`)
}

// TestArtifactURI: a plan is named from the root of the repository the run
// starts in, wherever in it that is, as code scanning and annotations
// resolve paths; one outside it by its absolute path.
func TestArtifactURI(t *testing.T) {
	top := t.TempDir()
	repo := filepath.Join(top, "repo")
	if err := os.MkdirAll(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(repo, "infra", "prod"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join(repo, "infra"))
	cases := map[string]string{
		"-":                                   "",
		"plans/tfplan.json":                   "infra/plans/tfplan.json",
		"./plans/../tfplan.json":              "infra/tfplan.json",
		"../other/p.json":                     "other/p.json",
		filepath.Join(repo, "prod", "p.json"): "prod/p.json",
		"../../elsewhere.json":                filepath.ToSlash(filepath.Join(top, "elsewhere.json")),
		"/elsewhere/p.json":                   "/elsewhere/p.json",
	}
	for in, want := range cases {
		if got := artifactURI(in); got != want {
			t.Errorf("in a repository: artifactURI(%q) = %q, want %q", in, got, want)
		}
	}
	// A working directory reached through a link is where it really is.
	link := filepath.Join(top, "link")
	if err := os.Symlink(filepath.Join(repo, "infra", "prod"), link); err != nil {
		t.Fatal(err)
	}
	t.Chdir(link)
	t.Setenv("PWD", link) // as a shell that cd'ed through the link says
	if got := artifactURI("plan.json"); got != "infra/prod/plan.json" {
		t.Errorf("through a link: artifactURI(plan.json) = %q, want infra/prod/plan.json", got)
	}
	// So is a plan named by its absolute path through the link (round 144:
	// a file URI, as if outside the repository).
	if err := os.Mkdir(filepath.Join(link, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got := artifactURI(filepath.Join(link, "sub", "plan.json")); got != "infra/prod/sub/plan.json" {
		t.Errorf("through a link, absolute: artifactURI = %q, want infra/prod/sub/plan.json", got)
	}
	// Outside any repository, the working directory stands for its root.
	t.Chdir(top)
	for in, want := range map[string]string{"plans/p.json": "plans/p.json", "repo/../p.json": "p.json",
		"../p.json": filepath.ToSlash(filepath.Join(filepath.Dir(top), "p.json"))} {
		if got := artifactURI(in); got != want {
			t.Errorf("outside a repository: artifactURI(%q) = %q, want %q", in, got, want)
		}
	}
}

// terraformCLI finds the Terraform CLI the Makefile builds.
func terraformCLI(t *testing.T) string {
	t.Helper()
	if tf := os.Getenv("TF_ACC_TERRAFORM_PATH"); tf != "" {
		return tf
	}
	tf, _ := filepath.Abs("../../.tools/bin/terraform")
	if _, err := os.Stat(tf); err != nil {
		t.Skip("no Terraform CLI: set TF_ACC_TERRAFORM_PATH or run make test")
	}
	return tf
}

// savedPlan makes a binary plan of builtin terraform_data resources (no
// provider download) in a new directory, and returns the directory.
func savedPlan(t *testing.T, tf string) string {
	t.Helper()
	dir := t.TempDir()
	main := `
resource "terraform_data" "deployer" {
  input = "module.ci.aws_iam_access_key.deployer"
}
resource "terraform_data" "keys" {
  for_each = toset(["a", "b"])
  input    = each.key
}
`
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(main), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"init", "-input=false", "-no-color"},
		{"plan", "-input=false", "-no-color", "-out", "tfplan"},
	} {
		cmd := exec.Command(tf, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("terraform %s: %v\n%s", args[0], err, out)
		}
	}
	return dir
}

func TestBinaryPlanEndToEnd(t *testing.T) {
	tf := terraformCLI(t)
	dir := savedPlan(t, tf)
	t.Chdir(dir)
	head := make([]byte, 4)
	if f, err := os.Open("tfplan"); err == nil {
		f.Read(head)
		f.Close()
	}
	if string(head) != "PK\x03\x04" {
		t.Fatalf("terraform plan -out did not write a zip: %q", head)
	}

	r := lintCLI(t, nil, "lint", "tfplan", "--terraform", tf, "--format", "json")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	rep := decode(t, r)
	if !strings.HasPrefix(rep.Plan.TerraformVersion, "1.") || len(rep.Findings) != 0 || rep.Summary.Resources != 0 {
		t.Errorf("report = %+v, want the plan's Terraform version and no findings", rep)
	}

	// The same report as linting terraform show -json's output directly.
	show := exec.Command(tf, "show", "-json", "tfplan")
	js, err := show.Output()
	if err != nil {
		t.Fatal(err)
	}
	direct := lintCLI(t, js, "lint", "-", "--format", "json")
	if direct.stdout != r.stdout {
		t.Errorf("binary plan report differs from the show -json one:\n%s\n%s", r.stdout, direct.stdout)
	}

	// A binary plan on stdin goes through a temporary file.
	bin, _ := os.ReadFile("tfplan")
	if s := lintCLI(t, bin, "lint", "-", "--terraform", tf, "--format", "json"); s.stdout != r.stdout || s.code != 0 {
		t.Errorf("binary plan on stdin: exit %d, stderr %q", s.code, s.stderr)
	}

	// So does one given as a FIFO, as a shell's process substitution
	// <(cat tfplan) gives it.
	fifo := fifoWith(t, bin)
	if s := lintCLI(t, nil, "lint", fifo, "--terraform", tf, "--format", "json"); s.stdout != r.stdout || s.code != 0 {
		t.Errorf("binary plan through a FIFO: exit %d, stderr %q", s.code, s.stderr)
	}
}

func TestBinaryPlanErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "tfplan")
	os.WriteFile(bad, []byte("PK\x03\x04 not really a zip"), 0o600)

	t.Setenv("PATH", t.TempDir()) // no terraform on PATH
	wantUsageError(t, lintCLI(t, nil, "lint", bad), "is a binary plan file: no terraform (or tofu) found on PATH")
	t.Setenv("IAMGUARD_TERRAFORM", "tofu")
	wantUsageError(t, lintCLI(t, nil, "lint", bad), "is a binary plan file: IAMGUARD_TERRAFORM=tofu: not found")
	t.Setenv("IAMGUARD_TERRAFORM", "")
	wantUsageError(t, lintCLI(t, nil, "lint", bad, "--terraform", filepath.Join(dir, "terraform")),
		"--terraform "+filepath.Join(dir, "terraform")+": not found")

	// Not a zip after all: refused before terraform runs, with the reason.
	tf := terraformCLI(t)
	wantUsageError(t, lintCLI(t, nil, "lint", bad, "--terraform", tf),
		bad+": a binary plan is a zip archive, and this one cannot be read (zip: not a valid zip file)")
	// A zip terraform cannot read as a plan: its error comes through.
	binaryPlan(t, bad)
	r := lintCLI(t, nil, "lint", bad, "--terraform", tf)
	wantUsageError(t, r, bad+": terraform show -json failed (exit status 1): ")
	if !strings.Contains(r.stderr, "Couldn't show local plan: Plan read error") {
		t.Errorf("terraform's error is missing: %q", r.stderr)
	}
}

// TestBadInput: whatever the file holds, the CLI answers with one line on
// stderr and exit code 2, or a normal report when the plan is valid.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	planJSON, _ := os.ReadFile(fixture)
	deep := strings.Repeat("[", 1_000_000) + strings.Repeat("]", 1_000_000)
	huge := `{"format_version":"1.2","resource_changes":[{"address":"aws_s3_object.o","mode":"managed","type":"aws_s3_object","name":"o","change":{"actions":["create"],"after":{"content":"` +
		strings.Repeat("x", 100<<20) + `"}}}]}`
	for _, tc := range []struct {
		name, want string
		data       []byte
	}{
		{"empty", "empty input", nil},
		{"truncated", "unexpected end of input", planJSON[:len(planJSON)/3]},
		{"binary garbage", "not JSON", []byte("\x7fELF\x02\x01\x01\x00garbage\x00\xff")},
		{"state", "state, not a plan", []byte(`{"format_version":"1.0","terraform_version":"1.8.5","values":{"root_module":{}}}`)},
		{"wrong types", "resource_changes: expected an array", []byte(`{"format_version":"1.2","resource_changes":"all of them"}`)},
		{"wrong element type", "expected an object", []byte(`{"format_version":"1.2","resource_changes":[[]]}`)},
		{"deep nesting", "nesting deeper than", []byte(`{"format_version":"1.2","planned_values":` + deep + `}`)},
		{"not a zip after all", "not JSON", []byte("PK\x05\x06")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wantUsageError(t, lintCLI(t, nil, "lint", write(tc.name, tc.data)), tc.want)
		})
	}
	t.Run("100 MB string", func(t *testing.T) {
		r := lintCLI(t, nil, "lint", "--format", "json", write("huge.json", []byte(huge)))
		if r.code != 0 || r.stderr != "" {
			t.Fatalf("exit %d, stderr %q: a valid plan with a huge unjudged value gets a normal report", r.code, r.stderr)
		}
	})
}

// TestSecretsNeverLeave plants canaries in every secret a plan can carry and
// checks every format, and the error path, for them.
func TestSecretsNeverLeave(t *testing.T) {
	const secret, smtp, password = "CANARYsecretKEY0042", "CANARYsmtpPASS0042", "CANARYloginPASS0042"
	plan := `{"format_version":"1.2","timestamp":"2026-11-20T10:00:00Z","resource_changes":[
 {"address":"aws_iam_access_key.k","mode":"managed","type":"aws_iam_access_key","name":"k","change":{"actions":["update"],
  "before":{"status":"Inactive","user":"u","secret":"` + secret + `","ses_smtp_password_v4":"` + smtp + `","create_date":"2020-01-01T00:00:00Z"},
  "after":{"status":"Active","user":"u","secret":"` + secret + `","ses_smtp_password_v4":"` + smtp + `","create_date":"2020-01-01T00:00:00Z"},
  "before_sensitive":{"secret":true,"ses_smtp_password_v4":true},"after_sensitive":{"secret":true,"ses_smtp_password_v4":true}}},
 {"address":"aws_iam_user_login_profile.p","mode":"managed","type":"aws_iam_user_login_profile","name":"p","change":{"actions":["create"],
  "after":{"user":"u","password":"` + password + `","password_reset_required":false},"after_sensitive":{"password":true}}}]}`
	for _, format := range []string{"text", "json", "sarif", "junit", "github", "markdown"} {
		r := lintCLI(t, []byte(plan), "lint", "--format", format, "-")
		if r.code != 1 {
			t.Fatalf("%s: exit %d, stderr %q: the canary plan must have findings", format, r.code, r.stderr)
		}
		for _, c := range []string{secret, smtp, password} {
			if strings.Contains(r.stdout+r.stderr, c) {
				t.Errorf("%s output contains the canary %s", format, c)
			}
		}
	}
	broken := strings.Replace(plan, `"actions":["update"]`, `"actions":"`+secret+`"`, 1)
	r := lintCLI(t, []byte(broken), "lint", "-")
	if r.code != 2 || strings.Contains(r.stderr, secret) {
		t.Errorf("exit %d, stderr %q: want exit 2 without the canary", r.code, r.stderr)
	}
}

// TestShippedExamples keeps make demo honest: every example plan parses and
// shows findings.
func TestShippedExamples(t *testing.T) {
	plans, _ := filepath.Glob("../../examples/plans/*.json")
	if len(plans) == 0 {
		t.Fatal("no example plans")
	}
	for _, p := range plans {
		r := lintCLI(t, nil, "lint", "--format", "json", p)
		if r.code != 1 || r.stderr != "" {
			t.Errorf("%s: exit %d, stderr %q; want findings", p, r.code, r.stderr)
			continue
		}
		if rep := decode(t, r); rep.Summary.Findings == 0 {
			t.Errorf("%s: no findings", p)
		}
	}
}

// TestHostileConfig: a config file nested 100,000 levels deep, or too big,
// gives one line and exit 2, not a Go stack overflow.
func TestHostileConfig(t *testing.T) {
	deep := writeConfig(t, "fail_on = "+strings.Repeat("[", 100_000)+strings.Repeat("]", 100_000)+"\n")
	r := lintCLI(t, nil, "lint", "--config", deep, fixture)
	wantUsageError(t, r, deep+":1: config nesting deeper than the limit of 64 levels")
	big := writeConfig(t, "# "+strings.Repeat("x", 300<<10)+"\n")
	wantUsageError(t, lintCLI(t, nil, "lint", "--config", big, fixture), big+": config file larger than the 256 KiB limit")
}

// TestRunLimits: a plan past the resources or findings a run takes gives
// one line naming the limit and exit 2, before memory grows with it.
func TestRunLimits(t *testing.T) {
	plan := func(n int, change string) []byte {
		var b bytes.Buffer
		b.WriteString(`{"format_version":"1.2","resource_changes":[`)
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"address":"r.p%d","mode":"managed","type":%s}`, i, change)
		}
		b.WriteString(`]}`)
		return b.Bytes()
	}
	profile := `"aws_iam_user_login_profile","name":"p","change":{"actions":["no-op"],"before":{},"after":{"password_reset_required":true},"after_unknown":{}}`
	weak := `"aws_iam_account_password_policy","name":"p","change":{"actions":["update"],` +
		`"before":{"minimum_password_length":20,"max_password_age":30,"password_reuse_prevention":24,"require_symbols":true,"require_numbers":true,"require_uppercase_characters":true,"require_lowercase_characters":true,"allow_users_to_change_password":true,"hard_expiry":false},` +
		`"after":{"minimum_password_length":6},"after_unknown":{}}`
	for _, c := range []struct {
		plan []byte
		want string
	}{
		{plan(lint.MaxResources+1, profile), fmt.Sprintf("past %d resources of the types iamguard reads", lint.MaxResources)},
		{plan(lint.MaxFindings/10, weak), fmt.Sprintf("past %d findings", lint.MaxFindings)},
	} {
		r := lintCLI(t, c.plan, "lint", "--no-config", "-")
		if r.code != 2 || !strings.Contains(r.stderr, c.want) || strings.Count(r.stderr, "\n") != 1 || r.stdout != "" {
			t.Errorf("exit %d, stdout %d bytes, stderr %q; want exit 2 and one line with %q", r.code, len(r.stdout), r.stderr, c.want)
		}
	}
}

// TestNowZero: the zero time would mean "not given" to the linter, which
// then judges at the plan's timestamp; --now refuses it.
func TestNowZero(t *testing.T) {
	r := lintCLI(t, nil, "lint", "--no-config", "--now", "0001-01-01T00:00:00Z", "testdata/plan.json")
	if r.code != 2 || !strings.Contains(r.stderr, "zero time") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestDoubleDash: after "--", every argument is a plan, however it looks;
// "--" given as a flag's value ends nothing.
func TestDoubleDash(t *testing.T) {
	data, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	for _, name := range []string{"-a.json", "--fail-on=critical", "--"} {
		writeFile(t, ".", name, string(data))
	}
	r := lintCLI(t, nil, "lint", "--no-config", "--format", "json", "--", "-a.json", "--fail-on=critical")
	if r.code != 1 || strings.Count(r.stdout, `"path": "`) != 2 {
		t.Errorf("exit %d, stderr %q; want both files linted as plans, the findings failing the run", r.code, r.stderr)
	}
	r = lintCLI(t, nil, "lint", "--no-config", "--output", "--", "--fail-on=critical", "--", "-a.json")
	if _, err := os.Stat("--"); r.code != 0 || err != nil {
		t.Errorf("exit %d, stderr %q; want the report written to the file --, and --fail-on applied", r.code, r.stderr)
	}
}

// fullWriter takes nothing, as /dev/full.
type fullWriter struct{}

func (fullWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// TestStdoutWriteFails: the version or help standard output cannot take is
// an error, exit 2, as a report is (round 245: exit 0).
func TestStdoutWriteFails(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--help"}, {"lint", "--help"}, {"version", "-h"}} {
		var errb bytes.Buffer
		code := run(args, bytes.NewReader(nil), fullWriter{}, &errb)
		if want := "iamguard: writing to standard output: no space left on device\n"; code != exitUsage || errb.String() != want {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", args, code, errb.String(), exitUsage, want)
		}
	}
}

// TestErroredPlan: a plan Terraform stopped at an error is refused, exit 2,
// not judged by the changes it got to; with none, as a refresh-only plan
// (round 246: a key switched back on passed, exit 0).
func TestErroredPlan(t *testing.T) {
	wantUsageError(t, lintCLI(t, nil, "lint", "--no-config", "testdata/errored/plan.json"),
		"testdata/errored/plan.json: the plan is errored: Terraform stopped planning at an error and may have left changes out; fix the error and plan again")
}
