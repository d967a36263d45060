// Command benchplan measures `iamguard lint` on a synthetic plan: it writes a
// plan of realistic shape, times encoding/json's Valid over the same bytes,
// then runs the linter as a child process and reports its wall time,
// throughput and peak RSS. Run it with `make bench`.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/iamguard/terraform-provider-iamguard/internal/plan/plantest"
)

func main() {
	bin := flag.String("iamguard", "bin/iamguard", "iamguard binary to measure")
	n := flag.Int("resources", 100000, "resources in the synthetic plan")
	keys := flag.Int("keys", 100000, "access keys (two per user) in the IAM-heavy plan")
	ssh := flag.Int("ssh-keys", 100000, "SSH keys (one per user) in the plan of kept values")
	modules := flag.Int("modules", 110000, "module calls in the plan of chained modules")
	formats := flag.String("formats", "json,text,sarif,junit,github,markdown", "report formats of the IAM-heavy run, comma-separated")
	valid := flag.String("valid", "", "time encoding/json's Valid over this file and print the seconds (run as a child)")
	flag.Parse()
	if *valid != "" {
		if err := timeValid(*valid); err != nil {
			fmt.Fprintln(os.Stderr, "benchplan:", err)
			os.Exit(2)
		}
		return
	}
	for _, shape := range []struct {
		name    string
		write   func(*os.File) error
		formats []string
		rss     int64 // peak RSS budget, bytes
	}{
		{fmt.Sprintf("%d resources, 2%% IAM", *n), func(f *os.File) error { return plantest.Write(f, *n) }, []string{"json"}, rssBudget},
		{fmt.Sprintf("%d access keys for %d users", *keys, *keys/2), func(f *os.File) error { return plantest.WriteAccessKeys(f, *keys) },
			strings.Split(*formats, ","), rssBudget},
		// The same keys created beside their users, as Terraform writes
		// that plan: each user's change is read too (for the names its keys
		// take by reference).
		{fmt.Sprintf("%d access keys created with their %d users", *keys, *keys/2), func(f *os.File) error { return plantest.WriteKeysWithUsers(f, *keys) },
			strings.Split(*formats, ","), rssBudget},
		// Nearly every byte a key body the linter keeps: its live heap
		// passes the soft memory limit (see cmd/iamguard/memlimit.go), and
		// only the bound on any plan applies.
		{fmt.Sprintf("%d SSH keys", *ssh), func(f *os.File) error { return plantest.WriteSSHKeys(f, *ssh) }, []string{"json"}, anyPlanRSS},
		// Every call kept, and the whole chain followed (round 231: 313 MB).
		{fmt.Sprintf("%d chained modules", *modules), func(f *os.File) error { return plantest.WriteChainedModules(f, *modules) }, []string{"json"}, anyPlanRSS},
	} {
		if err := run(*bin, shape.name, shape.write, shape.formats, shape.rss); err != nil {
			fmt.Fprintln(os.Stderr, "benchplan:", err)
			os.Exit(2)
		}
	}
}

func run(bin, name string, write func(*os.File) error, formats []string, rssMax int64) error {
	dir, err := os.MkdirTemp("", "iamguard-bench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "plan.json")
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}

	// encoding/json's Valid runs in a child process too: the plan it reads
	// into memory would otherwise count in the next linter's peak RSS (a
	// child exec'd from a large process reports that process's peak).
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	out, err := exec.Command(os.Args[0], "-valid", path).Output()
	if err != nil {
		return fmt.Errorf("timing Valid: %v", err)
	}
	var seconds float64
	if _, err := fmt.Sscan(string(out), &seconds); err != nil {
		return fmt.Errorf("timing Valid: %q", out)
	}
	valid := time.Duration(seconds * float64(time.Second))
	mb := float64(st.Size()) / 1e6
	fmt.Printf("plan: %s, %.0f MB\n", name, mb)
	fmt.Printf("encoding/json Valid: %8.2fs  %6.0f MB/s (input already in memory)\n", valid.Seconds(), mb/valid.Seconds())
	for _, format := range formats {
		cmd := exec.Command(bin, "lint", "--format", format, "--output", os.DevNull, path)
		cmd.Stderr = os.Stderr
		start := time.Now()
		err = cmd.Run()
		lint := time.Since(start)
		if code := cmd.ProcessState.ExitCode(); err != nil && code != 1 {
			return fmt.Errorf("%s lint: %v", bin, err)
		}
		rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss * 1024 // KiB on Linux
		fmt.Printf("iamguard lint %-9s %7.2fs  %6.0f MB/s  peak RSS %3d MB  time %s, memory %s\n", format+":", lint.Seconds(), mb/lint.Seconds(),
			rss/1e6, within(lint <= valid), within(rss <= rssMax))
	}
	return nil
}

// rssBudget is the peak RSS issue 9 allows the linter on the first three
// plan shapes, in every format; its time budget is that of Valid on the
// file. anyPlanRSS is its bound on any plan.
const (
	rssBudget  = 128e6
	anyPlanRSS = 256e6
)

func within(ok bool) string {
	if ok {
		return "within budget"
	}
	return "OVER budget"
}

// timeValid prints how long encoding/json's Valid takes over the file, read
// into memory first.
func timeValid(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	start := time.Now()
	if !json.Valid(data) {
		return fmt.Errorf("synthetic plan is not valid JSON")
	}
	fmt.Println(time.Since(start).Seconds())
	return nil
}
