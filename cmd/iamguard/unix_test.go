//go:build unix

package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/iamguard/terraform-provider-iamguard/internal/plan/plantest"
)

// Tests that need a POSIX shell, FIFOs, signals or file names with control
// characters.

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
	wantUsageError(t, lintCLI(t, nil, "lint", "--config", bad, fixture), `"`+dir+`/bad\r.hcl":1: only literal values`)
	wantUsageError(t, lintCLI(t, nil, "lint", "--output", filepath.Join(name, "out"), fixture), `--output "`+dir+`/plan\n\x1b[31mred.json/out": no such file or directory`)
	// With several plans, or a directory.
	wantUsageError(t, lintCLI(t, nil, "lint", fixture, name), quoted+": no such file or directory")
	empty := filepath.Join(dir, "no\nplans")
	os.Mkdir(empty, 0o700)
	wantUsageError(t, lintCLI(t, nil, "lint", empty), `"`+dir+`/no\nplans": no *.json or binary plan files`)
	binary := filepath.Join(dir, "tfplan\n")
	os.WriteFile(binary, []byte("PK\x03\x04"), 0o600)
	wantUsageError(t, lintCLI(t, nil, "lint", binary, "--terraform", name), `"`+dir+`/tfplan\n" is a binary plan file: --terraform `+quoted+": not found")
}

// shellTerraform writes a shell script standing in for terraform and
// returns its path.
func shellTerraform(t *testing.T, script string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "terraform")
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"+script), 0o700); err != nil {
		t.Fatal(err)
	}
	return path
}

// binaryPlanBytes is a saved plan as iamguard sees one before terraform
// show reads it: a zip with a tfplan entry.
var binaryPlanBytes = func() string {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "tfplan", Method: zip.Store})
	w.Write([]byte("a saved plan"))
	zw.Close()
	return b.String()
}()

func TestTerraformTimeout(t *testing.T) {
	// The child keeps terraform's pipes open after terraform is killed, as
	// terraform's provider plugins would; it is killed with terraform.
	pidFile := filepath.Join(t.TempDir(), "pid")
	tf := shellTerraform(t, "sleep 30 &\necho $! > "+pidFile+"\nsleep 30\n")
	start := time.Now()
	r := lintCLI(t, []byte(binaryPlanBytes), "lint", "-", "--terraform", tf, "--terraform-timeout", "500ms")
	wantUsageError(t, r, "-: terraform show -json did not finish within the --terraform-timeout of 500ms")
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v after a 500ms timeout", d)
	}
	b, err := os.ReadFile(pidFile)
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid == 0 {
		t.Fatalf("terraform's child never started: %v", err)
	}
	for deadline := time.Now().Add(5 * time.Second); running(pid); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			syscall.Kill(pid, syscall.SIGKILL)
			t.Fatalf("terraform's child (pid %d) still runs after terraform was stopped", pid)
		}
	}
	wantUsageError(t, lintCLI(t, nil, "lint", fixture, "--terraform-timeout", "0s"), "--terraform-timeout must be above zero")
	// A timeout that runs out before terraform starts is named too, not
	// given as terraform failing to run.
	r = lintCLI(t, []byte(binaryPlanBytes), "lint", "-", "--terraform", tf, "--terraform-timeout", "1ns")
	wantUsageError(t, r, "-: terraform show -json did not finish within the --terraform-timeout of 1ns")
}

// TestPlanFromFIFO: a plan given as a FIFO (or process substitution,
// /dev/fd/N) is read as a stream; a binary plan in one is copied to a
// regular file first, since terraform show must open it by name.
func TestPlanFromFIFO(t *testing.T) {
	planJSON, _ := os.ReadFile(fixture)
	viaFIFO := func(data []byte, args ...string) result {
		t.Helper()
		fifo := fifoWith(t, data)
		return lintCLI(t, nil, append([]string{"lint", "--format", "json", fifo}, args...)...)
	}
	direct := lintCLI(t, planJSON, "lint", "--format", "json", "-")
	if r := viaFIFO(planJSON); r.code != 1 || r.stdout != direct.stdout {
		t.Errorf("JSON plan through a FIFO: exit %d, stderr %q", r.code, r.stderr)
	}
	// terraform show gets a regular file holding the whole plan.
	saved := writeFile(t, t.TempDir(), "saved.tfplan", binaryPlanBytes)
	tf := shellTerraform(t, `test -f "$4" && cmp -s "$4" "`+saved+`" || { echo "Error: Failed to read the given file" >&2; exit 1; }
cat "`+mustAbs(t, fixture)+`"
`)
	if r := viaFIFO([]byte(binaryPlanBytes), "--terraform", tf); r.code != 1 || r.stdout != direct.stdout {
		t.Errorf("binary plan through a FIFO: exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestBinaryPlanAsDevStdin: a binary plan named /dev/stdin, a file
// redirected there, reaches terraform show as a copy: /dev/stdin is
// another file in terraform.
func TestBinaryPlanAsDevStdin(t *testing.T) {
	saved := writeFile(t, t.TempDir(), "saved.tfplan", binaryPlanBytes)
	tf := shellTerraform(t, `cmp -s "$4" "`+saved+`" || { echo "Error: Failed to read the given file" >&2; exit 1; }
cat "`+mustAbs(t, fixture)+`"
`)
	link := filepath.Join(t.TempDir(), "stdin")
	if err := os.Symlink("/dev/stdin", link); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"/dev/stdin", "/dev//stdin", "/proc/self/fd/0", link} {
		in, err := os.Open(saved)
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestMainProcess$")
		cmd.Env = append(os.Environ(), "IAMGUARD_TEST_ARGS=lint\n--no-config\n--terraform\n"+tf+"\n"+name)
		cmd.Stdin = in
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		cmd.Run()
		in.Close()
		if code := cmd.ProcessState.ExitCode(); code != 1 {
			t.Errorf("%s: exit %d, stderr %q; want the plan linted", name, code, stderr.String())
		}
	}
}

// TestBinaryPlanNamedLikeAFlag: a binary plan whose name starts with "-"
// reaches terraform show as a file, not a flag, also when it runs in the
// plan's own directory (which holds .terraform) and gets the bare name.
func TestBinaryPlanNamedLikeAFlag(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".terraform"), 0o700); err != nil {
		t.Fatal(err)
	}
	planFile := writeFile(t, dir, "-json", binaryPlanBytes)
	tf := shellTerraform(t, `case "$4" in -*) echo "Error: flag provided but not defined: $4" >&2; exit 1;; esac
test -f "$4" || { echo "Error: no such file" >&2; exit 1; }
cat "`+mustAbs(t, fixture)+`"
`)
	if r := lintCLI(t, nil, "lint", "--no-config", "--terraform", tf, planFile); r.code != 1 {
		t.Errorf("exit %d, stderr %q; want the plan linted", r.code, r.stderr)
	}
}

// fifoWith makes a FIFO and writes data into it once a reader opens it.
func fifoWith(t *testing.T, data []byte) string {
	t.Helper()
	fifo := filepath.Join(t.TempDir(), "plan.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	go func() {
		if f, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			f.Write(data)
			f.Close()
		}
	}()
	return fifo
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

// TestInterrupt: SIGINT, SIGTERM, SIGHUP or SIGQUIT while terraform show runs kills
// terraform, removes the temporary copy of a plan read from stdin, and
// exits 2 with one line.
func TestInterrupt(t *testing.T) {
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT, again{syscall.SIGTERM}} {
		t.Run(sig.String(), func(t *testing.T) {
			tmp, pidFile := t.TempDir(), filepath.Join(t.TempDir(), "pid")
			tf := shellTerraform(t, "echo $$ > "+pidFile+"\nexec sleep 30\n")
			cmd := exec.Command(os.Args[0], "-test.run=^TestMainProcess$")
			cmd.Env = append(os.Environ(), "TMPDIR="+tmp, "IAMGUARD_TEST_ARGS=lint\n-\n--terraform\n"+tf)
			cmd.Stdin = strings.NewReader(binaryPlanBytes)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			pid := startTerraform(t, cmd, pidFile)
			if ents, _ := os.ReadDir(tmp); len(ents) != 1 {
				t.Errorf("want the temporary copy of the plan in %s while terraform runs, found %d files", tmp, len(ents))
			}
			wantInterrupted(t, cmd, sig, &stderr, tmp)
			// Killed, it may stay a zombie a while, once iamguard ended
			// at once without reaping it.
			for deadline := time.Now().Add(5 * time.Second); running(pid); time.Sleep(20 * time.Millisecond) {
				if time.Now().After(deadline) {
					syscall.Kill(pid, syscall.SIGKILL)
					t.Errorf("terraform (pid %d) still runs after the signal", pid)
					break
				}
			}
		})
	}
}

// startTerraform starts cmd, an iamguard whose fake terraform writes its
// process ID to pidFile, and returns that ID once terraform runs.
func startTerraform(t *testing.T, cmd *exec.Cmd, pidFile string) int {
	t.Helper()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if b, err := os.ReadFile(pidFile); err == nil && len(b) > 0 && b[len(b)-1] == '\n' {
			pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
			return pid
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("terraform never started; stderr %v", cmd.Stderr)
		}
	}
}

// TestKilledTerraformDies: iamguard killed outright (a CI job cancelled
// with SIGKILL to its group, which is not terraform's) takes terraform
// with it on Linux (round 322: it ran on, orphaned).
func TestKilledTerraformDies(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("only Linux has a parent-death signal")
	}
	pidFile := filepath.Join(t.TempDir(), "pid")
	tf := shellTerraform(t, "echo $$ > "+pidFile+"\nexec sleep 30\n")
	cmd := exec.Command(os.Args[0], "-test.run=^TestMainProcess$")
	// Its temporary copy of the plan stays behind, as SIGKILL leaves it.
	cmd.Env = append(os.Environ(), "TMPDIR="+t.TempDir(), "IAMGUARD_TEST_ARGS=lint\n-\n--terraform\n"+tf)
	cmd.Stdin = strings.NewReader(binaryPlanBytes)
	pid := startTerraform(t, cmd, pidFile)
	cmd.Process.Kill()
	cmd.Wait()
	for deadline := time.Now().Add(5 * time.Second); running(pid); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			syscall.Kill(pid, syscall.SIGKILL)
			t.Fatalf("terraform (pid %d) still runs after iamguard was killed", pid)
		}
	}
}

// TestTerraformOnRelativePath: a terraform found only through a relative
// entry of PATH is not run, as Go's os/exec runs none, and the error says
// so, rather than that none exists or running tofu in its place (round
// 322).
func TestTerraformOnRelativePath(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, name := range []string{"tb/terraform", "other/tofu"} {
		os.MkdirAll(filepath.Dir(name), 0o700)
		if err := os.WriteFile(name, []byte("#!/bin/sh\nexit 1\n"), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", "tb:"+filepath.Join(dir, "other"))
	planFile := writeFile(t, dir, "tfplan", binaryPlanBytes)
	want := "terraform is found first through a relative entry of PATH (tb/terraform), which iamguard does not run; pass --terraform with its absolute path"
	wantUsageError(t, lintCLI(t, nil, "lint", "--no-config", planFile), want)
	// Named so too (round 323).
	wantUsageError(t, lintCLI(t, nil, "lint", "--no-config", "--terraform", "terraform", planFile), "--terraform terraform: "+want)
}

// TestRelativeTMPDIR: a relative TMPDIR is where iamguard runs, not in the
// plan's directory where terraform show runs (round 323: the provider's
// plugin could make no socket, and every such plan failed).
func TestRelativeTMPDIR(t *testing.T) {
	plan := mustAbs(t, fixture)
	t.Chdir(t.TempDir())
	for _, d := range []string{"tmp", "live/.terraform"} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("TMPDIR", "tmp")
	planFile := writeFile(t, "live", "tfplan", binaryPlanBytes)
	tf := shellTerraform(t, `test -d "$TMPDIR" || { echo "Error: no $TMPDIR in $PWD" >&2; exit 1; }
cat "`+plan+`"
`)
	if r := lintCLI(t, nil, "lint", "--no-config", "--terraform", tf, planFile); r.code != 1 {
		t.Errorf("exit %d, stderr %q; want the plan linted", r.code, r.stderr)
	}
}

// TestFIFOInItsOwnDirectory: a binary plan read through a FIFO in an
// initialised directory is shown there, as a file there is (round 322: in
// the current directory, where terraform found no providers).
func TestFIFOInItsOwnDirectory(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".terraform"), 0o700); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "plan.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	go func() {
		if f, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			f.Write([]byte(binaryPlanBytes))
			f.Close()
		}
	}()
	tf := shellTerraform(t, `test -d .terraform || { echo "Error: not initialised: $PWD" >&2; exit 1; }
cat "`+mustAbs(t, fixture)+`"
`)
	if r := lintCLI(t, nil, "lint", "--no-config", "--terraform", tf, fifo); r.code != 1 {
		t.Errorf("exit %d, stderr %q; want the plan linted", r.code, r.stderr)
	}
}

// TestInterruptWhileWaiting: a signal while iamguard waits on a stream
// that never delivers (a binary plan on stdin whose writer stalls, a plan
// or config FIFO no writer opens) still ends the run at once: exit 2, one line, and no
// temporary copy left behind.
func TestInterruptWhileWaiting(t *testing.T) {
	tf := shellTerraform(t, "exit 1\n")
	for _, c := range []struct {
		name string
		// start returns the arguments and stdin, and waits (after the
		// child starts) until it is stuck.
		setup func(t *testing.T, tmp string) (args string, stdin io.Reader, stuck func(pid int) bool)
	}{
		{"binary plan on a stalled stdin", func(t *testing.T, tmp string) (string, io.Reader, func(int) bool) {
			// An *os.File, so that exec hands it over without a copying
			// goroutine that Wait would wait for.
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { r.Close(); w.Close() })
			w.Write([]byte(binaryPlanBytes)) // and nothing more
			return "lint\n-\n--terraform\n" + tf, r, func(int) bool {
				ents, _ := os.ReadDir(tmp) // the copy has begun
				return len(ents) == 1
			}
		}},
		{"FIFO with no writer", func(t *testing.T, tmp string) (string, io.Reader, func(int) bool) {
			fifo := filepath.Join(t.TempDir(), "plan.fifo")
			if err := syscall.Mkfifo(fifo, 0o600); err != nil {
				t.Fatal(err)
			}
			return "lint\n" + fifo, nil, func(pid int) bool { return waitsOnFIFO(t, pid) }
		}},
		{"several plans, FIFOs with no writer first", func(t *testing.T, tmp string) (string, io.Reader, func(int) bool) {
			var fifos []string
			for _, name := range []string{"a.fifo", "b.fifo"} {
				fifo := filepath.Join(t.TempDir(), name)
				if err := syscall.Mkfifo(fifo, 0o600); err != nil {
					t.Fatal(err)
				}
				fifos = append(fifos, fifo)
			}
			// One signal ends the run: not one for each plan still to read.
			return "lint\n" + strings.Join(fifos, "\n") + "\n" + fixture, nil, func(pid int) bool { return waitsOnFIFO(t, pid) }
		}},
		{"config FIFO with no writer", func(t *testing.T, tmp string) (string, io.Reader, func(int) bool) {
			fifo := filepath.Join(t.TempDir(), "config.fifo")
			if err := syscall.Mkfifo(fifo, 0o600); err != nil {
				t.Fatal(err)
			}
			return "lint\n--config\n" + fifo + "\n" + fixture, nil, func(pid int) bool { return waitsOnFIFO(t, pid) }
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			tmp := t.TempDir()
			args, stdin, stuck := c.setup(t, tmp)
			cmd := exec.Command(os.Args[0], "-test.run=^TestMainProcess$")
			cmd.Env = append(os.Environ(), "TMPDIR="+tmp, "IAMGUARD_TEST_ARGS="+args)
			cmd.Stdin = stdin
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			for deadline := time.Now().Add(20 * time.Second); !stuck(cmd.Process.Pid); time.Sleep(20 * time.Millisecond) {
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatalf("never got stuck; stderr %q", stderr.String())
				}
			}
			wantInterrupted(t, cmd, syscall.SIGTERM, &stderr, tmp)
		})
	}
}

// again is a signal sent again and again, a millisecond apart, as GNU
// timeout sends it twice (to the process, then to its group): one after
// the first ends the run at once, exit 2, the temporary copy removed first
// (round 110: it stayed, exit 143).
type again struct{ sig syscall.Signal }

func (s again) String() string { return s.sig.String() + " again" }
func (s again) Signal()        {}

// wantInterrupted signals the running cmd and wants it to end within 10 s
// with exit code 2, one line on stderr saying it was interrupted, and no
// file left in tmp.
func wantInterrupted(t *testing.T, cmd *exec.Cmd, sig os.Signal, stderr *bytes.Buffer, tmp string) {
	t.Helper()
	done := make(chan error, 1)
	if a, ok := sig.(again); ok {
		sig = a.sig
		ended := make(chan struct{})
		go func() {
			for {
				select {
				case <-ended:
					return
				case <-time.After(time.Millisecond):
					cmd.Process.Signal(sig)
				}
			}
		}()
		defer close(ended)
	}
	cmd.Process.Signal(sig)
	go func() { done <- cmd.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("still running 10 s after %v", sig)
	}
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
}

// TestSignalWhileWriting: a signal while the report is written (to a pipe
// nobody reads, so the write blocks) ends the run at once, exit 2 with one
// line, not swallowed by the handler that stops the reading.
func TestSignalWhileWriting(t *testing.T) {
	planFile := filepath.Join(t.TempDir(), "plan.json")
	f, err := os.Create(planFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := plantest.WriteAccessKeys(f, 1000); err != nil { // a report far past a pipe's buffer
		t.Fatal(err)
	}
	f.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestMainProcess$")
	cmd.Env = append(os.Environ(), "IAMGUARD_TEST_ARGS=lint\n--no-config\n"+planFile)
	cmd.Stdout = w // never read
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	for deadline := time.Now().Add(20 * time.Second); !waitsIn(t, cmd.Process.Pid, "pipe_write"); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("never blocked writing the report")
		}
	}
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("still running 10 s after SIGTERM while writing the report")
	}
	if code := cmd.ProcessState.ExitCode(); code != 2 || stderr.String() != "iamguard: interrupted while writing the report; the report on standard output is cut short\n" {
		t.Errorf("exit %d, stderr %q; want exit 2 and one line", code, stderr.String())
	}
}

// waitsOnFIFO reports whether a thread of process pid waits in open(2) for
// a FIFO's writer; it skips the test where /proc cannot tell.
func waitsOnFIFO(t *testing.T, pid int) bool { return waitsIn(t, pid, "wait_for_partner") }

// waitsIn reports whether a thread of process pid waits in the kernel in a
// function whose name holds fn; it skips the test where /proc cannot tell.
func waitsIn(t *testing.T, pid int, fn string) bool {
	tasks, err := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/wchan", pid))
	if err != nil || len(tasks) == 0 {
		t.Skip("no /proc to see where the process waits")
	}
	for _, task := range tasks {
		if b, _ := os.ReadFile(task); strings.Contains(string(b), fn) {
			return true
		}
	}
	return false
}

// running reports whether process pid runs (not gone, not a zombie).
func running(pid int) bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return syscall.Kill(pid, 0) == nil // no /proc: a zombie counts as running
	}
	// pid (comm) state ...: the state follows the last ')'.
	_, rest, _ := strings.Cut(string(b[bytes.LastIndexByte(b, ')')+1:]), " ")
	return !strings.HasPrefix(rest, "Z")
}

// TestTerraformOutputNotAPlan: a terraform (or a wrapper) whose output is
// no plan and that goes on writing is stopped once the output is known to
// be no plan, not left to run out --terraform-timeout; one that fails
// says why, as it exits.
func TestTerraformOutputNotAPlan(t *testing.T) {
	start := time.Now()
	r := lintCLI(t, []byte(binaryPlanBytes), "lint", "-", "--terraform", shellTerraform(t, "yes garbage\n"), "--terraform-timeout", "60s")
	wantUsageError(t, r, "-: reading terraform show -json output: not JSON")
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("took %v", d)
	}
	r = lintCLI(t, []byte(binaryPlanBytes), "lint", "-", "--terraform", shellTerraform(t, "echo 'Error: plan file is from another version' >&2\nexit 1\n"))
	wantUsageError(t, r, "terraform show -json failed (exit status 1): plan file is from another version")
}

// TestTerraformLeavesAChild: a terraform that prints the plan and exits,
// leaving a process behind that holds its output open, gives the report:
// its output ended when it exited, not when --terraform-timeout ran out.
// On Linux what it left running is killed once it has exited.
func TestTerraformLeavesAChild(t *testing.T) {
	pidFile := filepath.Join(t.TempDir(), "pid")
	tf := shellTerraform(t, "cat "+fixture+"\nsleep 30 &\necho $! > "+pidFile+"\nexit 0\n")
	r := lintCLI(t, []byte(binaryPlanBytes), "lint", "-", "--terraform", tf, "--terraform-timeout", "60s")
	b, _ := os.ReadFile(pidFile)
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	if pid == 0 {
		t.Fatal("terraform's child never started")
	}
	if runtime.GOOS == "linux" {
		for deadline := time.Now().Add(5 * time.Second); running(pid); time.Sleep(20 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Errorf("terraform's child (pid %d) still runs after terraform exited", pid)
				break
			}
		}
	}
	syscall.Kill(pid, syscall.SIGKILL)
	if r.code != 1 || !strings.Contains(r.stdout, "resources judged") {
		t.Errorf("exit %d, stderr %q, want the report", r.code, r.stderr)
	}
}

// TestOutputWriteFails: a report --output cannot hold names the file
// quoted, as every error names a path, not as the OS wrote it.
func TestOutputWriteFails(t *testing.T) {
	if fi, err := os.Stat("/dev/full"); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		t.Skip("no /dev/full")
	}
	full := filepath.Join(t.TempDir(), "full\nx\x1b[2J")
	if err := os.Symlink("/dev/full", full); err != nil {
		t.Skip(err)
	}
	wantUsageError(t, lintCLI(t, nil, "lint", fixture, "--output", full),
		`writing the report to --output "`+filepath.Dir(full)+`/full\nx\x1b[2J": no space left on device`)
}

// TestDirectoryFIFO: in a directory searched, a FIFO named *.json and a
// *.json link to a device or FIFO (a committed link to /dev/null, which a
// plan written through is lost to) are plans that could not be read, never
// opened (round 92: left out quietly; round 170: noted, exit 0); a link
// of another name to one, a binary plan's or a masked systemd unit's, is
// noted (round 171: a false alarm).
func TestDirectoryFIFO(t *testing.T) {
	linkFIFO := func(name string) func(dir string) error {
		return func(dir string) error {
			fifo := filepath.Join(t.TempDir(), "fifo")
			if err := syscall.Mkfifo(fifo, 0o600); err != nil {
				return err
			}
			return os.Symlink(fifo, filepath.Join(dir, name))
		}
	}
	linkNull := func(name string) func(dir string) error {
		return func(dir string) error { return os.Symlink("/dev/null", filepath.Join(dir, name)) }
	}
	for name, c := range map[string]struct {
		make func(dir string) error
		code int
		note string
	}{
		"a FIFO":                            {func(dir string) error { return syscall.Mkfifo(filepath.Join(dir, "prod.json"), 0o600) }, 2, "prod.json: not a regular file"},
		"a JSON link to /dev/null":          {linkNull("prod.json"), 2, "prod.json: a link to a device"},
		"a JSON link to a FIFO":             {linkFIFO("prod.json"), 2, "prod.json: a link to a device"},
		"a binary plan's link to /dev/null": {linkNull("tfplan"), 1, "tfplan: skipped, a link to a device"},
		"a masked unit":                     {linkNull("foo.service"), 1, "foo.service: skipped, a link to a device"},
	} {
		dir := t.TempDir()
		copyFile(t, riskyPlan, dir, "stage.json")
		if err := c.make(dir); err != nil {
			t.Skip(err)
		}
		if r := lintCLI(t, nil, "lint", "--no-config", dir); r.code != c.code || !strings.Contains(r.stderr, c.note) {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", name, r.code, r.stderr, c.code, c.note)
		}
	}
}

// TestOutputFIFO: --output to a FIFO opens it as a shell's > does, waiting
// for its reader, who gets the whole report (round 299: opened for reading
// too, the run was its own reader, and the report was lost with exit 1).
func TestOutputFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "report")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip(err)
	}
	done := make(chan result, 1)
	go func() { done <- lintCLI(t, nil, "lint", "--no-config", "--format", "json", "--output", fifo, fixture) }()
	select {
	case r := <-done:
		t.Fatalf("the run ended before the FIFO had a reader: exit %d, stderr %q", r.code, r.stderr)
	case <-time.After(300 * time.Millisecond):
	}
	got, err := os.ReadFile(fifo)
	if err != nil {
		t.Fatal(err)
	}
	r := <-done
	if r.code != exitFindings || !json.Valid(got) || !bytes.Contains(got, []byte(`"findings"`)) {
		t.Errorf("exit %d, stderr %q, %d bytes read: %.200q", r.code, r.stderr, len(got), got)
	}
}

// TestSignalWaitingForOutputFIFO: a signal ends a run that waits for its
// --output FIFO's reader, and the line names that output, not standard
// output (round 299).
func TestSignalWaitingForOutputFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "report")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestMainProcess$")
	cmd.Env = append(os.Environ(), "IAMGUARD_TEST_ARGS=lint\n--no-config\n--output\n"+fifo+"\n"+fixture)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(20 * time.Second); !waitsOnFIFO(t, cmd.Process.Pid); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("never waited for the FIFO's reader")
		}
	}
	cmd.Process.Signal(syscall.SIGTERM)
	cmd.Wait()
	want := "iamguard: interrupted while writing the report; the report to --output " + fifo + " is cut short\n"
	if code := cmd.ProcessState.ExitCode(); code != 2 || stderr.String() != want {
		t.Errorf("exit %d, stderr %q; want exit 2 and %q", code, stderr.String(), want)
	}
}
