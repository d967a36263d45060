package report

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/iamguard/terraform-provider-iamguard/internal/quote"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// JUnit XML as Jenkins, GitLab and most CI systems read it: a testsuites
// element with the totals (written by WriteJUnit), holding testsuites.
type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Error     *junitFailure `xml:"error,omitempty"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// WriteJUnit writes one testsuite per rule and one testcase per judged
// resource the rule applies to. A finding fails its testcase; a testcase
// whose findings are all waived is skipped with the waiver's reason. Like
// the exit code, only findings at or above opt.FailOn fail; lesser ones
// leave the testcase passing, with the finding in its system-out.
// Rules with no resource to judge, and disabled rules, are left out. A
// configuration that differs from the defaults comes first (junitConfigSuite).
//
// The totals come first in the document, so the suites are counted in one
// pass and written in a second, one at a time: a report of many findings
// is never held as one document in memory.
func WriteJUnit(w io.Writer, r *Report, opt Options) error {
	c := countJUnit(r, opt.FailOn)
	total, suites, suiteRules, x := c.total, c.suites, c.rules, c.index
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString(xml.Header)
	unread := junitUnreadSuite(r)
	buf := appendJUnitStart(nil, 0, "testsuites", junitSuite{Name: "iamguard", Tests: total.Tests + unread.Tests,
		Failures: total.Failures, Errors: unread.Errors, Skipped: total.Skipped})
	for _, s := range []junitSuite{unread, junitConfigSuite(r.Config)} {
		if s.Tests == 0 {
			continue
		}
		buf = appendJUnitStart(buf, 2, "testsuite", s)
		for i := range s.Cases {
			buf = appendJUnitCase(buf, &s.Cases[i])
		}
		buf = append(buf, "\n  </testsuite>"...)
	}
	bw.Write(buf)
	// Each suite's testcases are made as they are written.
	for i, rule := range suiteRules {
		bw.Write(appendJUnitStart(buf[:0], 2, "testsuite", suites[i]))
		cases := make([]junitRef, 0, suites[i].Tests)
		junitRuleSuite(x, rule, opt.FailOn, &cases)
		classname := junitClassname(rule)
		weight := func(k int) int {
			n := len(cases[k].addr)
			for _, f := range cases[k].fs {
				n += findingWeight(f)
			}
			return n
		}
		if err := writeOrdered(bw, len(cases), weight, func(b []byte, k int) []byte {
			c := junitTestcase(cases[k], classname, opt.FailOn)
			return appendJUnitCase(b, &c)
		}); err != nil {
			return err
		}
		bw.WriteString("\n  </testsuite>")
	}
	bw.WriteString("\n</testsuites>\n")
	return bw.Flush()
}

// junitCounts is the first pass of WriteJUnit: the suites that have
// testcases, with their counts, and the totals of the document.
type junitCounts struct {
	total  junitSuite
	suites []junitSuite
	rules  []*rules.Rule // each suite's rule
	index  junitIndex
}

func countJUnit(r *Report, failOn rules.Severity) junitCounts {
	c := junitCounts{index: newJUnitIndex(r)}
	for _, rule := range catalogue() {
		if r.Disabled[rule.ID] {
			continue
		}
		s := junitRuleSuite(c.index, rule, failOn, nil)
		if s.Tests == 0 {
			continue
		}
		c.suites, c.rules = append(c.suites, s), append(c.rules, rule)
		c.total.Tests += s.Tests
		c.total.Failures += s.Failures
		c.total.Skipped += s.Skipped
	}
	if r.Config != nil {
		c.total.Tests++
		c.total.Skipped++
	}
	return c
}

// The elements below are appended as encoding/xml's Encoder, indenting by
// two spaces, writes them, byte for byte, without reflection: a report can
// hold hundreds of thousands of testcases. TestJUnitMatchesEncodingXML
// holds the two together.

// appendJUnitStart appends the start tag of a testsuites or testsuite
// element, with the counts of s, on a line of its own indented by depth
// spaces (none for the document's first).
func appendJUnitStart(b []byte, depth int, name string, s junitSuite) []byte {
	if depth > 0 {
		b = append(append(b, '\n'), "  "[:depth]...)
	}
	b = append(append(append(b, '<'), name...), ` name="`...)
	b = appendXMLEscaped(b, s.Name)
	for _, a := range []struct {
		name string
		n    int
	}{{"tests", s.Tests}, {"failures", s.Failures}, {"errors", s.Errors}, {"skipped", s.Skipped}} {
		b = append(append(append(b, `" `...), a.name...), `="`...)
		b = strconv.AppendInt(b, int64(a.n), 10)
	}
	return append(b, `">`...)
}

// appendJUnitCase appends a testcase element inside a testsuite.
func appendJUnitCase(b []byte, c *junitCase) []byte {
	b = append(b, "\n    <testcase name=\""...)
	b = appendXMLEscaped(b, c.Name)
	b = append(b, `" classname="`...)
	b = appendXMLEscaped(b, c.Classname)
	b = append(b, `">`...)
	children := false
	if e := c.Error; e != nil {
		b = append(b, "\n      <error message=\""...)
		b = appendXMLEscaped(b, e.Message)
		b = append(b, `" type="`...)
		b = appendXMLEscaped(b, e.Type)
		b = append(b, `"></error>`...)
		children = true
	}
	if f := c.Failure; f != nil {
		b = append(b, "\n      <failure message=\""...)
		b = appendXMLEscaped(b, f.Message)
		b = append(b, `" type="`...)
		b = appendXMLEscaped(b, f.Type)
		b = append(b, `">`...)
		b = append(appendXMLEscaped(b, f.Text), "</failure>"...)
		children = true
	}
	if s := c.Skipped; s != nil {
		b = append(b, "\n      <skipped message=\""...)
		b = append(appendXMLEscaped(b, s.Message), `"></skipped>`...)
		children = true
	}
	if c.SystemOut != "" {
		b = append(b, "\n      <system-out>"...)
		b = append(appendXMLEscaped(b, c.SystemOut), "</system-out>"...)
		children = true
	}
	if children {
		b = append(b, "\n    "...)
	}
	return append(b, "</testcase>"...)
}

// appendXMLEscaped appends s escaped as encoding/xml escapes attribute
// values and character data: the five markup characters, tab, newline and
// carriage return as references. What XML cannot hold (a control
// character, U+FFFE, a byte that is not UTF-8) is spelled as Go spells it
// (\u0001, \ufffe, \xfe), where encoding/xml writes U+FFFD: two names
// must not read as one (round 283: two testcases of one name, one failing
// and one passing).
func appendXMLEscaped(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf && c != '"' && c != '\'' && c != '&' && c != '<' && c != '>' {
			i++
			continue
		}
		r, width := utf8.DecodeRuneInString(s[i:])
		var esc string
		switch r {
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\n':
			esc = "&#xA;"
		case '\r':
			esc = "&#xD;"
		default:
			switch {
			case r == utf8.RuneError && width == 1:
				esc = fmt.Sprintf(`\x%02x`, c)
			case xmlChar(r):
				i += width
				continue
			default:
				esc = quote.Escape(r)
			}
		}
		b = append(append(b, s[start:i]...), esc...)
		i += width
		start = i
	}
	return append(b, s[start:]...)
}

// xmlChar reports whether XML 1.0 can hold r.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// junitConfigSuite shows a configuration that differs from the defaults as
// a skipped testcase, which CI systems list with its message, without
// changing the outcome.
func junitConfigSuite(c *Config) junitSuite {
	if c == nil {
		return junitSuite{}
	}
	return junitSuite{Name: "iamguard configuration", Tests: 1, Skipped: 1, Cases: []junitCase{{
		Name: "configuration", Classname: "iamguard.configuration",
		Skipped:   &junitSkipped{Message: c.summary()},
		SystemOut: c.heading() + ":\n" + strings.Join(c.lines(nil), "\n") + "\n",
	}}}
}

// junitUnreadSuite has a testcase in error for each plan of the run that
// could not be read (the run fails on it); no testcases when there is none.
func junitUnreadSuite(r *Report) junitSuite {
	s := junitSuite{Name: "iamguard plans not read"}
	for _, p := range r.Plans {
		if p.Summary == nil {
			s.Tests++
			s.Errors++
			s.Cases = append(s.Cases, junitCase{Name: PlanName(p.Path), Classname: "iamguard.plan",
				Error: &junitFailure{Message: "not read: " + p.Error, Type: "plan"}})
		}
	}
	return s
}

// junitIndex has a report's judged addresses by resource type and its
// findings by rule, each in address order, so that each rule's suite is
// made by merging two sorted lists.
type junitIndex struct {
	byType map[string][]string
	byRule map[string][]*Finding
}

func newJUnitIndex(r *Report) junitIndex {
	x := junitIndex{byType: map[string][]string{}, byRule: map[string][]*Finding{}}
	for _, j := range r.Judged {
		x.byType[j.Type] = append(x.byType[j.Type], j.Address)
	}
	for _, addrs := range x.byType {
		slices.Sort(addrs) // Lint gives them sorted: then this only checks
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		x.byRule[f.Rule.ID] = append(x.byRule[f.Rule.ID], f)
	}
	for _, fs := range x.byRule {
		slices.SortStableFunc(fs, func(a, b *Finding) int { return strings.Compare(a.Address, b.Address) })
	}
	return x
}

// junitRef is a testcase of a rule's suite before it is made: the
// resource's address and its findings of the rule.
type junitRef struct {
	addr string
	fs   []*Finding
}

// junitRuleSuite counts a rule's testsuite and, unless cases is nil,
// appends its testcases to it (made in full by junitTestcase): every
// judged resource of a type the rule covers, plus any resource with a
// finding of the rule (in case the two lists disagree), in address order.
func junitRuleSuite(x junitIndex, rule *rules.Rule, failOn rules.Severity, cases *[]junitRef) junitSuite {
	var addrs []string
	switch len(rule.ResourceTypes) {
	case 0:
	case 1:
		addrs = x.byType[rule.ResourceTypes[0]]
	default:
		for _, t := range rule.ResourceTypes {
			addrs = append(addrs, x.byType[t]...)
		}
		slices.Sort(addrs)
	}
	fs := x.byRule[rule.ID]
	s := junitSuite{Name: rule.ID + " " + rule.Slug}
	for i, k := 0, 0; i < len(addrs) || k < len(fs); {
		addr := ""
		if k == len(fs) || i < len(addrs) && addrs[i] <= fs[k].Address {
			addr = addrs[i]
		} else {
			addr = fs[k].Address
		}
		for i < len(addrs) && addrs[i] == addr {
			i++
		}
		from := k
		for k < len(fs) && fs[k].Address == addr {
			k++
		}
		s.Tests++
		switch failed, skipped := junitResult(fs[from:k], failOn); {
		case failed:
			s.Failures++
		case skipped:
			s.Skipped++
		}
		if cases != nil {
			*cases = append(*cases, junitRef{addr, fs[from:k:k]})
		}
	}
	return s
}

// junitClassname is the classname of a rule's testcases.
func junitClassname(rule *rules.Rule) string { return rule.ID + "." + rule.Slug }

// junitTestcase makes a testcase of a rule's suite in full.
func junitTestcase(ref junitRef, classname string, failOn rules.Severity) junitCase {
	c := junitCase{Name: ref.addr, Classname: classname}
	junitOutcome(&c, ref.fs, failOn)
	return c
}

// junitResult tells a testcase's result from its findings: failed if any
// unwaived finding is at or above failOn, else skipped if all are waived,
// else a pass.
func junitResult(fs []*Finding, failOn rules.Severity) (failed, skipped bool) {
	waived := 0
	for _, f := range fs {
		switch {
		case f.Waived:
			waived++
		case f.Severity >= failOn:
			return true, false
		}
	}
	return false, len(fs) > 0 && waived == len(fs)
}

// junitOutcome sets a testcase's result from its findings (junitResult):
// the failure or system-out text lists them all, with detail.
func junitOutcome(c *junitCase, fs []*Finding, failOn rules.Severity) {
	failed, skipped := junitResult(fs, failOn)
	if len(fs) == 0 {
		return
	}
	if skipped {
		c.Skipped = &junitSkipped{Message: "waived: " + quote.Line(waiverReason(fs[0]))}
		return
	}
	worst, failing := rules.Info, []string{}
	var text strings.Builder
	for _, f := range fs {
		if !f.Waived && f.Severity >= failOn {
			failing = append(failing, f.Message)
			worst = max(worst, f.Severity)
		}
		fmt.Fprintf(&text, "%s %s %s: %s\n", strings.ToUpper(f.Severity.String()), f.Rule.ID, f.Rule.Slug, f.Message)
		if f.Attribute != "" {
			fmt.Fprintf(&text, "attribute: %s\n", f.Attribute)
		}
		switch {
		case f.Waived:
			fmt.Fprintf(&text, "waived: %s\n", quote.Line(waiverReason(f)))
		case f.Waiver != nil:
			fmt.Fprintf(&text, "waiver expired on %s: %s\n", f.Waiver.ExpiresDate(), quote.Line(f.Waiver.Reason))
		}
		if remediation(f) != "" {
			fmt.Fprintf(&text, "fix: %s\n", remediation(f))
		}
	}
	if failed {
		c.Failure = &junitFailure{Type: worst.String(), Message: strings.Join(failing, "; "), Text: text.String()}
		return
	}
	c.SystemOut = text.String()
}
