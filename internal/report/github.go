package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

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
	for _, f := range r.Findings {
		cmd, title := githubCommand(f.Severity), f.RuleID+" "+f.Rule
		msg := f.Address + ": " + f.Message
		switch {
		case f.Waived:
			cmd, title = "notice", title+" (waived)"
			msg = "waived: " + msg + "\nreason: " + f.waiverReason()
		case f.Waiver != nil:
			msg += fmt.Sprintf("\nwaiver expired on %s: %s", f.Waiver.Expires, f.Waiver.Reason)
		}
		if !f.Waived && f.Severity != rules.Info && f.Remediation != "" {
			msg += "\nfix: " + f.Remediation
		}
		props := "title=" + githubProperty(title)
		if file := f.artifactURI(opt); file != "" {
			props = "file=" + githubProperty(file) + "," + props
			if f.Line > 0 {
				props += fmt.Sprintf(",line=%d", f.Line)
			}
		}
		fmt.Fprintf(bw, "::%s %s::%s\n", cmd, props, githubData(msg))
	}
	for _, line := range r.PlanVerdicts() {
		fmt.Fprintln(bw, "iamguard:", quote.NoCommands(githubData(line)))
	}
	fmt.Fprintln(bw, "iamguard:", r.Verdict())
	return bw.Flush()
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
// Other control characters become spaces.
func githubData(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '%':
			b.WriteString("%25")
		case r == '\r':
			b.WriteString("%0D")
		case r == '\n':
			b.WriteString("%0A")
		case r < 0x20 || (r >= 0x7f && r < 0xa0):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// githubProperty escapes a property value, which also may not hold the
// ':' and ',' that separate properties.
func githubProperty(s string) string {
	return propertyEscaper.Replace(githubData(s))
}

var propertyEscaper = strings.NewReplacer(":", "%3A", ",", "%2C")
