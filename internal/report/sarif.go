package report

import (
	"bufio"
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

const informationURI = "https://github.com/iamguard/terraform-provider-iamguard"

// securitySeverity is the score GitHub code scanning reads from a rule's
// "security-severity" property: above 9 is critical, 7 to 8.9 high, 4 to
// 6.9 medium, below 4 low.
var securitySeverity = map[rules.Severity]string{
	rules.Critical: "9.5", rules.High: "8.0", rules.Medium: "5.5", rules.Low: "3.0", rules.Info: "0.0",
}

// sarifLevel maps a severity to a SARIF result level.
func sarifLevel(sev rules.Severity) string {
	switch {
	case sev >= rules.High:
		return "error"
	case sev >= rules.Low:
		return "warning"
	}
	return "note"
}

// maxSARIFResults is the most results a run may hold for GitHub code
// scanning, which refuses the whole upload past it ("Analysis SARIF file
// rejected due to result limits").
const maxSARIFResults = 25000

// maxSARIFGzip is the most a SARIF file may weigh, gzip-compressed, for
// GitHub code scanning, which refuses the whole upload past it ("SARIF
// file is too large"). The log, results and all, is kept within
// sarifResultsBudget: another compressor than Go's may do a little worse.
const (
	maxSARIFGzip       = 10_000_000
	sarifResultsBudget = 9_000_000
)

// sarifRank orders findings for a run that cannot hold them all: the
// higher is kept first (unwaived first, then the more severe).
func sarifRank(f *Finding) int {
	if f.Waived {
		return int(f.Severity)
	}
	return int(rules.Critical) + 1 + int(f.Severity)
}

// sarifKept chooses the findings a SARIF run holds, in the report's order:
// all of them, or past maxSARIFResults the worst (see sarifRank, then in
// order). Nil means all.
func sarifKept(r *Report) []int {
	if len(r.Findings) <= maxSARIFResults {
		return nil
	}
	kept := make([]int, len(r.Findings))
	for i := range kept {
		kept[i] = i
	}
	slices.SortStableFunc(kept, func(a, b int) int { return sarifRank(&r.Findings[b]) - sarifRank(&r.Findings[a]) })
	kept = kept[:maxSARIFResults]
	slices.Sort(kept)
	return kept
}

// sarifSized gives the findings of kept (nil: all) that a run holds within
// budget, what the results may take of sarifResultsBudget beside the rest
// of the log, and whether any is left out for it. Results that come to
// budget or less, as written or once compressed, all fit; otherwise (long
// names or messages, which compress little: round 238's 171 findings of 57
// KB addresses made 11 MB) the worst whose results, as written, come to
// that much at most are kept, and none past the first that does not fit
// (see sarifRank).
func sarifSized(r *Report, kept []int, result func(b []byte, i int) []byte, budget int) ([]int, bool) {
	if kept == nil {
		kept = make([]int, len(r.Findings))
		for i := range kept {
			kept[i] = i
		}
	}
	sizes := make([]int, len(kept))
	total := 0
	var b []byte
	for j, i := range kept {
		b = result(b[:0], i)
		sizes[j] = len(b)
		total += len(b)
	}
	if total <= budget {
		return kept, false
	}
	var n countWriter
	zw, _ := flate.NewWriter(&n, flate.BestSpeed)
	for _, i := range kept {
		b = result(b[:0], i)
		zw.Write(b)
	}
	zw.Close()
	if int(n) <= budget {
		return kept, false
	}
	order := make([]int, len(kept)) // places in kept, the worst first
	for j := range order {
		order[j] = j
	}
	slices.SortStableFunc(order, func(a, b int) int { return sarifRank(&r.Findings[kept[b]]) - sarifRank(&r.Findings[kept[a]]) })
	sum, fit := 0, order[:0]
	for _, j := range order {
		if sum += sizes[j]; sum > budget {
			break
		}
		fit = append(fit, j)
	}
	out := make([]int, len(fit))
	for k, j := range fit {
		out[k] = kept[j]
	}
	slices.Sort(out)
	return out, true
}

// countWriter counts the bytes written to it.
type countWriter int

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}

// WriteSARIF writes a SARIF 2.1.0 log with one run: the whole catalogue as
// the driver's rules and one result per finding, up to the
// maxSARIFResults that code scanning takes (the worst; a warning of the
// run's invocation says how many are left out). Waived findings carry an
// accepted external suppression. The results are encoded one at a time
// straight to w (appendSARIFResult), as WriteJSON does the findings, so a
// report of many findings is never held as one log in memory; the bytes
// are those of go-sarif's PrettyWrite of the whole log.
func WriteSARIF(w io.Writer, r *Report, opt Options) error {
	driver := sarif.NewDriver(r.Tool.Name).WithInformationURI(informationURI)
	if r.Tool.Version != "" {
		driver.WithVersion(r.Tool.Version)
	}
	index := map[string]int{}
	for _, rule := range catalogue() {
		index[rule.ID] = len(driver.Rules)
		driver.AddRule(sarifRule(rule, rule.Severity))
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		if id := sarifRuleID(f); id != f.Rule.ID {
			if _, ok := index[id]; !ok {
				index[id] = len(driver.Rules)
				driver.AddRule(sarifRule(f.Rule, f.Severity))
			}
		}
	}
	uris := map[string]string{"": ""} // each plan file's URI
	for i := range r.Findings {
		if fi := findingFile(&r.Findings[i], opt); uris[fi] == "" && fi != "" {
			uris[fi] = artifactURI(fi)
		}
	}
	// Withheld findings of one rule on one attribute read alike: each after
	// the first is told apart by its place among them (round 311: two weak
	// CAs of a sensitive body were one alert).
	nth := map[int]int{}
	seenFP := map[string]int{}
	for i := range r.Findings {
		if f := &r.Findings[i]; f.Withheld() {
			fp := sarifFingerprint(f, findingFile(f, opt))
			if n := seenFP[fp]; n > 0 {
				nth[i] = n
			}
			seenFP[fp]++
		}
	}
	result := func(b []byte, i int) []byte {
		f := &r.Findings[i]
		file := findingFile(f, opt)
		id := sarifRuleID(f)
		ri, ok := index[id]
		if !ok {
			ri = -1
		}
		fp := sarifFingerprint(f, file)
		if n := nth[i]; n > 0 {
			fp = fingerprint(fp, strconv.Itoa(n))
		}
		return appendSARIFResult(b, f, id, ri, uris[file], fp)
	}
	// The log around the results: the catalogue, and the invocation,
	// which says how many findings the run holds.
	logDoc := func(kept int, tooLarge bool) ([]byte, error) {
		log, err := sarif.New(sarif.Version210)
		if err != nil {
			return nil, err
		}
		run := sarif.NewRun(*sarif.NewTool(driver))
		run.Results = []*sarif.Result{}
		if inv := sarifInvocation(r, kept, tooLarge); inv != nil {
			run.AddInvocations(inv)
		}
		log.AddRun(run)
		return json.MarshalIndent(log, "", "  ")
	}
	kept, n := sarifKept(r), len(r.Findings)
	if kept != nil {
		n = len(kept)
	}
	doc, err := logDoc(n, false)
	if err != nil {
		return err
	}
	kept, tooLarge := sarifSized(r, kept, result, sarifResultsBudget-len(doc))
	if tooLarge {
		if doc, err = logDoc(len(kept), true); err != nil {
			return err
		}
	}
	// The run's results go where its empty list is: the one place the
	// log has that key (a string holding it would have its quotes escaped).
	const empty = `"results": []`
	at := bytes.Index(doc, []byte(empty))
	if at < 0 || bytes.Count(doc, []byte(empty)) != 1 {
		return fmt.Errorf("SARIF: cannot place the results in the log")
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(doc[:at])
	bw.WriteString(`"results": [`)
	writeOrdered(bw, len(kept), func(i int) int { return r.weight(kept[i]) }, func(b []byte, i int) []byte {
		if i > 0 {
			b = append(b, ',')
		}
		return result(append(b, "\n        "...), kept[i])
	})
	if len(kept) > 0 {
		bw.WriteString("\n      ")
	}
	bw.WriteByte(']')
	bw.Write(doc[at+len(empty):])
	bw.WriteByte('\n')
	return bw.Flush()
}

// sarifInvocation reports a configuration that differs from the defaults
// as a tool configuration notification (a warning when it weakens the
// checks), with the configuration as data in its properties, each plan
// of the run that could not be read as an error notification of a run that
// did not succeed: uploaded, its results are not all the plans', and
// findings left out (the run holds kept of them; tooLarge: for GitHub's
// limit on size, else on results) as a warning. Nil when there is none of
// these.
func sarifInvocation(r *Report, kept int, tooLarge bool) *sarif.Invocation {
	c, unread := r.Config, r.Unread()
	if c == nil && unread == 0 && kept == len(r.Findings) {
		return nil
	}
	inv := sarif.NewInvocation().WithExecutionSuccess(unread == 0)
	if c != nil {
		level := "note"
		if c.Weakens {
			level = "warning"
		}
		inv.ToolConfigurationNotifications = []*sarif.Notification{
			sarif.NewNotification().WithLevel(level).WithTextMessage(c.summary()),
		}
		inv.Properties = sarif.Properties{"iamguard/config": c}
	}
	text, more := 0, 0 // the bytes of the plans named, and those not named
	for _, p := range r.Plans {
		if p.Summary == nil {
			msg := PlanName(p.Path) + ": not read: " + p.Error
			if text += len(msg); text > maxUnreadText {
				more++
				continue
			}
			inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications,
				sarif.NewNotification().WithLevel("error").WithTextMessage(msg))
		}
	}
	if more > 0 {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarif.NewNotification().WithLevel("error").WithTextMessage(
			fmt.Sprintf("%d more plans were not read; the JSON report (--format json) names them", more)))
	}
	if kept < len(r.Findings) {
		limit := fmt.Sprintf("at most %d results a run", maxSARIFResults)
		if tooLarge {
			limit = fmt.Sprintf("a SARIF file of at most %d MB compressed, and these findings' names and messages make it larger", maxSARIFGzip/1_000_000)
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications,
			sarif.NewNotification().WithLevel("warning").WithTextMessage(fmt.Sprintf(
				"%d of %d findings are left out, the least severe: GitHub code scanning takes %s. "+
					"The JSON report (--format json) has all of them.", len(r.Findings)-kept, len(r.Findings), limit)))
	}
	return inv
}

// maxUnreadText bounds the text of the notifications that name the plans
// not read: past it, one says how many more there are, so that they leave
// the results room within maxSARIFGzip (round 240: 2,000 plans of 4 KB
// paths took 6 MB of it, compressed).
const maxUnreadText = 1 << 20

// sarifRuleID is the rule a finding's result names: its rule's ID, or for
// a finding of another severity than the rule's own (IG101 at info for a
// length known only after apply, IG702 high for a trail outside us-east-1)
// that ID with the severity, IG101/info: a rule of its own in the log.
// GitHub code scanning takes an alert's severity from its rule's
// security-severity alone, not from the result.
func sarifRuleID(f *Finding) string { return sarifRuleIDAt(f.Rule, f.Severity) }

// sarifRuleIDAt is the ID of rule's entry for findings of severity sev.
func sarifRuleIDAt(rule *rules.Rule, sev rules.Severity) string {
	if sev == rule.Severity {
		return rule.ID
	}
	return rule.ID + "/" + sev.String()
}

// sarifRule describes a rule whose findings have severity sev: the rule's
// own, or another (see sarifRuleID).
func sarifRule(rule *rules.Rule, sev rules.Severity) *sarif.ReportingDescriptor {
	fix := rule.Remediation
	text := fmt.Sprintf("%s\n\n%s\n\nRemediation\nConsole: %s\nCLI: %s\nTerraform: %s\n",
		rule.Summary, rule.Rationale, fix.Console, fix.CLI, fix.Terraform)
	md := fmt.Sprintf("%s\n\n%s\n\n**Remediation**\n\n- Console: %s\n- CLI: %s\n- Terraform: %s\n",
		mdProse(rule.Summary), mdProse(rule.Rationale), mdProse(fix.Console), mdProse(fix.CLI), mdProse(fix.Terraform))
	if len(rule.References) > 0 {
		text += "\nReferences: " + strings.Join(rule.References, "; ") + "\n"
		md += "\n**References:** " + mdProse(strings.Join(rule.References, "; ")) + "\n"
	}
	tags := []string{"security", "iam"}
	if rule.Event != "" {
		tags = append(tags, rule.Event)
	}
	return sarif.NewRule(sarifRuleIDAt(rule, sev)).
		WithName(rule.Slug).
		WithShortDescription(sarif.NewMultiformatMessageString(rule.Summary)).
		WithFullDescription(sarif.NewMultiformatMessageString(rule.Rationale)).
		WithHelp(sarif.NewMultiformatMessageString(text).WithMarkdown(md)).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(sev))).
		WithProperties(sarif.Properties{
			"security-severity": securitySeverity[sev],
			"severity":          sev.String(),
			"tags":              tags,
		})
}

// artifactURI turns a file path into a relative URI reference, or an
// absolute one into a file URI.
func artifactURI(path string) string {
	path = filepath.ToSlash(path)
	if absolute(path) {
		return (&url.URL{Scheme: "file", Path: "/" + strings.TrimPrefix(path, "/")}).String()
	}
	return (&url.URL{Path: path}).String()
}

// absolute reports whether a path with forward slashes is absolute:
// /plans/p.json, and on Windows C:/plans/p.json (elsewhere a directory
// named C:).
func absolute(path string) bool {
	return strings.HasPrefix(path, "/") || runtime.GOOS == "windows" &&
		len(path) >= 3 && path[1] == ':' && path[2] == '/' && ('a' <= path[0]|0x20 && path[0]|0x20 <= 'z')
}

// sarifFingerprint identifies a finding across runs, for code scanning to
// keep one alert per finding: by its plan (file: as the repository names
// it, however the run named the plan; else the plan's path as given), its
// rule, its address in the plan, its attribute, and what it says, counts
// of days left out (they change with each day's run), so that two checks
// of one rule on one attribute (an expiring certificate, a weak key, two
// weak intermediates) are two alerts, and neither hides the other once
// dismissed.
func sarifFingerprint(f *Finding, file string) string {
	address := f.Address
	if f.In != nil {
		address = strings.TrimPrefix(address, PlanName(f.In.Path)+AddressSeparator)
		if file == "" {
			file = filepath.ToSlash(filepath.Clean(f.In.Path))
		}
	}
	if f.Action == "forget" {
		// The old object a replacement forgets has the replacement's
		// address: its alerts are its own (round 152).
		return fingerprint(file, f.Rule.ID, address, f.Attribute, withoutDayCounts(f.Message), f.Action)
	}
	return fingerprint(file, f.Rule.ID, address, f.Attribute, withoutDayCounts(f.Message))
}

// withoutDayCounts writes each count of days in a message ("in 12 days",
// "400 days old", "1 day", "less than a day") as "# days" (round 311: a
// certificate's last days gave "# day" and "less than a day", each a new
// alert).
func withoutDayCounts(s string) string {
	s = strings.ReplaceAll(s, "less than a day", "0 days")
	i := strings.Index(s, " day")
	if i < 0 {
		return s
	}
	var b strings.Builder
	for i >= 0 {
		j := i // the count's digits end at i; they start at j
		for j > 0 && s[j-1] >= '0' && s[j-1] <= '9' {
			j--
		}
		counted := j < i && (j == 0 || !isWordByte(s[j-1]))
		if counted {
			b.WriteString(s[:j])
			b.WriteByte('#')
		} else {
			b.WriteString(s[:i])
		}
		b.WriteString(" day")
		s = s[i+len(" day"):]
		if counted && !strings.HasPrefix(s, "s") {
			b.WriteByte('s') // "1 day" as "# days"
		}
		i = strings.Index(s, " day")
	}
	b.WriteString(s)
	return b.String()
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func fingerprint(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}
