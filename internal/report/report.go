// Package report turns a lint result into the JSON report of DESIGN.md and
// writes it in each output format. Every format is derived from Report, so
// no writer sees plan values: only rule metadata, addresses and messages.
package report

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/iamguard/terraform-provider-iamguard/internal/lint"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// Report is the JSON report, the contract every format is derived from.
type Report struct {
	Tool     Tool      `json:"tool"`
	Plan     PlanInfo  `json:"plan"`
	Config   *Config   `json:"config,omitempty"` // nil when everything is the default (see NewConfig)
	Summary  Summary   `json:"summary"`
	Findings []Finding `json:"findings"`
	// Plans has each plan's summary when one run lints several (see Merge).
	Plans []PlanSummary `json:"plans,omitempty"`

	// Judged lists the resources judged, for formats with one entry per
	// resource (JUnit). It is not part of the JSON contract.
	Judged []lint.ResourceRef `json:"-"`
	// Disabled holds the IDs of rules switched off by configuration; the
	// CLI sets it so per-rule formats do not show them as passing.
	Disabled map[string]bool `json:"-"`
}

// Tool names the program.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// PlanInfo describes the plan that was linted.
type PlanInfo struct {
	FormatVersion    string `json:"format_version"`
	TerraformVersion string `json:"terraform_version"`
	Timestamp        string `json:"timestamp"`
}

// Summary counts what was judged and found. Findings and BySeverity leave
// out waived findings, which Waived counts.
type Summary struct {
	Resources  int            `json:"resources"`
	Findings   int            `json:"findings"`
	Waived     int            `json:"waived"`
	BySeverity map[string]int `json:"by_severity"`
}

// Finding is one finding in the report: the lint result's own, not a copy,
// for a report can hold hundreds of thousands. Its members in the JSON
// report (rule_id, rule, event, remediation and references from its rule;
// address, resource_type, action and line from its resource) are written by
// appendFinding.
type Finding = lint.Finding

// waiverReason is the reason of the finding's waiver, if it has one.
func waiverReason(f *Finding) string {
	if f.Waiver == nil {
		return ""
	}
	return f.Waiver.Reason
}

// remediation is the fix a finding's rule gives in Terraform.
func remediation(f *Finding) string { return f.Rule.Remediation.Terraform }

// New builds the report of a lint result. The report shares the result's
// findings and judged resources.
func New(res lint.Result, version string) *Report {
	r := &Report{
		Tool: Tool{Name: "iamguard", Version: version},
		Plan: PlanInfo{
			FormatVersion:    res.Plan.FormatVersion,
			TerraformVersion: res.Plan.TerraformVersion,
			Timestamp:        res.Plan.Timestamp,
		},
		Summary:  Summary{Resources: res.Resources, BySeverity: map[string]int{}},
		Findings: res.Findings,
		Judged:   res.Judged,
	}
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Waived {
			r.Summary.Waived++
			continue
		}
		r.Summary.Findings++
		r.Summary.BySeverity[f.Severity.String()]++
	}
	return r
}

// weight is finding i's weight, for writeOrdered.
func (r *Report) weight(i int) int { return findingWeight(&r.Findings[i]) }

// Fails reports whether any unwaived finding is at or above min.
func (r *Report) Fails(min rules.Severity) bool {
	for _, f := range r.Findings {
		if !f.Waived && f.Severity >= min {
			return true
		}
	}
	return false
}

// Resource is the findings of one resource, for the grouped formats.
type Resource struct {
	Address  string
	Type     string
	Action   string
	Findings []Finding
}

// ByResource groups findings by address and action (a deposed object
// shares its address with the current one), in address order. Lint gives
// findings in that order, and then each group is a slice of them, not a
// copy; other orders are grouped the slow way.
func (r *Report) ByResource() []Resource {
	var out []Resource
	if !slices.IsSortedFunc(r.Findings, func(a, b Finding) int { return strings.Compare(a.Address, b.Address) }) {
		idx := map[[2]string]int{}
		for _, f := range r.Findings {
			i, ok := idx[[2]string{f.Address, f.Action}]
			if !ok {
				i = len(out)
				idx[[2]string{f.Address, f.Action}] = i
				out = append(out, Resource{Address: f.Address, Type: f.Type, Action: f.Action})
			}
			out[i].Findings = append(out[i].Findings, f)
		}
		sort.SliceStable(out, func(i, j int) bool { return out[i].Address < out[j].Address })
		return out
	}
	for i := 0; i < len(r.Findings); {
		f := r.Findings[i]
		j := i + 1
		for j < len(r.Findings) && r.Findings[j].Address == f.Address && r.Findings[j].Action == f.Action {
			j++
		}
		out = append(out, Resource{Address: f.Address, Type: f.Type, Action: f.Action, Findings: r.Findings[i:j:j]})
		i = j
	}
	return out
}

// SeverityCounts lists the summary's counts from critical down, skipping zeros.
func (r *Report) SeverityCounts() []string {
	var parts []string
	for s := rules.Critical; s >= rules.Info; s-- {
		if n := r.Summary.BySeverity[s.String()]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, s))
		}
	}
	return parts
}

// Verdict is the one-line summary every human-facing format ends or starts with.
func (r *Report) Verdict() string {
	s := r.Summary
	line := count(s.Resources, "resource") + " judged, " + count(s.Findings, "finding")
	if counts := r.SeverityCounts(); len(counts) > 0 {
		line += " (" + strings.Join(counts, ", ") + ")"
	}
	if s.Waived > 0 {
		line += fmt.Sprintf(", %d waived", s.Waived)
	}
	if n := r.Unread(); n > 0 {
		line += fmt.Sprintf("; %d of %d plans not read", n, len(r.Plans))
	}
	return line
}

// count gives n of a noun: "1 finding", "2 findings".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// Unread counts the plans of a merged report that could not be read.
func (r *Report) Unread() int {
	n := 0
	for _, p := range r.Plans {
		if p.Summary == nil {
			n++
		}
	}
	return n
}

// Writer renders a report in one format.
type Writer func(w io.Writer, r *Report, opt Options) error

// Options are the settings a writer may use.
type Options struct {
	Color bool // ANSI colours, for a terminal
	// ArtifactURI names the plan file, relative to the repository root, or
	// by its absolute path (forward slashes) outside it, for formats that
	// need a file location (SARIF; GitHub annotations, for a relative one).
	// Empty: no file location.
	ArtifactURI string
	// FailOn is the --fail-on severity, for formats that state a verdict
	// (markdown). The zero value, info, fails on any unwaived finding.
	FailOn rules.Severity
}

// catalogue is the rule list the per-rule formats (SARIF, JUnit) describe;
// tests pin it so new rules do not change their golden files.
var catalogue = rules.All

// Formats maps each --format name to its writer. The formats that keep
// names exact write the "[" of "##[" as their own escape for it, the same
// text once read: the GitHub runner takes "##[" anywhere in a log line for
// a command, and a report written to stdout is part of the log. (The text,
// github and markdown writers escape names themselves.)
var Formats = map[string]Writer{
	"text":     WriteText,
	"json":     noLogCommands(WriteJSON, `\u005b`),
	"sarif":    noLogCommands(WriteSARIF, `\u005b`),
	"junit":    noLogCommands(WriteJUnit, "&#91;"),
	"github":   WriteGitHub,
	"markdown": WriteMarkdown,
}

// noLogCommands wraps a writer so that each "##[" it writes is written
// "##" and bracket instead.
func noLogCommands(write Writer, bracket string) Writer {
	return func(w io.Writer, r *Report, opt Options) error {
		return write(&commandFree{w: w, bracket: bracket}, r, opt)
	}
}

// commandFree writes through to w, with the "[" of each "##[" as bracket,
// whatever writes the "##" and the "[" come in.
type commandFree struct {
	w       io.Writer
	bracket string
	hashes  int // the '#' bytes that end what was written, up to 2
}

var logCommand = []byte("##[")

func (c *commandFree) Write(p []byte) (int, error) {
	n := len(p)
	write := func(b []byte, bracket bool) error {
		if _, err := c.w.Write(b); err != nil {
			return err
		}
		if bracket {
			_, err := io.WriteString(c.w, c.bracket)
			return err
		}
		return nil
	}
	// A "##[" that earlier writes began.
	switch {
	case c.hashes == 2 && len(p) > 0 && p[0] == '[':
		if err := write(nil, true); err != nil {
			return 0, err
		}
		p = p[1:]
	case c.hashes >= 1 && len(p) > 1 && p[0] == '#' && p[1] == '[':
		if err := write(p[:1], true); err != nil {
			return 0, err
		}
		p = p[2:]
	}
	whole := len(p) == n // nothing of p written yet: its hashes follow the earlier ones
	for i := bytes.Index(p, logCommand); i >= 0; i = bytes.Index(p, logCommand) {
		if err := write(p[:i+2], true); err != nil {
			return 0, err
		}
		p, whole = p[i+3:], false
	}
	trailing := len(p) - len(bytes.TrimRight(p, "#"))
	switch {
	case trailing == len(p) && whole:
		c.hashes = min(2, c.hashes+trailing)
	case trailing == len(p) && len(p) == 0:
		c.hashes = 0 // the last byte written was a bracket's
	default:
		c.hashes = min(2, trailing)
	}
	if err := write(p, false); err != nil {
		return 0, err
	}
	return n, nil
}

// FormatNames lists the format names in order, for help and errors.
func FormatNames() []string {
	names := make([]string, 0, len(Formats))
	for n := range Formats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
