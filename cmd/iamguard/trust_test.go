package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A pull request can add a .iamguard.hcl that switches off every rule that
// fires and lowers the bar: the report must say so in every format.
const hostileConfig = `baseline {
  password_min_length = 6
}
fail_on = "critical"
rule "IG101" { enabled = false }
rule "IG202" { enabled = false }
rule "IG601" { enabled = false }
`

func TestConfigVisibleInEveryFormat(t *testing.T) {
	plan, _ := filepath.Abs(fixture)
	t.Chdir(t.TempDir())
	os.WriteFile(".iamguard.hcl", []byte(hostileConfig), 0o600)
	for _, format := range []string{"text", "json", "sarif", "junit", "github", "markdown"} {
		r := lintCLI(t, nil, "lint", "--format", format, plan)
		if r.code != 0 {
			t.Fatalf("%s: exit %d, stderr %q", format, r.code, r.stderr)
		}
		for _, want := range []string{".iamguard.hcl", "IG101", "IG202", "IG601", "password_min_length", "fail_on", "critical"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("%s report does not show %q:\n%s", format, want, r.stdout)
			}
		}
	}

	var rep struct {
		Config *struct {
			File             string   `json:"file"`
			DisabledRules    []string `json:"disabled_rules"`
			WeakenedBaseline []struct {
				Name           string
				Value, Default int
			} `json:"weakened_baseline"`
			FailOn        string `json:"fail_on"`
			FailOnDefault string `json:"fail_on_default"`
			Weakens       bool   `json:"weakens"`
		} `json:"config"`
		Summary struct{ Findings int }
	}
	jsonOf := func(r result) {
		t.Helper()
		rep.Config = nil
		if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
			t.Fatalf("not JSON: %v; stderr %q", err, r.stderr)
		}
	}
	jsonOf(lintCLI(t, nil, "lint", "--format", "json", plan))
	c := rep.Config
	if c == nil || c.File != ".iamguard.hcl" || strings.Join(c.DisabledRules, ",") != "IG101,IG202,IG601" ||
		len(c.WeakenedBaseline) != 1 || c.WeakenedBaseline[0].Name != "password_min_length" ||
		c.WeakenedBaseline[0].Value != 6 || c.WeakenedBaseline[0].Default != 14 ||
		c.FailOn != "critical" || c.FailOnDefault != "low" || !c.Weakens {
		t.Errorf("JSON config = %+v", c)
	}

	// --no-config ignores the file: the findings are back, and so is exit 1.
	r := lintCLI(t, nil, "lint", "--format", "json", "--no-config", plan)
	if jsonOf(r); r.code != 1 || rep.Config != nil || rep.Summary.Findings != 3 {
		t.Errorf("--no-config: exit %d, config %+v, %d findings", r.code, rep.Config, rep.Summary.Findings)
	}
	// --config from a trusted path wins over the file in the working directory.
	trusted := writeConfig(t, "rule \"IG601\" { enabled = false }\n")
	r = lintCLI(t, nil, "lint", "--format", "json", "--config", trusted, plan)
	if jsonOf(r); r.code != 1 || rep.Config == nil || rep.Config.File != trusted || rep.Summary.Findings != 2 {
		t.Errorf("--config %s: exit %d, config %+v", trusted, r.code, rep.Config)
	}
	wantUsageError(t, lintCLI(t, nil, "lint", "--no-config", "--config", trusted, plan), "--config and --no-config cannot be used together")

	// fail_on above the default counts as weakening from the flag too.
	r = lintCLI(t, nil, "lint", "--format", "json", "--no-config", "--fail-on", "high", plan)
	if jsonOf(r); rep.Config == nil || rep.Config.File != "" || rep.Config.FailOn != "high" || !rep.Config.Weakens {
		t.Errorf("--fail-on high: config %+v", rep.Config)
	}
	if r := lintCLI(t, nil, "lint", "--format", "github", "--no-config", "--fail-on", "high", plan); !strings.HasPrefix(r.stdout, "::warning title=iamguard configuration::") {
		t.Errorf("GitHub output does not open with the configuration warning:\n%s", r.stdout)
	}

	// So do the flags that change what is judged (round 226: a --now
	// years back hid every stale key, and no report said so).
	for _, format := range []string{"text", "sarif", "junit", "github", "markdown"} {
		r := lintCLI(t, nil, "lint", "--format", format, "--no-config", "--changed-only", "--now", "2015-01-05T00:00:00Z", plan)
		for _, want := range []string{"--changed-only", "--now 2015-01-05T00:00:00Z"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("%s report does not show %q:\n%s", format, want, r.stdout)
			}
		}
	}
	var flags struct {
		Config *struct {
			ChangedOnly bool   `json:"changed_only"`
			Now         string `json:"now"`
			Weakens     bool   `json:"weakens"`
		} `json:"config"`
	}
	r = lintCLI(t, nil, "lint", "--format", "json", "--no-config", "--changed-only", "--now", "2015-01-05T00:00:00Z", plan)
	if err := json.Unmarshal([]byte(r.stdout), &flags); err != nil || flags.Config == nil || !flags.Config.ChangedOnly ||
		flags.Config.Now != "2015-01-05T00:00:00Z" || !flags.Config.Weakens {
		t.Errorf("--changed-only --now: config %+v, %v", flags.Config, err)
	}
}

// panicWriter fails as a bug would.
type panicWriter struct{}

func (panicWriter) Write([]byte) (int, error) { panic("a bug") }

// TestInternalErrorOneLine: a bug is one line on stderr and exit 2, never
// a stack trace.
func TestInternalErrorOneLine(t *testing.T) {
	var stderr strings.Builder
	code := run([]string{"lint", fixture}, nil, panicWriter{}, &stderr)
	if want := "iamguard: internal error, please report it: a bug\n"; code != exitUsage || stderr.String() != want {
		t.Errorf("exit %d, stderr %q; want %d, %q", code, stderr.String(), exitUsage, want)
	}
}

func TestUsageErrors(t *testing.T) {
	wantUsageError(t, lintCLI(t, nil), "iamguard: usage: iamguard lint|rules|version")
	r := lintCLI(t, nil, "scan", "plan.json")
	wantUsageError(t, r, `iamguard: unknown command "scan"; usage: iamguard lint|rules|version`)
	wantUsageError(t, lintCLI(t, nil, "scan\x1b[2J\nrm"), `unknown command "scan\x1b[2J\nrm"`)
	wantUsageError(t, lintCLI(t, nil, "rules", "x"), `iamguard: rules takes no arguments, not "x"; usage: iamguard lint|rules|version`)
	wantUsageError(t, lintCLI(t, nil, "version", "extra"), `iamguard: version takes no arguments, not "extra"; usage:`)
	// An empty or space-edged name shows; an empty file flag is refused,
	// not taken for its default.
	wantUsageError(t, lintCLI(t, nil, "lint", ""), `iamguard: "": `)
	wantUsageError(t, lintCLI(t, nil, "lint", fixture+" "), `iamguard: "`+fixture+` ": `)
	for _, name := range []string{"--output", "--config", "--terraform"} {
		wantUsageError(t, lintCLI(t, nil, "lint", name, "", fixture), "iamguard: "+name+" is empty: give it a file name")
	}
	wantUsageError(t, lintCLI(t, nil, "lint", "--now=", fixture), "iamguard: --now is empty: give it a time (RFC3339)")
	// An unknown flag's name is quoted as a path is (round 314), and a
	// config from stdin is refused by name, not as a file called "-".
	wantUsageError(t, lintCLI(t, nil, "lint", "--bo\ngus", fixture), `iamguard: flag provided but not defined: "-bo\ngus"`)
	wantUsageError(t, lintCLI(t, nil, "lint", "---x\x1b]0;t\a", fixture), `iamguard: bad flag syntax: "---x\x1b]0;t\a"`)
	wantUsageError(t, lintCLI(t, nil, "lint", "--config", "-", fixture), "iamguard: --config - cannot read standard input; name a file, such as --config /dev/stdin")
	for _, args := range [][]string{{"--help"}, {"help"}, {"lint", "--help"}, {"rules", "-h"}, {"version", "--help"}} {
		r := lintCLI(t, nil, args...)
		if r.code != 0 || r.stderr != "" || !strings.Contains(r.stdout, "--terraform-timeout") {
			t.Errorf("%v: exit %d, stderr %q, stdout %q; want the full usage on stdout", args, r.code, r.stderr, r.stdout)
		}
	}
}

// TestOutputNeverAnInput: the report never takes the place of a file the
// run reads: a plan or config named on the command line is an error, and a
// report of an earlier run found in a directory is passed over.
func TestOutputNeverAnInput(t *testing.T) {
	dir := t.TempDir()
	plan, earlier := filepath.Join(dir, "plan.json"), filepath.Join(dir, "report.json")
	data, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{plan, earlier} {
		if err := os.WriteFile(f, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wantUsageError(t, lintCLI(t, nil, "lint", "--output", plan, plan), "would overwrite "+plan+", which this run reads")
	if after, _ := os.ReadFile(plan); !bytes.Equal(after, data) {
		t.Error("the plan was overwritten")
	}
	// Nor the file stdin reads (lint --output plan.json - < plan.json; round 144).
	in, err := os.Open(plan)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	var out, errb bytes.Buffer
	code := run([]string{"lint", "--output", plan, "-"}, in, &out, &errb)
	wantUsageError(t, result{code, out.String(), errb.String()}, "would overwrite the plan this run reads from standard input")
	if after, _ := os.ReadFile(plan); !bytes.Equal(after, data) {
		t.Error("the plan stdin reads was overwritten")
	}
	r := lintCLI(t, nil, "lint", "--format", "json", "--output", earlier, dir)
	if r.code != exitFindings || !strings.Contains(r.stderr, "report.json: skipped, it is the --output file") {
		t.Errorf("a directory holding the output: exit %d, stderr %q", r.code, r.stderr)
	}
	var rep jsonReport
	if out, _ := os.ReadFile(earlier); json.Unmarshal(out, &rep) != nil || rep.Summary.Findings == 0 {
		t.Errorf("the report was not written over the earlier one:\n%.200s", out)
	}
}
