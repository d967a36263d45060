package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tailscale/hujson"

	"github.com/iamguard/terraform-provider-iamguard/internal/plan"
	"github.com/iamguard/terraform-provider-iamguard/internal/quote"
)

// planArg is one plan to lint. found marks a plan found in a directory
// rather than named on the command line: a JSON file there that is not a
// plan is skipped with a note, where a named one is an error.
type planArg struct {
	path  string
	found bool
	// skip, for a file found in a directory, says why it is not read: a
	// zip that cannot be read, such as a truncated binary plan.
	skip string
	// unread, for a file found in a directory, says why it is a plan that
	// could not be read, without opening it: a link to a device or FIFO.
	unread string
}

// skipDirs are never searched for plans: Terraform's own data (provider
// binaries, downloaded modules), version control, and JavaScript packages
// (a Lambda function's, whose package.json files are no plans).
var skipDirs = map[string]bool{".terraform": true, ".git": true, "node_modules": true}

// maxPlans and maxPlanPathBytes bound the plans one run lints, whose
// paths and reports are kept until the merged report is written: 100,000
// empty plans under paths of 1 KB took 579 MB (round 129). A search keeps
// at most ten times as many files found, not all of them plans (see
// plansIn). See runLimits.
const (
	maxPlans         = 10_000
	maxPlanPathBytes = 8 << 20
)

// systemPath is path, unless it holds a .. that Go's paths, cleaned as
// text (.. taking off the element before it), read as another file than
// the system does, which goes up from where a linked directory leads:
// then the file's real path (round 340: d/sub/.. listed other/ and read
// d/; d/sub/../plan.json, which is other/plan.json, was waived as d/'s).
// The system resolves it (filepath.EvalSymlinks follows it as the system
// does): rounds 342 to 344 found a chain of links, a target ending in /,
// and nested links that a walk of its own took wrongly or for hours. A
// path the system refuses is kept as given, for the open to fail as the
// system's does; one whose real path cannot be found (a magic link of
// /proc, one past PATH_MAX) is refused, since the text would name another
// file (round 345: waived and located as the file beside it).
func systemPath(path string) (string, error) {
	if !slices.Contains(strings.Split(filepath.ToSlash(path), "/"), "..") {
		return path, nil
	}
	typed, err := os.Stat(path)
	if err != nil {
		return path, nil
	}
	if cleaned, err := os.Stat(filepath.Clean(path)); err == nil && os.SameFile(typed, cleaned) {
		return path, nil
	}
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return "", fmt.Errorf("%s: its .. goes up from where a link leads, and its real path, by which it would be named, cannot be read (%v): name the plan by a path without ..",
			quote.Path(path), bare(err))
	}
	if real == "-" {
		return "." + string(filepath.Separator) + real, nil // a file of that name, not stdin
	}
	return real, nil
}

// expandPlans turns the PLAN arguments into the plans to lint, in order:
// a file or "-" as it is, and a directory as every *.json file and binary
// plan directly in it, or in its whole tree with recursive. stdin, where
// it is a file, is the file "-" reads (see skipAgain).
func expandPlans(args []string, recursive bool, stdin os.FileInfo) ([]planArg, error) {
	var out []planArg
	pathBytes := 0 // of out's paths, for plansIn's bound
	dash := false
	for _, a := range args {
		if a == "-" {
			if dash {
				return nil, errors.New(`"-" (stdin) can be given only once`)
			}
			dash = true
			out = append(out, planArg{path: a})
			continue
		}
		fi, err := os.Stat(a)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", quote.Path(a), bare(err))
		}
		if !fi.IsDir() {
			out, pathBytes = append(out, planArg{path: a}), pathBytes+len(a)
			continue
		}
		found, err := plansIn(a, recursive, len(out), &pathBytes)
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			hint := ""
			if !recursive {
				hint = " (--recursive also searches its subdirectories)"
			}
			return nil, fmt.Errorf("%s: no *.json or binary plan files in this directory%s", quote.Path(a), hint)
		}
		out = append(out, found...)
	}
	skipAgain(out, stdin)
	return out, nil
}

// skipAgain skips each plan file that is one linted before it, by what the
// file is (a link, a hard link, a path through a linked directory and ..,
// stdin redirected from it): linted twice, each finding was reported and
// counted twice (rounds 339, 341). A file named on the command line is kept
// over the same file found in a directory, and read as a named one is
// (round 340: a named file that is not a plan, found first in a directory,
// was skipped, exit 0); and a file named or found is kept over stdin
// redirected from it (rounds 342, 343: its SARIF results lost their file,
// and a binary plan was shown where it does not belong).
func skipAgain(plans []planArg, stdin os.FileInfo) {
	infos := make([]os.FileInfo, len(plans))
	var named, files, linted fileSet // files: all but stdin
	for i, p := range plans {
		fi, err := stdin, error(nil)
		switch {
		case p.skip != "" || p.unread != "" || p.path == "-" && stdin == nil:
			continue
		case p.path != "-":
			fi, err = os.Stat(p.path)
		}
		if err == nil && fi.Mode().IsRegular() {
			infos[i] = fi
			if p.path != "-" {
				files.add(fi)
				if !p.found {
					named.add(fi)
				}
			}
		}
	}
	for i, fi := range infos {
		if fi == nil {
			continue
		}
		p := plans[i]
		if linted.has(fi) || p.found && named.has(fi) || p.path == "-" && files.has(fi) {
			plans[i].skip = "named again: it is linted once"
			continue
		}
		linted.add(fi)
	}
}

// fileSet is a set of files: by device and inode where the system gives them
// (fileID), else by size and modification time, among which os.SameFile,
// the one portable test, tells (round 341: 100,000 files of one size and
// time, compared each with each, took three times as long).
type fileSet struct {
	ids  map[fileID]bool
	rest map[[2]int64][]os.FileInfo
}

func (f *fileSet) add(fi os.FileInfo) {
	if id, ok := idOf(fi); ok {
		if f.ids == nil {
			f.ids = map[fileID]bool{}
		}
		f.ids[id] = true
		return
	}
	if f.rest == nil {
		f.rest = map[[2]int64][]os.FileInfo{}
	}
	k := [2]int64{fi.Size(), fi.ModTime().UnixNano()}
	f.rest[k] = append(f.rest[k], fi)
}

func (f *fileSet) has(fi os.FileInfo) bool {
	if id, ok := idOf(fi); ok {
		return f.ids[id]
	}
	return slices.ContainsFunc(f.rest[[2]int64{fi.Size(), fi.ModTime().UnixNano()}], func(g os.FileInfo) bool { return os.SameFile(g, fi) })
}

// planLimits refuses a run's plans past the number, or the bytes of their
// paths, that one run keeps (runLimits): those linted so far and one more.
func planLimits(linted int, pathBytes int) error {
	switch {
	case linted > runLimits.plans:
		return fmt.Errorf("more than %d plans, the most iamguard lints in one run: lint them in several runs", runLimits.plans)
	case pathBytes > runLimits.planPathBytes:
		return fmt.Errorf("the plans' paths come to more than %d bytes, the most iamguard keeps in one run: lint them in several runs", runLimits.planPathBytes)
	}
	return nil
}

// plansIn lists the *.json files and binary plans in dir, in lexical order,
// refusing more files found, beside the earlier ones given (earlier, and
// their paths in *pathBytes, to which the paths found are added), than ten
// times the plans one run lints, or paths of more than four times their
// bytes.
func plansIn(dir string, recursive bool, earlier int, pathBytes *int) ([]planArg, error) {
	var out []planArg
	add := func(pa planArg) {
		out, *pathBytes = append(out, pa), *pathBytes+len(pa.path)
	}
	root := dir
	if fi, err := os.Lstat(dir); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		root = dir + string(filepath.Separator) // a directory named by a link: its entries
	}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("%s: %w", quote.Path(path), bare(err))
		}
		if earlier+len(out) > 10*runLimits.plans || *pathBytes > 4*runLimits.planPathBytes {
			return fmt.Errorf("%s: more than %d *.json and binary plan files, or paths of more than %d bytes, the most iamguard looks at in one run: lint its directories in several runs",
				quote.Path(dir), 10*runLimits.plans, 4*runLimits.planPathBytes)
		}
		if d.IsDir() {
			if path != root && (!recursive || skipDirs[d.Name()]) {
				return filepath.SkipDir
			}
			return tooManyEntries(path, 10*runLimits.plans)
		}
		isJSON := strings.EqualFold(filepath.Ext(d.Name()), ".json") // PROD.JSON too (round 246: left out quietly)
		mode := d.Type()
		if mode&fs.ModeSymlink != 0 { // a linked plan counts, a linked directory is not followed
			fi, err := os.Stat(path)
			switch {
			case err != nil && isJSON: // a plan not there (a download that failed) is a plan not read, never one left out quietly
				add(planArg{path: path, found: true})
				return nil
			case err != nil: // a binary plan, maybe: noted
				add(planArg{path: path, found: true, skip: "a link to nothing"})
				return nil
			case fi.IsDir():
				if recursive && !skipDirs[d.Name()] {
					add(planArg{path: path, found: true, skip: "a linked directory, not followed (name it to search it)"})
				}
				return nil
			}
			switch {
			case !fi.Mode().IsRegular() && isJSON:
				// A plan written through it is lost (a committed link to
				// /dev/null, round 170): a plan that could not be read.
				add(planArg{path: path, found: true, unread: "a link to a device, FIFO or socket, not a plan file"})
				return nil
			case !fi.Mode().IsRegular():
				// Of another name, maybe a binary plan's, maybe a masked
				// systemd unit's (round 171): noted.
				add(planArg{path: path, found: true, skip: "a link to a device, FIFO or socket (a binary plan written through it is lost)"})
				return nil
			}
			mode = fi.Mode()
		}
		if !mode.IsRegular() {
			if isJSON {
				add(planArg{path: path, found: true, unread: "not a regular file"})
			}
			return nil
		}
		switch binary, broken := plan.IsBinaryPlan(path); {
		case isJSON || binary:
			add(planArg{path: path, found: true})
		case broken:
			add(planArg{path: path, found: true, skip: "a zip file that cannot be read (a truncated binary plan?)"})
		}
		return nil
	})
	return out, err
}

// tooManyEntries refuses a directory of more than max entries, plans or
// not, counted in batches before filepath.WalkDir reads them all at once:
// 900,000 files in one directory took 335 MB (round 135).
func tooManyEntries(dir string, max int) error {
	f, err := os.Open(dir)
	if err != nil {
		return nil // WalkDir reports it
	}
	defer f.Close()
	for n := 0; ; {
		names, err := f.Readdirnames(4096)
		if n += len(names); n > max {
			return fmt.Errorf("%s: a directory of more than %d entries, the most iamguard looks through", quote.Path(dir), max)
		}
		if err != nil {
			return nil // io.EOF, or an error WalkDir reports
		}
	}
}

// bare drops the operation and path of a *fs.PathError ("open x: ..."),
// which the caller's message already names.
func bare(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// otherJSON reports whether a file found in a directory that did not read
// as a plan is another tool's JSON: a JSON value other than an object, or
// an object that names none of a plan's sections, JSON with comments and
// trailing commas included (tsconfig.json, .vscode/settings.json; see
// hujson). A file that is not JSON at all is a plan that could not be made
// or read, never skipped: empty, cut short, terraform's error text, UTF-16
// (PowerShell's >), gzip. Nor is a file larger than such files are.
func otherJSON(name string) bool {
	const most = 16 << 20
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, most+1))
	if err != nil || len(data) > most {
		return false
	}
	data, err = hujson.Standardize(bytes.TrimPrefix(bytes.TrimLeft(data, " \t\r\n"), []byte("\ufeff")))
	if err != nil || !json.Valid(data) {
		return false
	}
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) != nil {
		return true // a JSON value other than an object
	}
	for key := range top {
		for _, section := range planSections {
			// In any case encoding/json folds: the reader refuses such a
			// key, and the refusal must not become a skip (round 223).
			if strings.EqualFold(key, section) {
				return false
			}
		}
	}
	return true
}

// planSections are the plan format's own top-level keys, which other
// tools' JSON files hold none of: each that iamguard judges or checks
// (deferred_changes and prior_state alone once passed as skipped files).
var planSections = []string{"format_version", "terraform_version", "resource_changes", "planned_values",
	"resource_drift", "deferred_changes", "prior_state", "output_changes", "relevant_attributes"}
