package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/iamguard/terraform-provider-iamguard/internal/config"
	"github.com/iamguard/terraform-provider-iamguard/internal/quote"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// Config is the configuration in effect, in the report whenever it differs
// from the defaults: a config file was read, fail_on is not low, or a flag
// changes what is judged (--changed-only, --now). A pull request can add a
// config file, so every format shows what it switches off or weakens.
type Config struct {
	File             string          `json:"file,omitempty"`
	DisabledRules    []string        `json:"disabled_rules"`
	WeakenedBaseline []WeakenedValue `json:"weakened_baseline"`
	FailOn           rules.Severity  `json:"fail_on"`
	FailOnDefault    rules.Severity  `json:"fail_on_default"`
	// ChangedOnly: resources left as they are were not judged.
	ChangedOnly bool `json:"changed_only"`
	// Now is the time dates were judged against (--now), when given, in
	// place of each plan's timestamp.
	Now string `json:"now,omitempty"`
	// Waivers accept findings' risk: a waiver for every address is a rule
	// switched off by another name.
	Waivers []ConfigWaiver `json:"waivers"`
	// Weakens is true when a rule is off, a baseline value is weaker than
	// its default, fail_on is above its default, a waiver applies, or
	// unchanged resources are not judged.
	Weakens bool `json:"weakens"`
}

// ConfigWaiver is a waiver of the config file, as written.
type ConfigWaiver struct {
	Rule    string         `json:"rule"`
	Address string         `json:"address"`
	Plan    string         `json:"plan,omitempty"` // the plans it is kept to; empty: every plan
	Reason  string         `json:"reason"`
	Expires string         `json:"expires,omitempty"` // the last day it applies; empty: never expires
	Expired bool           `json:"expired"`
	Waives  int            `json:"waives"` // the report's findings it waives
	worst   rules.Severity // the highest of them
}

// WeakenedValue is a baseline setting weaker than its default.
type WeakenedValue struct {
	Name    string `json:"name"`
	Value   int    `json:"value"`
	Default int    `json:"default"`
}

// DefaultFailOn is the fail_on of a run without configuration.
const DefaultFailOn = rules.Low

// Run is what a run's flags change of what is judged, besides fail_on.
type Run struct {
	ChangedOnly bool
	Now         time.Time // zero: each plan's timestamp
}

// NewConfig describes the configuration of a run: the loaded config (its
// File empty when none was read), the fail_on in effect, from the file or
// the flag, the time waivers are judged at, the report's findings, judged
// with c's waivers, to count what each waives, and the run's flags. It is
// nil when everything is the default.
func NewConfig(c *config.Config, failOn rules.Severity, waiversAt time.Time, findings []Finding, run Run) *Config {
	if c.File == "" && failOn == DefaultFailOn && !run.ChangedOnly && run.Now.IsZero() {
		return nil
	}
	rc := &Config{File: c.File, DisabledRules: c.DisabledRules(), WeakenedBaseline: []WeakenedValue{},
		FailOn: failOn, FailOnDefault: DefaultFailOn, ChangedOnly: run.ChangedOnly, Waivers: []ConfigWaiver{}}
	if !run.Now.IsZero() {
		rc.Now = run.Now.Format(time.RFC3339Nano) // as given: in its zone, with its fraction
	}
	if rc.DisabledRules == nil {
		rc.DisabledRules = []string{}
	}
	for _, w := range c.WeakerBaseline() {
		rc.WeakenedBaseline = append(rc.WeakenedBaseline, WeakenedValue{Name: w.Name, Value: w.Value, Default: w.Default})
	}
	live := false
	index := make(map[*config.Waiver]int, len(c.Waivers))
	for i := range c.Waivers {
		w := &c.Waivers[i]
		index[w] = i
		cw := ConfigWaiver{Rule: w.Rule, Address: w.Address, Plan: w.Plan, Reason: w.Reason, Expires: w.ExpiresDate(), Expired: w.ExpiredAt(waiversAt)}
		live = live || !cw.Expired
		rc.Waivers = append(rc.Waivers, cw)
	}
	for i := range findings {
		if f := &findings[i]; f.Waived {
			if i, ok := index[f.Waiver]; ok {
				w := &rc.Waivers[i]
				if w.Waives++; w.Waives == 1 || f.Severity > w.worst {
					w.worst = f.Severity
				}
			}
		}
	}
	rc.Weakens = len(rc.DisabledRules) > 0 || len(rc.WeakenedBaseline) > 0 || failOn > DefaultFailOn || live || run.ChangedOnly
	return rc
}

// heading is the first line the human formats give the configuration.
func (c *Config) heading() string {
	if c.Weakens {
		return "The configuration weakens the checks"
	}
	return "The configuration differs from the defaults"
}

// lines describes the configuration, one setting a line, for the human
// formats; each writer escapes them for its own syntax. A file name with
// control characters is quoted, as in error messages. value, when not nil,
// renders each value the file gives (its path, a waiver's patterns and
// reason) in place, its line breaks made spaces: a writer may escape and
// cut each, so that one long value cannot push the rest of its line out.
func (c *Config) lines(value func(string) string) []string {
	if value == nil {
		value = func(s string) string { return s }
	}
	given := value // each value on the one line, in every format
	value = func(s string) string { return given(quote.Line(s)) }
	var out []string
	if c.File != "" {
		out = append(out, "config file: "+value(quote.Path(c.File)))
	}
	switch {
	case c.FailOn > c.FailOnDefault:
		out = append(out, fmt.Sprintf("fail_on = %s (default %s): findings below %s do not fail", c.FailOn, c.FailOnDefault, c.FailOn))
	case c.FailOn != c.FailOnDefault:
		out = append(out, fmt.Sprintf("fail_on = %s (default %s)", c.FailOn, c.FailOnDefault))
	}
	if c.ChangedOnly {
		out = append(out, "--changed-only: resources the plan leaves as they are (no-op, read) are not judged")
	}
	if c.Now != "" {
		out = append(out, "--now "+c.Now+": dates are judged against it, not the plan's timestamp")
	}
	if len(c.DisabledRules) > 0 {
		out = append(out, "rules disabled: "+strings.Join(c.DisabledRules, ", "))
	}
	for _, w := range c.WeakenedBaseline {
		out = append(out, fmt.Sprintf("baseline %s = %d, weaker than the default %d", w.Name, w.Value, w.Default))
	}
	for _, w := range c.sortedWaivers() {
		until := "never expires"
		switch {
		case w.Expired:
			until = "expired on " + w.Expires + ", no longer applies"
		case w.Expires != "":
			until = "until " + w.Expires
		}
		on := value(w.Address)
		if w.Plan != "" {
			on += " in plans " + value(w.Plan)
		}
		if w.Waives > 0 {
			until += ", waives " + count(w.Waives, "finding")
		}
		out = append(out, fmt.Sprintf("waiver: %s on %s (%s): %s", w.Rule, on, until, value(w.Reason)))
	}
	return out
}

// sortedWaivers orders the waivers so that what weakens the checks most
// comes first, and a report cut short (the markdown head) still shows it:
// those that waive findings, by the highest severity they waive, then by
// how many; then the other live ones, those with a star before exact
// addresses, then by their rule's severity; then the expired. Within each,
// the broadest pattern comes first (see broader), so that exact addresses
// that match nothing cannot push a catch-all down.
func (c *Config) sortedWaivers() []ConfigWaiver {
	waivers := slices.Clone(c.Waivers)
	severity := func(w ConfigWaiver) rules.Severity {
		if r := rules.ByID(w.Rule); r != nil {
			return r.Severity
		}
		return rules.Info
	}
	slices.SortStableFunc(waivers, func(a, b ConfigWaiver) int {
		return cmp.Or(
			cmp.Compare(boolInt(a.Expired), boolInt(b.Expired)),
			cmp.Compare(boolInt(b.Waives > 0), boolInt(a.Waives > 0)),
			cmp.Compare(b.worst, a.worst),
			cmp.Compare(b.Waives, a.Waives),
			cmp.Compare(boolInt(!strings.Contains(a.Address, "*")), boolInt(!strings.Contains(b.Address, "*"))),
			cmp.Compare(severity(b), severity(a)),
			broader(a.Address, b.Address))
	})
	return waivers
}

// broader orders address patterns broadest first: one with a star before
// an exact address, then the one with fewer bytes besides stars, then the
// one whose first star comes sooner ("*.x" before "x.*").
func broader(a, b string) int {
	firstStar := func(p string) int {
		if i := strings.IndexByte(p, '*'); i >= 0 {
			return i
		}
		return len(p) + 1 // an exact address: after every pattern
	}
	return cmp.Or(
		cmp.Compare(boolInt(!strings.Contains(a, "*")), boolInt(!strings.Contains(b, "*"))),
		cmp.Compare(len(a)-strings.Count(a, "*"), len(b)-strings.Count(b, "*")),
		cmp.Compare(firstStar(a), firstStar(b)))
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// leftOut says what a report that shows only lines()[:from] leaves out.
// Those lines are waivers (they come last): it says what they waive, so
// that none is taken for filler.
func (c *Config) leftOut(from int) string {
	lines, waives := c.lines(nil), 0
	for _, cw := range c.sortedWaivers()[max(0, from-(len(lines)-len(c.Waivers))):] {
		waives += cw.Waives
	}
	return fmt.Sprintf("and %d more lines, waivers that waive %d findings: the JSON report's config has them all", len(lines)-from, waives)
}

// summary is the configuration on one line.
func (c *Config) summary() string {
	return c.heading() + ": " + strings.Join(c.lines(nil), "; ")
}
