// Command iamguard lints Terraform plans for risky AWS IAM changes.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/iamguard/terraform-provider-iamguard/internal/config"
	"github.com/iamguard/terraform-provider-iamguard/internal/inspect"
	"github.com/iamguard/terraform-provider-iamguard/internal/lint"
	"github.com/iamguard/terraform-provider-iamguard/internal/plan"
	"github.com/iamguard/terraform-provider-iamguard/internal/quote"
	"github.com/iamguard/terraform-provider-iamguard/internal/report"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// Set at release time with -ldflags "-X main.version=... -X main.commit=...
// -X main.date=..." (see .goreleaser.yml); otherwise taken from the build.
var (
	version = ""
	commit  = ""
	date    = ""
)

const usage = `usage:
  iamguard lint [flags] PLAN... PLAN: terraform show -json output, a binary plan file, - for stdin,
                                or a directory of them (*.json and binary plans; --recursive: subdirectories too)
    --format text|json|sarif|junit|github|markdown   --output FILE
    --config FILE       (default ./.iamguard.hcl if present)
    --no-config         ignore ./.iamguard.hcl: judge with the defaults
    --fail-on SEVERITY  (default: the config's fail_on, else low)
    --changed-only      --now RFC3339
    --terraform PATH    terraform or tofu for binary plans (default: $IAMGUARD_TERRAFORM, else terraform
                        on PATH, else tofu on PATH)
    --terraform-timeout DURATION   limit on terraform show -json (default 5m)
  iamguard rules [--format text|json|markdown]
  iamguard version
`

// shortUsage is the one line printed for a missing or unknown command.
const shortUsage = "usage: iamguard lint|rules|version ...; iamguard --help for more"

// defaultTerraformTimeout bounds terraform show -json on a binary plan.
const defaultTerraformTimeout = 5 * time.Minute

// runLimits bound what one run keeps of all its plans (lint.MaxResources,
// lint.MaxFindings, lint.MaxFindingBytes, maxPlans, maxPlanPathBytes);
// tests lower them.
var runLimits = struct{ resources, findings, findingBytes, plans, planPathBytes int }{
	lint.MaxResources, lint.MaxFindings, lint.MaxFindingBytes, maxPlans, maxPlanPathBytes}

// Exit codes.
const (
	exitOK       = 0
	exitFindings = 1
	exitUsage    = 2
)

func main() {
	limitMemory()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// stopSignals end a run as SIGINT does: terraform killed, temporary copies
// removed, one line. SIGQUIT too, which Go's runtime would otherwise answer
// with a stack trace of every goroutine, leaving both behind (round 245).
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	lastLine.Lock()
	lastLine.said = false
	lastLine.Unlock()
	defer func() {
		// A bug is one line too, never a stack trace.
		if r := recover(); r != nil {
			fmt.Fprintln(stderr, errorLine(fmt.Errorf("internal error, please report it: %v", r)))
			code = exitUsage
		}
	}()
	if len(args) == 0 {
		fmt.Fprintln(stderr, "iamguard:", shortUsage)
		return exitUsage
	}
	var err error
	switch args[0] {
	case "lint":
		code, err = runLint(args[1:], stdin, stdout, stderr)
	case "rules":
		code, err = runRules(args[1:], stdout)
	case "version", "--version", "-version":
		if len(args) > 1 {
			switch args[1] {
			case "-h", "-help", "--help":
				err = flag.ErrHelp
			default:
				err = fmt.Errorf("version takes no arguments, not %q; %s", args[1], shortUsage)
			}
			break
		}
		err = writeOut(stdout, versionLine()+"\n")
	case "help", "-h", "--help":
		err = writeOut(stdout, usage)
	default:
		err = fmt.Errorf("unknown command %q; %s", args[0], shortUsage)
	}
	if errors.Is(err, flag.ErrHelp) { // lint --help, rules -h, version --help
		err = writeOut(stdout, usage)
	}
	if err != nil {
		lastLine.Lock()
		defer lastLine.Unlock()
		lastLine.said = true
		fmt.Fprintln(stderr, errorLine(err))
		return exitUsage
	}
	return code
}

// writeOut writes text to standard output: one that takes none of it (a
// full disk, a closed pipe) is an error, as a report's is (round 245: the
// version on /dev/full, exit 0).
func writeOut(stdout io.Writer, text string) error {
	if _, err := io.WriteString(stdout, text); err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err // not /dev/stdout, which it is not always
		}
		return fmt.Errorf("writing to standard output: %w", err)
	}
	return nil
}

// errorLine is err as iamguard prints it, or a note: one line of at most
// quote.MaxError bytes, its newline included, whatever names it quotes.
func errorLine(err error) string {
	const prefix = "iamguard: "
	return prefix + quote.Middle(quote.Line(err.Error()), quote.MaxError-len(prefix)-len("\n"))
}

// lastLine is the run's error line, which a second signal (see runLint)
// does not repeat.
var lastLine struct {
	sync.Mutex
	said bool
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

// versionLine is what iamguard version prints: the version, and the commit
// and its date when known, e.g. "iamguard 1.2.0 (commit 3f2a1c9, committed
// 2026-11-20T10:00:00Z)".
func versionLine() string {
	c, d := commit, date
	if bi, ok := debug.ReadBuildInfo(); ok && c == "" {
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				c = s.Value
			case "vcs.time":
				if d == "" {
					d = s.Value
				}
			}
		}
	}
	var extra []string
	if c != "" {
		extra = append(extra, "commit "+c)
	}
	if d != "" {
		extra = append(extra, "committed "+d) // a release stamps the commit's date, as go install does
	}
	line := "iamguard " + toolVersion()
	if len(extra) > 0 {
		line += " (" + strings.Join(extra, ", ") + ")"
	}
	return line
}

// parse parses flags wherever they stand among the arguments, so that
// `iamguard lint plan.json --format json` works as users expect.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var rest []string // after "--": arguments, whatever they look like
	if i := terminator(fs, args); i >= 0 {
		args, rest = args[:i], args[i+1:]
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, quoteFlag(err)
		}
		if fs.NArg() == 0 {
			return append(pos, rest...), nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// quoteFlag quotes the name in the flag package's errors for a flag it
// does not know, which it prints as given: the name may hold a newline or
// a terminal's escapes (a defined flag's name cannot).
func quoteFlag(err error) error {
	for _, prefix := range []string{"flag provided but not defined: ", "bad flag syntax: "} {
		if name, ok := strings.CutPrefix(err.Error(), prefix); ok {
			return errors.New(prefix + quote.Path(name))
		}
	}
	return err
}

// terminator is the index of the "--" that ends the flags in args, where
// a flag stands (not the value of one), or -1.
func terminator(fs *flag.FlagSet, args []string) int {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return i
		case len(a) < 2 || a[0] != '-' || strings.Contains(a, "="):
			continue // an argument ("-" is stdin), or a flag with its value
		}
		if f := fs.Lookup(strings.TrimLeft(a, "-")); f != nil {
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); !ok || !b.IsBoolFlag() {
				i++ // its value follows
			}
		}
	}
	return -1
}

func runLint(args []string, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	fs := flag.NewFlagSet("lint", flag.ContinueOnError)
	format := fs.String("format", "text", "output format")
	output := fs.String("output", "", "write the report to FILE")
	failOn := fs.String("fail-on", "low", "lowest severity that fails")
	changedOnly := fs.Bool("changed-only", false, "judge only resources that change")
	now := fs.String("now", "", "time to judge dates against (RFC3339)")
	configFile := fs.String("config", "", "config file (default ./.iamguard.hcl if present)")
	noConfig := fs.Bool("no-config", false, "ignore ./.iamguard.hcl")
	terraform := fs.String("terraform", "", "terraform binary for binary plan files")
	tfTimeout := fs.Duration("terraform-timeout", defaultTerraformTimeout, "limit on terraform show -json")
	recursive := fs.Bool("recursive", false, "search directories given as PLAN in their subdirectories too")
	pos, err := parse(fs, args)
	if err != nil {
		return 0, err
	}
	if len(pos) == 0 {
		return 0, fmt.Errorf("lint takes a PLAN argument (a file, a directory of plans, or - for stdin)")
	}
	for i, p := range pos {
		if p != "-" {
			if pos[i], err = systemPath(p); err != nil {
				return 0, err
			}
		}
	}
	// One plan file gives the one-plan report; several, or a directory,
	// give a merged report with each plan's summary.
	single := len(pos) == 1 && !isDir(pos[0])
	var plans []planArg
	if !single {
		var in os.FileInfo // the file stdin is redirected from, if it is one
		if f, ok := stdin.(*os.File); ok {
			if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
				in = fi
			}
		}
		if plans, err = expandPlans(pos, *recursive, in); err != nil {
			return 0, err
		}
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	for name, want := range map[string]string{"output": "a file name", "config": "a file name", "terraform": "a file name", "now": "a time (RFC3339)"} {
		// An empty value is a variable left unset ("--output $OUT"), not
		// the default it would otherwise fall back to.
		if given[name] && fs.Lookup(name).Value.String() == "" {
			return 0, fmt.Errorf("--%s is empty: give it %s", name, want)
		}
	}
	if *output == "-" {
		*output = "" // stdout, as "-" is stdin among the plans
	}

	// SIGINT or SIGTERM (SIGHUP, SIGQUIT) stops the run wherever it waits (the config, a
	// plan, terraform show, which is killed); the error path then returns
	// normally, so deferred cleanup (the temporary copy of a binary plan
	// from stdin) runs. A second signal ends the process at once, exit 2,
	// terraform killed and the temporary copies removed first: GNU
	// timeout, for one, signals the process and then its group (round
	// 110: the copy stayed).
	ctx, stop := signal.NotifyContext(context.Background(), stopSignals...)
	defer stop()
	context.AfterFunc(ctx, func() {
		if context.Cause(ctx) == context.Canceled {
			return // stop, not a signal: the run ends, or writes its report (see interruptWriting)
		}
		again := make(chan os.Signal, 1)
		signal.Notify(again, stopSignals...)
		stop()
		go func() {
			<-again
			lastLine.Lock() // and never unlocked: the process ends
			plan.Abandon()
			if !lastLine.said {
				fmt.Fprintln(stderr, "iamguard: interrupted again; stopped at once")
			}
			os.Exit(exitUsage)
		}()
	})

	write, ok := report.Formats[*format]
	if !ok {
		return 0, fmt.Errorf("unknown --format %q (want one of %v)", *format, report.FormatNames())
	}
	cfg, err := loadConfig(ctx, *configFile, given["config"], *noConfig)
	if err != nil {
		return 0, err
	}
	if *output != "" {
		// The report must not take the place of a file it reads: one named
		// on the command line is an error, and one found in a directory
		// (the report of an earlier run) is passed over.
		for _, in := range append(slices.Clone(pos), cfg.File) {
			switch {
			case in != "" && in != "-" && sameFile(*output, in):
				return 0, fmt.Errorf("--output %s would overwrite %s, which this run reads", quote.Path(*output), quote.Path(in))
			case in == "-" && isStdin(*output, stdin):
				return 0, fmt.Errorf("--output %s would overwrite the plan this run reads from standard input", quote.Path(*output))
			}
		}
		for i := range plans {
			if plans[i].found && sameFile(*output, plans[i].path) {
				plans[i].skip = "it is the --output file"
			}
		}
	} else if f, ok := stdout.(*os.File); ok {
		// Nor must a report the shell sends to a file in the tree, made
		// empty before the run starts (> iamguard.json).
		if out, err := f.Stat(); err == nil && out.Mode().IsRegular() {
			for i := range plans {
				if in, err := os.Stat(plans[i].path); plans[i].found && err == nil && os.SameFile(out, in) {
					plans[i].skip = "it is the file standard output goes to"
				}
			}
		}
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
		if at.IsZero() {
			// The zero time means "not given" to the linter, which would
			// then judge at the plan's timestamp.
			return 0, fmt.Errorf("--now: %q is the zero time; give a real one", *now)
		}
	}
	// Waivers expire by the calendar: judge them today, not at the plan's
	// timestamp (an old plan must not revive a waiver), nor at a --now
	// before today (round 288: --now 2026-12-01 revived one that expired
	// since); a --now after today expires them sooner.
	waiversAt := time.Now()
	if at.After(waiversAt) {
		waiversAt = at
	}
	b := cfg.Baseline
	// One budget of signature checks for the whole run, as for findings:
	// many plans of costly certificates must not take many times as long.
	opt := lint.Options{Now: at, Baseline: &b, ChangedOnly: *changedOnly, Disabled: cfg.Disabled,
		Waivers: cfg.Waivers, WaiversAt: waiversAt, MaxFindings: runLimits.findings, MaxFindingBytes: runLimits.findingBytes, Context: ctx,
		Checks: inspect.NewBudget()}

	if *tfTimeout <= 0 {
		return 0, fmt.Errorf("--terraform-timeout must be above zero, not %v", *tfTimeout)
	}
	tf := plan.Terraform{Path: *terraform, Timeout: *tfTimeout}
	// The limits on resources and findings hold for the whole run: each
	// plan's report is kept until all are written.
	var judgedSoFar, findingsSoFar, findingBytesSoFar int
	lintOne := func(name string) (*report.Report, error) {
		p, err := openPlan(ctx, name, stdin, tf, judgedSoFar)
		if err != nil {
			return nil, err
		}
		o := opt
		// A waiver's plan is matched against the path cleaned, as a
		// directory's plans are found: envs/ci/../prod is envs/prod.
		o.EarlierFindings, o.EarlierFindingBytes, o.Plan = findingsSoFar, findingBytesSoFar, filepath.Clean(name)
		if !single {
			o.AddressPrefix = len(report.PlanName(name)) + len(report.AddressSeparator) // report.Merge names each resource in its plan
		}
		res := lint.Lint(p, o)
		if ctx.Err() != nil {
			return nil, fmt.Errorf("%s: interrupted", quote.Path(name))
		}
		if res.Err != nil {
			return nil, fmt.Errorf("%s: %w", quote.Path(name), res.Err)
		}
		// What the report keeps of the plan counts for the plans after
		// it: the resources it judged, not those read for facts alone
		// (prior state, aws_iam_user).
		judgedSoFar, findingsSoFar, findingBytesSoFar = judgedSoFar+res.Resources, findingsSoFar+len(res.Findings), findingBytesSoFar+res.FindingBytes
		rep := report.New(res, toolVersion())
		rep.Disabled = cfg.Disabled
		return rep, nil
	}
	var rep *report.Report
	uri := artifactURI(pos[0])
	badPlans := false
	if single {
		if rep, err = lintOne(pos[0]); err != nil {
			return 0, err
		}
	} else {
		// Plans are read one at a time: each plan's memory is freed before
		// the next is read, and only its report is kept.
		var parts []report.PlanReport
		pathBytes := 0
		for _, pa := range plans {
			if ctx.Err() != nil {
				return 0, fmt.Errorf("%s: interrupted", quote.Path(pa.path))
			}
			if pa.skip != "" {
				fmt.Fprintln(stderr, errorLine(fmt.Errorf("%s: skipped, %s", quote.Path(pa.path), pa.skip)))
				continue
			}
			var r *report.Report
			var err error
			if pa.unread != "" {
				err = fmt.Errorf("%s: %s", quote.Path(pa.path), pa.unread)
			} else {
				r, err = lintOne(pa.path)
			}
			if err != nil && ctx.Err() != nil {
				return 0, err // interrupted: the run ends with this plan
			}
			if pa.found && pa.unread == "" && err != nil && (errors.Is(err, plan.ErrNotPlan) && !errors.Is(err, plan.ErrState) || otherJSON(pa.path)) {
				fmt.Fprintln(stderr, errorLine(fmt.Errorf("%s: skipped, not a Terraform plan", quote.Path(pa.path))))
				continue
			}
			if err != nil {
				fmt.Fprintln(stderr, errorLine(err))
				badPlans = true
			}
			pathBytes += len(pa.path)
			if err := planLimits(len(parts)+1, pathBytes); err != nil {
				return 0, err
			}
			parts = append(parts, report.PlanReport{Path: pa.path, ArtifactURI: artifactURI(pa.path), Report: r, Err: err})
		}
		if len(parts) == 0 {
			names := make([]string, len(pos))
			for i, p := range pos {
				names[i] = quote.Path(p)
			}
			return 0, fmt.Errorf("no Terraform plans found in %s", strings.Join(names, " "))
		}
		rep, uri = report.Merge(parts, toolVersion()), ""
	}
	if ctx.Err() != nil {
		return 0, errors.New("interrupted; no report written")
	}
	// From here a signal ends the run at once, even while a write blocks
	// on a pipe nobody reads (see interruptWriting). (stop cancels ctx too.)
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, stopSignals...)
	defer signal.Stop(sigs)
	stop()
	rep.Config = report.NewConfig(cfg, minSev, waiversAt, rep.Findings, report.Run{ChangedOnly: *changedOnly, Now: at})

	out, color := stdout, isTerminal(stdout)
	closeOut := func() error { return nil } // a file's close may report what its writes did not (NFS)
	var partial atomic.Pointer[string]      // the --output file, while it holds part of a report
	written := make(chan struct{})
	defer close(written)
	go interruptWriting(sigs, written, *output, &partial, stderr)
	if *output != "" {
		// Write-only, as a shell's > opens it: a FIFO's open waits for its
		// reader, which a signal ends. Opened for reading too, the run was
		// its FIFO's own reader, and a report no one read was lost with
		// exit 1 (round 299).
		f, err := os.OpenFile(*output, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666)
		if err != nil {
			return 0, fmt.Errorf("--output %s: %w", quote.Path(*output), errors.Unwrap(err))
		}
		defer f.Close()
		out, color, closeOut = f, false, f.Close
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			// The file itself, links followed: removing a link to it
			// left the cut-short report behind it (round 304).
			if file, err := filepath.EvalSymlinks(*output); err == nil {
				partial.Store(&file)
			}
		}
	}
	ropt := report.Options{Color: color, ArtifactURI: uri, FailOn: minSev}
	err = write(out, rep, ropt)
	if err == nil {
		err = closeOut()
	}
	if err != nil {
		if file := partial.Load(); file != nil {
			os.Remove(*file)
		}
		// An error of the file names it as the OS gave it: name it quoted.
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		if *output != "" {
			return 0, fmt.Errorf("writing the report to --output %s: %w", quote.Path(*output), err)
		}
		return 0, fmt.Errorf("writing the report: %w", err)
	}
	if badPlans {
		return exitUsage, nil
	}
	if rep.Fails(minSev) {
		return exitFindings, nil
	}
	return exitOK, nil
}

// interruptWriting ends the process on a signal while the report is
// written: exit 2 with one line, and no part of a report left in the
// --output file (partial, nil for none), which a later step could take for
// a whole one.
func interruptWriting(sigs <-chan os.Signal, written <-chan struct{}, output string, partial *atomic.Pointer[string], stderr io.Writer) {
	select {
	case <-written:
		return
	case <-sigs:
	}
	what := "the report on standard output is cut short"
	switch {
	case partial.Load() != nil:
		os.Remove(*partial.Load())
		what = "no report written"
	case output != "":
		what = "the report to --output " + quote.Path(output) + " is cut short"
	}
	fmt.Fprintln(stderr, "iamguard: interrupted while writing the report;", what)
	os.Exit(exitUsage)
}

// openPlan reads the plan, until ctx is done (an interrupt).
func openPlan(ctx context.Context, name string, stdin io.Reader, tf plan.Terraform, judgedSoFar int) (*plan.Plan, error) {
	return plan.Open(ctx, name, stdin, tf, lint.ResourceTypes, plan.Attributes(lint.Attributes),
		plan.MaxResources(runLimits.resources, judgedSoFar))
}

// loadConfig reads the --config file, or ./.iamguard.hcl when --config is
// not given and that file exists, or else gives the defaults; with
// --no-config, always the defaults.
func loadConfig(ctx context.Context, name string, given, none bool) (*config.Config, error) {
	switch {
	case none && given:
		return nil, errors.New("--config and --no-config cannot be used together")
	case none:
		return config.Default(), nil
	}
	if !given {
		name = config.DefaultFile
		if _, err := os.Stat(name); errors.Is(err, os.ErrNotExist) {
			return config.Default(), nil
		}
	}
	if name == "-" {
		return nil, errors.New(`--config - cannot read standard input; name a file, such as --config /dev/stdin`)
	}
	cfg, err := config.Load(ctx, name)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("--config %s: no such file", quote.Path(name))
	}
	return cfg, err
}

// artifactURI names the plan file for SARIF and annotations as the
// repository names it: relative to the root of the work tree that holds
// the working directory (repoRoot), with forward slashes, wherever in it
// the run starts, since code scanning and annotations resolve a path from
// the repository's root; a file outside it (a plan under $RUNNER_TEMP) by
// its absolute path, which SARIF gives as a file URI (GitHub code scanning
// refuses a result without a file); nothing for stdin.
func artifactURI(name string) string {
	if name == "-" {
		return ""
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	if real, err := filepath.EvalSymlinks(wd); err == nil {
		wd = real // reached through a link: its repository is where it is
	}
	abs := filepath.Clean(name)
	if !filepath.IsAbs(name) {
		abs = filepath.Join(wd, name)
	}
	root := repoRoot(wd)
	rel, ok := within(root, abs)
	if !ok {
		// Named through a link to the repository (an absolute path through
		// the linked working directory): its directory as it is.
		dir, base := filepath.Split(abs)
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			rel, ok = within(root, filepath.Join(real, base))
		}
	}
	if !ok {
		return filepath.ToSlash(abs)
	}
	return rel
}

// within gives path relative to root, with slashes, if it is under root.
func within(root, path string) (string, bool) {
	rel, err := filepath.Rel(root, path)
	rel = filepath.ToSlash(rel)
	return rel, err == nil && rel != ".." && !strings.HasPrefix(rel, "../")
}

// repoRoot is the root of the git work tree that holds dir: the nearest of
// dir and its parents with a .git (a directory, or the file of a linked
// worktree or submodule); outside any, dir itself.
func repoRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

// sameFile reports whether a and b name one existing file.
func sameFile(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}

// isStdin reports whether name is the file stdin reads (- < plan.json).
func isStdin(name string, stdin io.Reader) bool {
	f, ok := stdin.(*os.File)
	if !ok {
		return false
	}
	in, err := f.Stat()
	if err != nil || !in.Mode().IsRegular() {
		return false
	}
	out, err := os.Stat(name)
	return err == nil && os.SameFile(in, out)
}

func isDir(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && fi.IsDir()
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
	pos, err := parse(fs, args)
	if err != nil {
		return 0, err
	}
	if len(pos) > 0 {
		return 0, fmt.Errorf("rules takes no arguments, not %q; %s", pos[0], shortUsage)
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
