package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/iamguard/terraform-provider-iamguard/internal/quote"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// WriteGitHub writes one GitHub Actions workflow command per finding, so
// findings show as annotations on the run: ::error for critical and high,
// ::warning for medium and low, ::notice for info and waived findings. With
// the plan's file name they point at the resource's line in it. A
// configuration that differs from the defaults comes first, as a ::warning
// when it weakens the checks. A plain summary line follows.
func WriteGitHub(w io.Writer, r *Report, opt Options) error {
	bw := bufio.NewWriter(w)
	if c := r.Config; c != nil {
		cmd := "notice"
		if c.Weakens {
			cmd = "warning"
		}
		fmt.Fprintf(bw, "::%s title=iamguard configuration::%s\n", cmd, githubData(c.heading()+"\n"+strings.Join(c.lines(), "\n")))
	}
	writeOrdered(bw, len(r.Findings), r.weight, func(b []byte, i int) []byte {
		return appendGitHubCommand(b, &r.Findings[i], opt)
	})
	for i, line := range r.PlanVerdicts() {
		if r.Plans[i].Summary == nil { // the run fails on it: an error annotation
			fmt.Fprintf(bw, "::error title=iamguard plan not read::%s\n", githubData(line))
			continue
		}
		fmt.Fprintln(bw, "iamguard:", quote.NoCommands(githubData(line)))
	}
	fmt.Fprintln(bw, "iamguard:", r.Verdict())
	return bw.Flush()
}

// appendGitHubCommand appends a finding's workflow command and its line
// break. Its pieces are escaped one at a time: they meet at ASCII, so this
// is the escape of the whole.
func appendGitHubCommand(b []byte, f *Finding, opt Options) []byte {
	cmd := githubCommand(f.Severity)
	if f.Waived {
		cmd = "notice"
	}
	b = append(append(append(b, "::"...), cmd...), ' ')
	file := findingFile(f, opt)
	if file != "" {
		b = append(appendGitHubProperty(append(b, "file="...), file), ',')
	}
	b = appendGitHubProperty(append(b, "title="...), f.Rule.ID)
	b = appendGitHubProperty(append(b, ' '), f.Rule.Slug)
	if f.Waived {
		b = append(b, " (waived)"...)
	}
	if file != "" && f.Line > 0 {
		b = strconv.AppendInt(append(b, ",line="...), int64(f.Line), 10)
	}
	b = append(b, "::"...)
	if f.Waived {
		b = append(b, "waived: "...)
	}
	b = appendGitHubData(append(appendGitHubData(b, f.Address), ": "...), f.Message)
	switch {
	case f.Waived:
		b = appendGitHubData(append(b, "%0Areason: "...), waiverReason(f))
	case f.Waiver != nil:
		b = appendGitHubData(append(b, "%0Awaiver expired on "...), f.Waiver.ExpiresDate())
		b = appendGitHubData(append(b, ": "...), f.Waiver.Reason)
	}
	if !f.Waived && f.Severity != rules.Info && remediation(f) != "" {
		b = appendGitHubData(append(b, "%0Afix: "...), remediation(f))
	}
	return append(b, '\n')
}

func githubCommand(sev rules.Severity) string {
	switch {
	case sev >= rules.High:
		return "error"
	case sev >= rules.Low:
		return "warning"
	}
	return "notice"
}

// githubData escapes a workflow command's message as the runner expects
// (%, CR and LF), so no value can end the command or start another one.
// Other control characters become spaces, and bytes that are not UTF-8
// U+FFFD.
func githubData(s string) string { return string(appendGitHubData(nil, s)) }

// appendGitHubData appends s escaped as githubData says.
func appendGitHubData(b []byte, s string) []byte { return appendGitHubEscaped(b, s, false) }

// appendGitHubProperty appends a property value, escaped as data and also
// without the ':' and ',' that separate properties.
func appendGitHubProperty(b []byte, s string) []byte { return appendGitHubEscaped(b, s, true) }

func appendGitHubEscaped(b []byte, s string, property bool) []byte {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f && c != '%' && !(property && (c == ':' || c == ',')) {
			i++
			continue
		}
		b = append(b, s[start:i]...)
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '%':
			b = append(b, "%25"...)
		case r == '\r':
			b = append(b, "%0D"...)
		case r == '\n':
			b = append(b, "%0A"...)
		case r == ':':
			b = append(b, "%3A"...)
		case r == ',':
			b = append(b, "%2C"...)
		case quote.Breaks(r):
			b = append(b, ' ')
		case quote.IsFormat(r):
			b = append(b, quote.Escape(r)...)
		default:
			b = utf8.AppendRune(b, r) // U+FFFD for a byte that is not UTF-8
		}
		i += size
		start = i
	}
	return append(b, s[start:]...)
}
