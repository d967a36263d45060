package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
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
}

func TestUsageErrors(t *testing.T) {
	wantUsageError(t, lintCLI(t, nil), "iamguard: usage: iamguard lint|rules|version")
	r := lintCLI(t, nil, "scan", "plan.json")
	wantUsageError(t, r, `iamguard: unknown command "scan"; usage: iamguard lint|rules|version`)
	wantUsageError(t, lintCLI(t, nil, "scan\x1b[2J\nrm"), `unknown command "scan\x1b[2J\nrm"`)
	for _, args := range [][]string{{"--help"}, {"help"}, {"lint", "--help"}, {"rules", "-h"}} {
		r := lintCLI(t, nil, args...)
		if r.code != 0 || r.stderr != "" || !strings.Contains(r.stdout, "--terraform-timeout") {
			t.Errorf("%v: exit %d, stderr %q, stdout %q; want the full usage on stdout", args, r.code, r.stderr, r.stdout)
		}
	}
}

// TestControlCharactersQuoted: names with newlines or escape sequences are
// quoted in errors, so stderr stays one line and the terminal untouched.
func TestControlCharactersQuoted(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "plan\n\x1b[31mred.json")
	quoted := `"` + dir + `/plan\n\x1b[31mred.json"`
	wantUsageError(t, lintCLI(t, nil, "lint", name), quoted+": no such file or directory")
	wantUsageError(t, lintCLI(t, nil, "lint", "--config", name, fixture), "--config "+quoted+": no such file")
	bad := filepath.Join(dir, "bad\r.hcl")
	os.WriteFile(bad, []byte("fail_on = nope\n"), 0o600)
	wantUsageError(t, lintCLI(t, nil, "lint", "--config", bad, fixture), `"`+dir+`/bad\r.hcl":1: Variables not allowed`)
	wantUsageError(t, lintCLI(t, nil, "lint", "--output", filepath.Join(name, "out"), fixture), `--output "`+dir+`/plan\n\x1b[31mred.json/out": no such file or directory`)
	binary := filepath.Join(dir, "tfplan\n")
	os.WriteFile(binary, []byte("PK\x03\x04"), 0o600)
	wantUsageError(t, lintCLI(t, nil, "lint", binary, "--terraform", name), `"`+dir+`/tfplan\n" is a binary plan file: --terraform `+quoted+": not found")
}

// fakeTerraform writes a shell script standing in for terraform and
// returns its path.
func fakeTerraform(t *testing.T, script string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "terraform")
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"+script), 0o700); err != nil {
		t.Fatal(err)
	}
	return path
}

const binaryPlan = "PK\x03\x04 a saved plan"

func TestTerraformTimeout(t *testing.T) {
	// The child keeps terraform's pipes open after terraform is killed.
	tf := fakeTerraform(t, "sleep 30\n")
	start := time.Now()
	r := lintCLI(t, []byte(binaryPlan), "lint", "-", "--terraform", tf, "--terraform-timeout", "500ms")
	wantUsageError(t, r, "-: terraform show -json did not finish within the --terraform-timeout of 500ms")
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v after a 500ms timeout", d)
	}
	wantUsageError(t, lintCLI(t, nil, "lint", fixture, "--terraform-timeout", "0s"), "--terraform-timeout must be above zero")
}

// TestPlanFromFIFO: a plan given as a FIFO (or process substitution,
// /dev/fd/N) is read as a stream; a binary plan in one is copied to a
// regular file first, since terraform show must open it by name.
func TestPlanFromFIFO(t *testing.T) {
	planJSON, _ := os.ReadFile(fixture)
	viaFIFO := func(data []byte, args ...string) result {
		t.Helper()
		fifo := filepath.Join(t.TempDir(), "plan.fifo")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Skip("no FIFOs here:", err)
		}
		go func() {
			f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
			if err == nil {
				f.Write(data)
				f.Close()
			}
		}()
		return lintCLI(t, nil, append([]string{"lint", "--format", "json", fifo}, args...)...)
	}
	direct := lintCLI(t, planJSON, "lint", "--format", "json", "-")
	if r := viaFIFO(planJSON); r.code != 1 || r.stdout != direct.stdout {
		t.Errorf("JSON plan through a FIFO: exit %d, stderr %q", r.code, r.stderr)
	}
	// terraform show gets a regular file holding the whole plan.
	tf := fakeTerraform(t, `test -f "$4" && test "$(head -c 20 "$4")" = "`+binaryPlan+`" || { echo "Error: Failed to read the given file" >&2; exit 1; }
cat "`+mustAbs(t, fixture)+`"
`)
	if r := viaFIFO([]byte(binaryPlan), "--terraform", tf); r.code != 1 || r.stdout != direct.stdout {
		t.Errorf("binary plan through a FIFO: exit %d, stderr %q", r.code, r.stderr)
	}
}

func mustAbs(t *testing.T, name string) string {
	t.Helper()
	abs, err := filepath.Abs(name)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// TestMainProcess runs main in a child process for TestInterrupt.
func TestMainProcess(t *testing.T) {
	args := os.Getenv("IAMGUARD_TEST_ARGS")
	if args == "" {
		t.Skip("runs only as TestInterrupt's child")
	}
	os.Exit(run(strings.Split(args, "\n"), os.Stdin, os.Stdout, os.Stderr))
}

// TestInterrupt: SIGINT or SIGTERM while terraform show runs kills
// terraform, removes the temporary copy of a plan read from stdin, and
// exits 2 with one line.
func TestInterrupt(t *testing.T) {
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			tmp, pidFile := t.TempDir(), filepath.Join(t.TempDir(), "pid")
			tf := fakeTerraform(t, "echo $$ > "+pidFile+"\nexec sleep 30\n")
			cmd := exec.Command(os.Args[0], "-test.run=^TestMainProcess$")
			cmd.Env = append(os.Environ(), "TMPDIR="+tmp, "IAMGUARD_TEST_ARGS=lint\n-\n--terraform\n"+tf)
			cmd.Stdin = strings.NewReader(binaryPlan)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			var pid int
			for deadline := time.Now().Add(20 * time.Second); pid == 0; time.Sleep(20 * time.Millisecond) {
				if b, err := os.ReadFile(pidFile); err == nil && len(b) > 0 && b[len(b)-1] == '\n' {
					pid, _ = strconv.Atoi(strings.TrimSpace(string(b)))
				} else if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatalf("terraform never started; stderr %q", stderr.String())
				}
			}
			if ents, _ := os.ReadDir(tmp); len(ents) != 1 {
				t.Errorf("want the temporary copy of the plan in %s while terraform runs, found %d files", tmp, len(ents))
			}
			cmd.Process.Signal(sig)
			err := cmd.Wait()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 2 {
				t.Errorf("exit %v, want code 2", err)
			}
			if s := stderr.String(); !strings.Contains(s, "interrupted") || strings.Count(s, "\n") != 1 {
				t.Errorf("stderr = %q, want one line saying it was interrupted", s)
			}
			if ents, _ := os.ReadDir(tmp); len(ents) != 0 {
				t.Errorf("temporary files left behind: %v", ents)
			}
			if err := syscall.Kill(pid, 0); !errors.Is(err, syscall.ESRCH) {
				syscall.Kill(pid, syscall.SIGKILL)
				t.Errorf("terraform (pid %d) still runs after the signal: %v", pid, err)
			}
		})
	}
}
