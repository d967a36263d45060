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
	"syscall"
	"time"

	"github.com/iamguard/terraform-provider-iamguard/internal/plan/plantest"
)

func main() {
	bin := flag.String("iamguard", "bin/iamguard", "iamguard binary to measure")
	n := flag.Int("resources", 100000, "resources in the synthetic plan")
	keys := flag.Int("keys", 100000, "access keys (two per user) in the IAM-heavy plan")
	format := flag.String("format", "json", "report format of the IAM-heavy run")
	flag.Parse()
	for _, shape := range []struct {
		name  string
		write func(*os.File) error
	}{
		{fmt.Sprintf("%d resources, 2%% IAM", *n), func(f *os.File) error { return plantest.Write(f, *n) }},
		{fmt.Sprintf("%d access keys for %d users", *keys, *keys/2), func(f *os.File) error { return plantest.WriteAccessKeys(f, *keys) }},
	} {
		if err := run(*bin, shape.name, shape.write, *format); err != nil {
			fmt.Fprintln(os.Stderr, "benchplan:", err)
			os.Exit(2)
		}
	}
}

func run(bin, name string, write func(*os.File) error, format string) error {
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

	// Lint first: a child started while this process holds the plan in memory
	// would count that memory in its peak RSS.
	cmd := exec.Command(bin, "lint", "--format", format, "--output", os.DevNull, path)
	cmd.Stderr = os.Stderr
	start := time.Now()
	err = cmd.Run()
	lint := time.Since(start)
	if code := cmd.ProcessState.ExitCode(); err != nil && code != 1 {
		return fmt.Errorf("%s lint: %v", bin, err)
	}
	rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss // KiB on Linux

	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	mb := float64(len(data)) / 1e6
	start = time.Now()
	if !json.Valid(data) {
		return fmt.Errorf("synthetic plan is not valid JSON")
	}
	valid := time.Since(start)
	fmt.Printf("plan: %s, %.0f MB\n", name, mb)
	fmt.Printf("encoding/json Valid: %8.2fs  %6.0f MB/s (input already in memory)\n", valid.Seconds(), mb/valid.Seconds())
	fmt.Printf("iamguard lint:       %8.2fs  %6.0f MB/s  peak RSS %d MB (reads the file)\n", lint.Seconds(), mb/lint.Seconds(), rss/1024)
	return nil
}
