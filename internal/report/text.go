package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/iamguard/terraform-provider-iamguard/internal/quote"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

var severityColor = map[rules.Severity]string{
	rules.Critical: "\x1b[1;35m", rules.High: "\x1b[1;31m", rules.Medium: "\x1b[33m", rules.Low: "\x1b[36m", rules.Info: "\x1b[2m",
}

// WriteText writes findings grouped by resource and a one-line summary.
func WriteText(w io.Writer, r *Report, opt Options) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	labels := map[rules.Severity]string{}
	for sev := rules.Info; sev <= rules.Critical; sev++ {
		labels[sev] = fmt.Sprintf("%-8s", strings.ToUpper(sev.String()))
		if opt.Color {
			labels[sev] = severityColor[sev] + labels[sev] + "\x1b[0m"
		}
	}
	paint := func(sev rules.Severity) string { return labels[sev] }
	for _, res := range r.ByResource() {
		fmt.Fprintf(bw, "%s (%s)\n", oneLine(res.Address), res.Action)
		for i := range res.Findings {
			f := &res.Findings[i]
			fmt.Fprintf(bw, "  %s %s %s: %s\n", paint(f.Severity), f.Rule.ID, f.Rule.Slug, oneLine(f.Message))
			if f.Waiver != nil {
				if f.Waived {
					fmt.Fprintf(bw, "           waived: %s\n", oneLine(f.Waiver.Reason))
				} else {
					fmt.Fprintf(bw, "           waiver expired on %s: %s\n", f.Waiver.ExpiresDate(), oneLine(f.Waiver.Reason))
				}
			}
			if f.Severity != rules.Info {
				fmt.Fprintf(bw, "           fix: %s\n", remediation(f))
			}
		}
		fmt.Fprintln(bw)
	}
	writeTextConfig(bw, r.Config)
	if len(r.Plans) > 0 {
		for _, line := range r.PlanVerdicts() {
			fmt.Fprintln(bw, oneLine(line))
		}
		fmt.Fprint(bw, "total: ")
	}
	fmt.Fprintln(bw, r.Verdict())
	return bw.Flush()
}

// oneLine keeps hostile names from breaking the layout or the terminal,
// or passing for CI log commands (quote.NoCommands).
func oneLine(s string) string {
	return quote.NoCommands(strings.Map(func(r rune) rune {
		if r < 0x20 || (r >= 0x7f && r < 0xa0) {
			return ' '
		}
		return r
	}, s))
}

// writeTextConfig writes the configuration block, if any, before the verdict.
func writeTextConfig(w io.Writer, c *Config) {
	if c == nil {
		return
	}
	fmt.Fprintf(w, "%s:\n", c.heading())
	for _, l := range c.lines() {
		fmt.Fprintf(w, "  %s\n", oneLine(l))
	}
	fmt.Fprintln(w)
}
