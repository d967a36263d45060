// Package config loads .iamguard.hcl: the baseline thresholds, the fail_on
// severity, rule switches and waivers of a lint run.
package config

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/iamguard/terraform-provider-iamguard/internal/glob"
	"github.com/iamguard/terraform-provider-iamguard/internal/quote"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
	"github.com/iamguard/terraform-provider-iamguard/internal/stream"
)

// DefaultFile is the config file the CLI reads when --config is not given.
const DefaultFile = ".iamguard.hcl"

// Config is a loaded config file.
type Config struct {
	File     string // the file it was loaded from; "" for the defaults
	Baseline rules.Baseline
	// FailOn is the file's fail_on; nil when the file does not set it.
	FailOn   *rules.Severity
	Disabled map[string]bool
	Waivers  []Waiver
}

// Waiver accepts the risk of one rule's findings on matching addresses.
type Waiver struct {
	Rule    string
	Address string // exact address, or a glob where * is any run of characters
	// Plan, when set, keeps the waiver to the plans whose path (as the run
	// names them: given, or found in a directory) it matches, as Address does.
	Plan   string
	Reason string
	// Expires is the last day (UTC) the waiver applies; zero means never.
	Expires time.Time
}

const dateLayout = "2006-01-02"

// Default is the configuration used when there is no config file.
func Default() *Config {
	return &Config{Baseline: rules.DefaultBaseline(), Disabled: map[string]bool{}}
}

// Limits on a config file, checked before the HCL parser sees it: the
// parser recurses once per nesting level and would overflow Go's stack on
// a hostile file. Real config files are a few KiB and nest 3 levels deep.
const (
	MaxFileSize = 256 << 10
	MaxDepth    = 64
	// MaxStringParts bounds a string's lines (a heredoc) or literal parts
	// (split by escapes): HCL joins them in time that grows with the
	// square of their number, a minute for a 256 KiB heredoc of empty lines.
	MaxStringParts = 1000
	// MaxListItems bounds a list (allowed_certificate_domains): HCL turns
	// one into a list of strings in time that grows with the square of its
	// length, minutes for 125,000 numbers.
	MaxListItems = 1000
)

// MaxPattern bounds a waiver's address and plan patterns, MaxStars the
// stars in each (runs of stars count once), and MaxWaivers the waivers:
// each finding is matched against them all, at a cost that grows with the
// stars (200 waivers of 480 stars took 94 s on 85,000 findings). No real
// configuration comes near any of them.
const (
	MaxPattern = 1 << 10
	MaxStars   = 16
	MaxWaivers = 200
	// MaxReason bounds a waiver's reason, which every report repeats with
	// each finding it waives.
	MaxReason = 1 << 10
)

// Load reads and checks a config file. A missing file gives an error
// satisfying os.IsNotExist; other errors name the file. It gives up when
// ctx is done: a FIFO (--config <(...)) may never be written.
func Load(ctx context.Context, path string) (*Config, error) {
	f, err := stream.Open(ctx, path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	name := quote.Path(path)
	if ctx.Err() != nil {
		return nil, fmt.Errorf("%s: interrupted", name)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, errors.Unwrap(err))
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(stream.NewReader(ctx, f), MaxFileSize+1)) // a FIFO has no size to Stat
	switch {
	case ctx.Err() != nil:
		return nil, fmt.Errorf("%s: interrupted", name)
	case err != nil:
		return nil, fmt.Errorf("%s: %w", name, errors.Unwrap(err))
	}
	c, err := Parse(src, name)
	if err != nil {
		return nil, err
	}
	c.File = path
	return c, nil
}

// Weakened is a baseline setting set to a weaker bar than its default.
type Weakened struct {
	Name           string
	Value, Default int
}

// WeakerBaseline lists the baseline settings weaker than their defaults,
// in the order of rules.Thresholds.
func (c *Config) WeakerBaseline() []Weakened {
	var out []Weakened
	for _, t := range rules.Thresholds() {
		if v := t.Get(c.Baseline); t.Weaker(v) {
			out = append(out, Weakened{Name: t.Name, Value: v, Default: t.Default})
		}
	}
	return out
}

// DisabledRules lists the IDs of the rules the file switches off, sorted.
func (c *Config) DisabledRules() []string {
	var out []string
	for id, off := range c.Disabled {
		if off {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}

// checkLimits refuses a file over MaxFileSize, or one whose expressions
// nest deeper than MaxDepth. It walks HCL's own tokens (the lexer does not
// recurse), so brackets in strings and comments do not count. Each
// bracket, brace, parenthesis, string and template sequence opens a level;
// so do operators and traversal steps (.name, [index]), which the parser
// and evaluator handle by recursion, until the end of the item they are in.
func checkLimits(src []byte, filename string) error {
	if len(src) > MaxFileSize {
		return fmt.Errorf("%s: config file larger than the %d KiB limit", filename, MaxFileSize>>10)
	}
	toks, _ := hclsyntax.LexConfig(src, filename, hcl.InitialPos)
	type level struct {
		depth int // the depth outside the opener
		kind  hclsyntax.TokenType
	}
	var open []level
	depth, literals, templates := 0, 0, 0
	for i, t := range toks {
		// HCL joins a string's literal parts (its lines, its escapes such
		// as $${) in time that grows with their number times its parts':
		// counted over the whole string, interpolations in it included.
		switch t.Type {
		case hclsyntax.TokenQuotedLit, hclsyntax.TokenStringLit:
			if literals++; literals > MaxStringParts {
				return at(t.Range, "a string of more than %d lines or parts, the most a config file's string may have", MaxStringParts)
			}
		case hclsyntax.TokenOQuote, hclsyntax.TokenOHeredoc:
			templates++
		case hclsyntax.TokenCQuote, hclsyntax.TokenCHeredoc:
			if templates--; templates <= 0 {
				templates, literals = 0, 0 // the outermost string ends
			}
		}
		switch t.Type {
		case hclsyntax.TokenOBrace, hclsyntax.TokenOBrack, hclsyntax.TokenOParen, hclsyntax.TokenOQuote,
			hclsyntax.TokenOHeredoc, hclsyntax.TokenTemplateInterp, hclsyntax.TokenTemplateControl:
			if t.Type == hclsyntax.TokenOBrack && i > 0 && endsOperand(toks[i-1].Type) {
				depth++ // an index, a step of a traversal
			}
			open = append(open, level{depth, t.Type})
			depth++
		case hclsyntax.TokenCBrace, hclsyntax.TokenCBrack, hclsyntax.TokenCParen, hclsyntax.TokenCQuote,
			hclsyntax.TokenCHeredoc, hclsyntax.TokenTemplateSeqEnd:
			if n := len(open); n > 0 {
				depth, open = open[n-1].depth, open[:n-1]
			}
		case hclsyntax.TokenBang, hclsyntax.TokenQuestion, hclsyntax.TokenDot, hclsyntax.TokenPlus,
			hclsyntax.TokenMinus, hclsyntax.TokenStar, hclsyntax.TokenSlash, hclsyntax.TokenPercent,
			hclsyntax.TokenAnd, hclsyntax.TokenOr, hclsyntax.TokenEqualOp, hclsyntax.TokenNotEqual,
			hclsyntax.TokenLessThan, hclsyntax.TokenLessThanEq, hclsyntax.TokenGreaterThan, hclsyntax.TokenGreaterThanEq:
			depth++
		case hclsyntax.TokenComma, hclsyntax.TokenNewline:
			// The end of an item, except that a newline inside brackets
			// or parentheses is only white space.
			n := len(open)
			switch {
			case n == 0:
				depth = 0
			case t.Type == hclsyntax.TokenComma || open[n-1].kind == hclsyntax.TokenOBrace:
				depth = open[n-1].depth + 1
			}
		}
		if depth > MaxDepth {
			return at(t.Range, "config nesting deeper than the limit of %d levels", MaxDepth)
		}
	}
	return nil
}

// endsOperand reports whether a token of type tt can end an operand, so
// that a bracket after it is an index.
func endsOperand(tt hclsyntax.TokenType) bool {
	switch tt {
	case hclsyntax.TokenIdent, hclsyntax.TokenNumberLit, hclsyntax.TokenCBrace, hclsyntax.TokenCBrack,
		hclsyntax.TokenCParen, hclsyntax.TokenCQuote, hclsyntax.TokenCHeredoc, hclsyntax.TokenStar:
		return true
	}
	return false
}

// The file's schema. Values that need checking beyond their type are decoded
// as expressions so errors can point at them.
type file struct {
	Baseline *struct {
		Body hcl.Body `hcl:",remain"`
	} `hcl:"baseline,block"`
	FailOn  hcl.Expression `hcl:"fail_on,optional"`
	Rules   []ruleBlock    `hcl:"rule,block"`
	Waivers []waiverBlock  `hcl:"waiver,block"`
}

type ruleBlock struct {
	ID      string    `hcl:"id,label"`
	IDRange hcl.Range `hcl:"id,label_range"`
	Enabled bool      `hcl:"enabled"`
}

type waiverBlock struct {
	Rule    hcl.Expression `hcl:"rule"`
	Address hcl.Expression `hcl:"address"`
	Plan    hcl.Expression `hcl:"plan,optional"`
	Reason  hcl.Expression `hcl:"reason"`
	Expires hcl.Expression `hcl:"expires,optional"`
}

// Parse reads a config file's contents; filename is used in error messages,
// which have the form "file:line: problem".
func Parse(src []byte, filename string) (*Config, error) {
	if err := checkLimits(src, filename); err != nil {
		return nil, err
	}
	f, diags := hclparse.NewParser().ParseHCL(src, filename)
	if diags.HasErrors() {
		return nil, diagError(diags)
	}
	if body, ok := f.Body.(*hclsyntax.Body); ok {
		if err := literalsOnly(body); err != nil {
			return nil, err
		}
	}
	var raw file
	if diags := gohcl.DecodeBody(f.Body, nil, &raw); diags.HasErrors() {
		return nil, diagError(diags)
	}
	c := Default()
	if raw.Baseline != nil {
		if diags := decodeBaseline(raw.Baseline.Body, &c.Baseline); diags.HasErrors() {
			return nil, diagError(diags)
		}
	}
	if s, ok, err := str(raw.FailOn, "fail_on", false); err != nil {
		return nil, err
	} else if ok {
		sev, err := rules.ParseSeverity(s)
		if err != nil {
			return nil, at(raw.FailOn.Range(), "fail_on: %v", err)
		}
		c.FailOn = &sev
	}
	for _, r := range raw.Rules {
		if rules.ByID(r.ID) == nil {
			return nil, at(r.IDRange, "unknown rule ID %q (see iamguard rules)", r.ID)
		}
		if _, dup := c.Disabled[r.ID]; dup {
			return nil, at(r.IDRange, "rule %q is configured twice", r.ID)
		}
		c.Disabled[r.ID] = !r.Enabled
	}
	if len(raw.Waivers) > MaxWaivers {
		return nil, at(raw.Waivers[MaxWaivers].Rule.Range(), "more than %d waivers, the most iamguard reads", MaxWaivers)
	}
	for _, wb := range raw.Waivers {
		w, err := waiver(wb)
		if err != nil {
			return nil, err
		}
		c.Waivers = append(c.Waivers, w)
	}
	return c, nil
}

// decodeBaseline decodes a baseline block over the defaults already in b:
// settings the block leaves out keep their default. Names and bounds come
// from rules.Thresholds, the one declaration of the baseline.
func decodeBaseline(body hcl.Body, b *rules.Baseline) hcl.Diagnostics {
	attrs, diags := body.JustAttributes()
	if diags.HasErrors() {
		return diags
	}
	for _, a := range sortedAttributes(attrs) {
		if v, d := a.Expr.Value(nil); !d.HasErrors() && v.IsNull() {
			// null leaves the default, as elsewhere in this file and in
			// the provider's baseline block (round 116).
			if _, ok := rules.LookupThreshold(a.Name); ok || a.Name == rules.AllowedDomains.Name {
				continue
			}
		}
		if a.Name == rules.AllowedDomains.Name {
			if list, ok := a.Expr.(*hclsyntax.TupleConsExpr); ok && len(list.Exprs) > MaxListItems {
				diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError,
					Summary: fmt.Sprintf("more than %d items, the most a config file's list may have", MaxListItems), Subject: a.Expr.Range().Ptr()})
				continue
			}
			diags = append(diags, gohcl.DecodeExpression(a.Expr, nil, &b.AllowedCertificateDomains)...)
			continue
		}
		t, ok := rules.LookupThreshold(a.Name)
		if !ok {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Unsupported argument",
				Detail: fmt.Sprintf("%q is not a baseline setting.", a.Name), Subject: a.NameRange.Ptr()})
			continue
		}
		var v int64
		if d := gohcl.DecodeExpression(a.Expr, nil, &v); d.HasErrors() {
			// A fraction, a string or a number past int64 (the file holds
			// only literals): name the setting and its range, not int64's.
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Subject: a.Expr.Range().Ptr(),
				Summary: fmt.Sprintf("%s must be a whole number from %d to %d", t.Name, t.Min, t.Max)})
			continue
		}
		if err := t.Set(b, v); err != nil {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: err.Error(), Subject: a.Expr.Range().Ptr()})
		}
	}
	return diags
}

// sortedAttributes orders attributes as they stand in the file, so the
// first error reported is the first in the file.
func sortedAttributes(attrs hcl.Attributes) []*hcl.Attribute {
	out := make([]*hcl.Attribute, 0, len(attrs))
	for _, a := range attrs {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Range.Start.Byte < out[j].Range.Start.Byte })
	return out
}

func waiver(wb waiverBlock) (Waiver, error) {
	var w Waiver
	var err error
	if w.Rule, _, err = str(wb.Rule, "rule", true); err != nil {
		return w, err
	}
	if rules.ByID(w.Rule) == nil {
		return w, at(wb.Rule.Range(), "unknown rule ID %q in waiver (see iamguard rules)", w.Rule)
	}
	if w.Address, _, err = str(wb.Address, "address", true); err != nil {
		return w, err
	}
	if len(w.Address) > MaxPattern {
		return w, at(wb.Address.Range(), "address: longer than %d bytes, the most iamguard reads", MaxPattern)
	}
	var planGiven bool
	if w.Plan, planGiven, err = str(wb.Plan, "plan", false); err != nil {
		return w, err
	}
	switch {
	case len(w.Plan) > MaxPattern:
		return w, at(wb.Plan.Range(), "plan: longer than %d bytes, the most iamguard reads", MaxPattern)
	case planGiven && w.Plan == "":
		return w, at(wb.Plan.Range(), "plan: empty; leave it out for a waiver in every plan")
	}
	if planGiven {
		// Cleaned as the run cleans the plan's path it matches: a pattern
		// written as the path was given (./envs/prod/plan.json) matches
		// it (round 118).
		w.Plan = filepath.Clean(w.Plan)
	}
	w.Address, w.Plan = oneStar(w.Address), oneStar(w.Plan)
	switch {
	case strings.Count(w.Address, "*") > MaxStars:
		return w, at(wb.Address.Range(), "address: more than %d wildcards (*), the most iamguard reads", MaxStars)
	case strings.Count(w.Plan, "*") > MaxStars:
		return w, at(wb.Plan.Range(), "plan: more than %d wildcards (*), the most iamguard reads", MaxStars)
	}
	if w.Reason, _, err = str(wb.Reason, "reason", true); err != nil {
		return w, err
	}
	if len(w.Reason) > MaxReason {
		return w, at(wb.Reason.Range(), "reason: longer than %d bytes, the most iamguard reads (it is repeated with every finding it waives)", MaxReason)
	}
	expires, ok, err := str(wb.Expires, "expires", false)
	if err != nil || !ok {
		return w, err
	}
	if w.Expires, err = time.Parse(dateLayout, expires); err != nil {
		return w, at(wb.Expires.Range(), "expires: %q is not a date such as 2027-01-31", expires)
	}
	if w.Expires.Year() < 1970 {
		// 0001-01-01 is Go's zero time, which stands for a waiver that
		// never expires: it would read as past and apply for ever.
		return w, at(wb.Expires.Range(), "expires: %q is before 1970; give the last day the waiver applies", expires)
	}
	return w, nil
}

// str decodes the string-valued attribute name. It reports whether the
// value was set (not null); a required value must be set and not blank.
// gohcl leaves checking presence to us for expression fields.
func str(expr hcl.Expression, name string, required bool) (string, bool, error) {
	if v, diags := expr.Value(nil); !diags.HasErrors() && v.IsNull() {
		if required {
			return "", false, at(expr.Range(), "missing required argument %q", name)
		}
		return "", false, nil
	}
	var s string
	if diags := gohcl.DecodeExpression(expr, nil, &s); diags.HasErrors() {
		return "", false, diagError(diags)
	}
	if required && strings.TrimSpace(s) == "" {
		return "", false, at(expr.Range(), "%s must not be empty", name)
	}
	return s, true, nil
}

// at is an error pointing at a place in the file.
func at(r hcl.Range, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", r.Filename, r.Start.Line, fmt.Sprintf(format, args...))
}

// literalsOnly refuses any expression but a literal: a string (quoted or
// heredoc, without interpolation or directives), a number (negative too),
// a boolean, or a list of them. A config file needs nothing more, and
// HCL's templates, for expressions and operators evaluate to unbounded
// work from a few bytes (a loop over 3,000 in a loop over 3,000).
func literalsOnly(body *hclsyntax.Body) error {
	var bad, huge hcl.Range
	hclsyntax.VisitAll(body, func(n hclsyntax.Node) hcl.Diagnostics {
		switch e := n.(type) {
		case hclsyntax.Expression:
			if bad.Filename != "" {
				return nil
			}
			switch e := e.(type) {
			case *hclsyntax.LiteralValueExpr:
				if outsideNumbers(e.Val) {
					huge = e.Range()
				}
			case *hclsyntax.TupleConsExpr:
			case *hclsyntax.TemplateExpr:
				for _, part := range e.Parts {
					if _, ok := part.(*hclsyntax.LiteralValueExpr); !ok {
						bad = e.Range() // an interpolation, even of a literal
					}
				}
			case *hclsyntax.UnaryOpExpr:
				// A negative number only: "!true" is an operator (round
				// 305: it switched a rule off).
				if _, ok := e.Val.(*hclsyntax.LiteralValueExpr); !ok || e.Op != hclsyntax.OpNegate {
					bad = e.Range()
				}
			default:
				bad = e.Range()
			}
		}
		return nil
	})
	if bad.Filename != "" {
		return at(bad, "only literal values (strings, numbers, booleans and lists of them) are allowed, not expressions, interpolations or template directives")
	}
	if huge.Filename != "" {
		return at(huge, "a number past 2^64 in size, or nearer to 0 than 2^-64, is no setting iamguard reads")
	}
	return nil
}

// outsideNumbers reports whether v is a number no setting can be: HCL reads
// 1e100000000 in a moment, but spelled out in full as a string it is 100
// million digits, which takes minutes and gigabytes.
func outsideNumbers(v cty.Value) bool {
	if v.Type() != cty.Number || !v.IsKnown() || v.IsNull() {
		return false
	}
	f := v.AsBigFloat()
	if f.Sign() == 0 || f.IsInf() {
		return f.IsInf()
	}
	exp := f.MantExp(nil) // |v| = m × 2^exp, 0.5 <= m < 1
	return exp > 64 || exp < -63
}

// diagError turns the first error diagnostic into a one-line error.
func diagError(diags hcl.Diagnostics) error {
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		msg := d.Summary
		if d.Detail != "" {
			msg += ": " + d.Detail
		}
		msg = strings.Join(strings.Fields(msg), " ")
		if d.Subject == nil {
			return errors.New(msg)
		}
		return at(*d.Subject, "%s", msg)
	}
	return errors.New(diags.Error())
}

// Covers reports whether the waiver is for this rule, and for this address
// in this plan (as the run names it): any plan when it names none.
//
// A plan named by its absolute path is matched by an absolute pattern
// only, one named from a parent directory ("../x") by a pattern that
// starts so, and others by other patterns: "*ci/*" waived prod's plan
// named under a checkout called infra-ci, by its absolute path (round
// 326) or through ".." (round 327).
func (w Waiver) Covers(ruleID, plan, address string) bool {
	return w.Rule == ruleID && (w.Plan == "" || pathRoot(w.Plan) == pathRoot(plan) && glob.Match(w.Plan, plan)) &&
		glob.Match(w.Address, address)
}

// pathRoot is where a path (cleaned) starts from: the root, a parent
// directory, or the working directory.
func pathRoot(p string) string {
	switch {
	case filepath.IsAbs(p):
		return "/"
	case p == ".." || strings.HasPrefix(p, "../") || strings.HasPrefix(p, ".."+string(filepath.Separator)):
		return ".."
	}
	return "."
}

// ExpiredAt reports whether the waiver no longer applies at now: it applies
// through its expiry day (UTC) and has expired after it.
func (w Waiver) ExpiredAt(now time.Time) bool {
	return !w.Expires.IsZero() && !now.Before(w.Expires.AddDate(0, 0, 1))
}

// ExpiresDate is the expiry day as written in the file, or "" for never.
func (w Waiver) ExpiresDate() string {
	if w.Expires.IsZero() {
		return ""
	}
	return w.Expires.Format(dateLayout)
}

// oneStar is a pattern with each run of stars made one: it matches the
// same addresses, one piece at a time instead of one star at a time.
func oneStar(pattern string) string {
	for strings.Contains(pattern, "**") {
		pattern = strings.ReplaceAll(pattern, "**", "*")
	}
	return pattern
}
