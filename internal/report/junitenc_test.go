package report

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"strconv"
	"testing"

	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// encodeJUnitXML is WriteJUnit written with encoding/xml's Encoder, as it
// was before its elements were appended by hand: the bytes WriteJUnit must
// give.
func encodeJUnitXML(w io.Writer, r *Report, opt Options) error {
	c := countJUnit(r, opt.FailOn)
	total, suites, suiteRules, x := c.total, c.suites, c.rules, c.index
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString(xml.Header)
	enc := xml.NewEncoder(bw)
	enc.Indent("", "  ")
	start := junitStart("testsuites", junitSuite{Name: "iamguard", Tests: total.Tests, Failures: total.Failures, Skipped: total.Skipped})
	if err := enc.EncodeToken(start); err != nil {
		return err
	}
	if c := r.Config; c != nil {
		if err := enc.EncodeElement(junitConfigSuite(c), xml.StartElement{Name: xml.Name{Local: "testsuite"}}); err != nil {
			return err
		}
	}
	testcase := xml.StartElement{Name: xml.Name{Local: "testcase"}}
	for i, rule := range suiteRules {
		suite := junitStart("testsuite", suites[i])
		if err := enc.EncodeToken(suite); err != nil {
			return err
		}
		var cases []junitRef
		junitRuleSuite(x, rule, opt.FailOn, &cases)
		for _, ref := range cases {
			if err := enc.EncodeElement(junitTestcase(ref, junitClassname(rule), opt.FailOn), testcase); err != nil {
				return err
			}
		}
		if err := enc.EncodeToken(suite.End()); err != nil {
			return err
		}
	}
	if err := enc.EncodeToken(start.End()); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	bw.WriteString("\n")
	return bw.Flush()
}

// junitStart is the start tag of a testsuites or testsuite element, with
// the counts of s.
func junitStart(name string, s junitSuite) xml.StartElement {
	attr := func(name, value string) xml.Attr { return xml.Attr{Name: xml.Name{Local: name}, Value: value} }
	return xml.StartElement{Name: xml.Name{Local: name}, Attr: []xml.Attr{
		attr("name", s.Name),
		attr("tests", strconv.Itoa(s.Tests)),
		attr("failures", strconv.Itoa(s.Failures)),
		attr("errors", strconv.Itoa(s.Errors)),
		attr("skipped", strconv.Itoa(s.Skipped)),
	}}
}

// TestJUnitMatchesEncodingXML: WriteJUnit gives encoding/xml's bytes, for
// every fixture (hostile names and messages, waivers, a configuration)
// and every fail-on severity, but for what XML cannot hold, which
// encoding/xml writes as U+FFFD and WriteJUnit spells out (\u001b, \xff).
func TestJUnitMatchesEncodingXML(t *testing.T) {
	spelled := regexp.MustCompile(`\\(x[0-9a-f]{2}|u[0-9a-f]{4})`)
	builds := map[string]func() *Report{"hostile": hostileReport, "every escape": func() *Report {
		const odd = "\"'&<>\t\n\r\x1b\xff\uFFFD\uFFFE\uFFFF\u2028\U0001F600 é\x00"
		r := hostileReport()
		for i := range r.Findings {
			f := &r.Findings[i]
			f.Message += odd
			rule := *f.Rule // a copy: the catalogue's is shared
			rule.Remediation.Terraform += odd
			f.Rule = &rule
			f.Attribute += odd
			if f.Waiver != nil {
				f.Waiver.Reason += odd
			}
		}
		return r
	}}
	for name, build := range fixtures {
		builds[name] = build
	}
	for name, build := range builds {
		for _, failOn := range []rules.Severity{rules.Info, rules.Low, rules.High, rules.Critical} {
			opt := testOptions
			opt.FailOn = failOn
			var got, want bytes.Buffer
			if err := WriteJUnit(&got, build(), opt); err != nil {
				t.Fatal(err)
			}
			if err := encodeJUnitXML(&want, build(), opt); err != nil {
				t.Fatal(err)
			}
			fffd := []byte("\uFFFD") // on both sides: a name may hold "\x1b" as text
			if !bytes.Equal(spelled.ReplaceAll(got.Bytes(), fffd), spelled.ReplaceAll(want.Bytes(), fffd)) {
				t.Errorf("%s, fail on %s:\ngot:\n%s\nwant:\n%s", name, failOn, got.Bytes(), want.Bytes())
			}
		}
	}
}
