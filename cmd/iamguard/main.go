// Command iamguard lints Terraform plans for risky AWS IAM changes.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	"github.com/iamguard/terraform-provider-iamguard/internal/lint"
	"github.com/iamguard/terraform-provider-iamguard/internal/plan"
	"github.com/iamguard/terraform-provider-iamguard/internal/report"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// version is set at release time with -ldflags "-X main.version=...".
var version = ""

const usage = `usage:
  iamguard lint [flags] PLAN    PLAN: terraform show -json output, or - for stdin
  iamguard rules [--format text|json]
  iamguard version
`

// Exit codes.
const (
	exitOK       = 0
	exitFindings = 1
	exitUsage    = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	var code int
	var err error
	switch args[0] {
	case "lint":
		code, err = runLint(args[1:], stdin, stdout)
	case "rules":
		code, err = runRules(args[1:], stdout)
	case "version", "--version", "-version":
		fmt.Fprintln(stdout, "iamguard", toolVersion())
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
	default:
		err = fmt.Errorf("unknown command %q\n%s", args[0], usage)
	}
	if err != nil {
		fmt.Fprintln(stderr, "iamguard:", err)
		return exitUsage
	}
	return code
}

func toolVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// parse parses flags wherever they stand among the arguments, so that
// `iamguard lint plan.json --format json` works as users expect.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func runLint(args []string, stdin io.Reader, stdout io.Writer) (int, error) {
	fs := flag.NewFlagSet("lint", flag.ContinueOnError)
	format := fs.String("format", "text", "output format")
	output := fs.String("output", "", "write the report to FILE")
	failOn := fs.String("fail-on", "low", "lowest severity that fails")
	changedOnly := fs.Bool("changed-only", false, "judge only resources that change")
	now := fs.String("now", "", "time to judge dates against (RFC3339)")
	pos, err := parse(fs, args)
	if err != nil {
		return 0, err
	}
	if len(pos) != 1 {
		return 0, fmt.Errorf("lint takes one PLAN argument (a file, or - for stdin)")
	}
	write, ok := report.Formats[*format]
	if !ok {
		return 0, fmt.Errorf("unknown --format %q (want one of %v)", *format, report.FormatNames())
	}
	minSev, err := rules.ParseSeverity(*failOn)
	if err != nil {
		return 0, fmt.Errorf("--fail-on: %w", err)
	}
	opt := lint.Options{ChangedOnly: *changedOnly}
	if *now != "" {
		if opt.Now, err = time.Parse(time.RFC3339, *now); err != nil {
			return 0, fmt.Errorf("--now: %q is not an RFC3339 time such as 2026-01-02T15:04:05Z", *now)
		}
	}

	p, err := readPlan(pos[0], stdin)
	if err != nil {
		return 0, err
	}
	rep := report.New(lint.Lint(p, opt), toolVersion())

	out, color := stdout, isTerminal(stdout)
	if *output != "" {
		f, err := os.Create(*output)
		if err != nil {
			return 0, fmt.Errorf("--output: %w", err)
		}
		defer f.Close()
		out, color = f, false
	}
	if err := write(out, rep, report.Options{Color: color}); err != nil {
		return 0, fmt.Errorf("writing the report: %w", err)
	}
	if rep.Fails(minSev) {
		return exitFindings, nil
	}
	return exitOK, nil
}

// readPlan opens a plan file (or stdin for "-") and reads it.
func readPlan(name string, stdin io.Reader) (*plan.Plan, error) {
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, errors.Unwrap(err) // the *PathError adds the name again below
		}
		defer f.Close()
		if fi, err := f.Stat(); err == nil && fi.IsDir() {
			return nil, fmt.Errorf("%s: is a directory, not a plan", name)
		}
		r = f
	}
	br := bufio.NewReaderSize(r, 64<<10)
	if head, _ := br.Peek(4); bytes.Equal(head, []byte("PK\x03\x04")) {
		return nil, fmt.Errorf("%s: this is a binary plan file; run terraform show -json on it and lint the output", name)
	}
	p, err := plan.Read(br, lint.ResourceTypes)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return p, nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("NO_COLOR") != "" {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func runRules(args []string, stdout io.Writer) (int, error) {
	fs := flag.NewFlagSet("rules", flag.ContinueOnError)
	format := fs.String("format", "text", "text or json")
	if _, err := parse(fs, args); err != nil {
		return 0, err
	}
	switch *format {
	case "json":
		return 0, report.WriteRulesJSON(stdout, rules.All())
	case "text":
		return 0, report.WriteRulesText(stdout, rules.All())
	}
	return 0, fmt.Errorf("unknown --format %q for rules (want text or json)", *format)
}
