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
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/iamguard/terraform-provider-iamguard/internal/config"
	"github.com/iamguard/terraform-provider-iamguard/internal/lint"
	"github.com/iamguard/terraform-provider-iamguard/internal/plan"
	"github.com/iamguard/terraform-provider-iamguard/internal/report"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// version is set at release time with -ldflags "-X main.version=...".
var version = ""

const usage = `usage:
  iamguard lint [flags] PLAN    PLAN: terraform show -json output, a binary plan file, or - for stdin
    --format text|json|sarif|junit|github|markdown   --output FILE
    --config FILE       (default ./.iamguard.hcl if present)
    --fail-on SEVERITY  (default: the config's fail_on, else low)
    --changed-only      --now RFC3339
    --terraform PATH    terraform for binary plans (default: terraform on PATH)
  iamguard rules [--format text|json|markdown]
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
	configFile := fs.String("config", "", "config file (default ./.iamguard.hcl if present)")
	terraform := fs.String("terraform", "", "terraform binary for binary plan files")
	pos, err := parse(fs, args)
	if err != nil {
		return 0, err
	}
	if len(pos) != 1 {
		return 0, fmt.Errorf("lint takes one PLAN argument (a file, or - for stdin)")
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })

	write, ok := report.Formats[*format]
	if !ok {
		return 0, fmt.Errorf("unknown --format %q (want one of %v)", *format, report.FormatNames())
	}
	cfg, err := loadConfig(*configFile, given["config"])
	if err != nil {
		return 0, err
	}
	minSev := rules.Low
	if cfg.FailOn != nil {
		minSev = *cfg.FailOn
	}
	if given["fail-on"] {
		if minSev, err = rules.ParseSeverity(*failOn); err != nil {
			return 0, fmt.Errorf("--fail-on: %w", err)
		}
	}
	var at time.Time
	if *now != "" {
		if at, err = time.Parse(time.RFC3339, *now); err != nil {
			return 0, fmt.Errorf("--now: %q is not an RFC3339 time such as 2026-01-02T15:04:05Z", *now)
		}
	}
	// Waivers expire by the calendar: judge them at --now, else today, not
	// at the plan's timestamp (an old plan must not revive a waiver).
	waiversAt := at
	if waiversAt.IsZero() {
		waiversAt = time.Now()
	}
	opt := cfg.Options(waiversAt)
	opt.Now, opt.ChangedOnly = at, *changedOnly

	p, err := readPlan(pos[0], stdin, *terraform)
	if err != nil {
		return 0, err
	}
	rep := report.New(lint.Lint(p, opt), toolVersion())
	rep.Disabled = cfg.Disabled

	out, color := stdout, isTerminal(stdout)
	if *output != "" {
		f, err := os.Create(*output)
		if err != nil {
			return 0, fmt.Errorf("--output: %w", err)
		}
		defer f.Close()
		out, color = f, false
	}
	ropt := report.Options{Color: color, ArtifactURI: artifactURI(pos[0]), FailOn: minSev}
	if err := write(out, rep, ropt); err != nil {
		return 0, fmt.Errorf("writing the report: %w", err)
	}
	if rep.Fails(minSev) {
		return exitFindings, nil
	}
	return exitOK, nil
}

// loadConfig reads the --config file, or ./.iamguard.hcl when --config is
// not given and that file exists, or else gives the defaults.
func loadConfig(name string, given bool) (*config.Config, error) {
	if !given {
		name = config.DefaultFile
		if _, err := os.Stat(name); errors.Is(err, os.ErrNotExist) {
			return config.Default(), nil
		}
	}
	cfg, err := config.Load(name)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("--config %s: no such file", name)
	}
	return cfg, err
}

// artifactURI names the plan file for SARIF: a relative path with forward
// slashes, or nothing for stdin or a file outside the working directory.
func artifactURI(name string) string {
	if name == "-" {
		return ""
	}
	if filepath.IsAbs(name) {
		wd, err := os.Getwd()
		if err != nil {
			return ""
		}
		if name, err = filepath.Rel(wd, name); err != nil {
			return ""
		}
	}
	name = filepath.ToSlash(filepath.Clean(name))
	if name == ".." || strings.HasPrefix(name, "../") {
		return ""
	}
	return name
}

// readPlan opens a plan file (or stdin for "-") and reads it. A binary plan
// goes through terraform show -json (see showPlan).
func readPlan(name string, stdin io.Reader, terraform string) (*plan.Plan, error) {
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
	if head, _ := br.Peek(4); bytes.Equal(head, []byte("PK\x03\x04")) { // a saved plan is a zip
		return showPlan(name, br, terraform)
	}
	p, err := plan.Read(br, lint.ResourceTypes)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return p, nil
}

// showPlan reads a binary plan through terraform show -json, streaming
// terraform's output into the plan reader. Like terraform show, it must run
// in the initialised working directory the plan was made in. A binary plan
// on stdin (r) is first written to a private temporary file, since
// terraform needs a path.
func showPlan(name string, r io.Reader, terraform string) (*plan.Plan, error) {
	tf, err := findTerraform(terraform)
	if err != nil {
		return nil, fmt.Errorf("%s is a binary plan file: %v", name, err)
	}
	path := name
	if name == "-" {
		if path, err = saveTemp(r); err != nil {
			return nil, fmt.Errorf("saving the binary plan from stdin: %v", err)
		}
		defer os.Remove(path)
	}
	cmd := exec.Command(tf, "show", "-json", "-no-color", path)
	var stderr headWriter
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("%s is a binary plan file, and running %s failed: %v", name, tf, err)
	}
	p, readErr := plan.Read(out, lint.ResourceTypes)
	io.Copy(io.Discard, out) // let terraform finish writing before waiting
	if err := cmd.Wait(); err != nil {
		msg := fmt.Sprintf("%s: terraform show -json failed (%v)", name, err)
		if line := stderr.errorLine(); line != "" {
			msg += ": " + line
		}
		return nil, errors.New(msg)
	}
	if readErr != nil {
		return nil, fmt.Errorf("%s: reading terraform show -json output: %w", name, readErr)
	}
	return p, nil
}

// findTerraform finds the terraform binary: --terraform, else PATH.
func findTerraform(flagValue string) (string, error) {
	if flagValue != "" {
		tf, err := exec.LookPath(flagValue)
		if err != nil {
			return "", fmt.Errorf("--terraform %s: not found, or not an executable file", flagValue)
		}
		return tf, nil
	}
	tf, err := exec.LookPath("terraform")
	if err != nil {
		return "", errors.New("no terraform found on PATH; install Terraform, pass --terraform PATH, or lint the output of terraform show -json")
	}
	return tf, nil
}

// saveTemp copies r to a new temporary file (mode 0600) and returns its path.
func saveTemp(r io.Reader) (string, error) {
	f, err := os.CreateTemp("", "iamguard-*.tfplan")
	if err != nil {
		return "", err
	}
	_, err = io.Copy(f, r)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// headWriter keeps the first 16 KiB written to it: enough for an error
// message, bounded whatever a child process prints.
type headWriter struct{ buf []byte }

func (w *headWriter) Write(p []byte) (int, error) {
	if room := 16<<10 - len(w.buf); room > 0 {
		w.buf = append(w.buf, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

// errorLine condenses Terraform's stderr into one line: its first
// "Error: summary" with the paragraph after it, else the first non-blank
// line. Warnings printed before the error are skipped.
func (w *headWriter) errorLine() string {
	var lines []string
	for _, l := range strings.Split(string(w.buf), "\n") {
		lines = append(lines, strings.Trim(l, " \t\r│╷╵"))
	}
	for i, l := range lines {
		summary, ok := strings.CutPrefix(l, "Error: ")
		if !ok {
			continue
		}
		var detail []string
		for _, d := range lines[i+1:] {
			if d == "" && len(detail) > 0 {
				break
			}
			if d != "" {
				detail = append(detail, d)
			}
		}
		if len(detail) > 0 {
			summary += ": " + strings.Join(detail, " ")
		}
		return summary
	}
	for _, l := range lines {
		if l != "" {
			return l
		}
	}
	return ""
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
	format := fs.String("format", "text", "text, json or markdown")
	if _, err := parse(fs, args); err != nil {
		return 0, err
	}
	switch *format {
	case "json":
		return 0, report.WriteRulesJSON(stdout, rules.All())
	case "text":
		return 0, report.WriteRulesText(stdout, rules.All())
	case "markdown":
		return 0, report.WriteRulesMarkdown(stdout, rules.All())
	}
	return 0, fmt.Errorf("unknown --format %q for rules (want text, json or markdown)", *format)
}
