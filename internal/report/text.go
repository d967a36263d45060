package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

var severityColor = map[string]string{
	"critical": "\x1b[1;35m", "high": "\x1b[1;31m", "medium": "\x1b[33m", "low": "\x1b[36m", "info": "\x1b[2m",
}

// WriteText writes findings grouped by resource and a one-line summary.
func WriteText(w io.Writer, r *Report, opt Options) error {
	bw := bufio.NewWriter(w)
	paint := func(sev string) string {
		label := fmt.Sprintf("%-8s", strings.ToUpper(sev))
		if opt.Color {
			return severityColor[sev] + label + "\x1b[0m"
		}
		return label
	}
	for _, res := range r.ByResource() {
		fmt.Fprintf(bw, "%s (%s)\n", oneLine(res.Address), res.Action)
		for _, f := range res.Findings {
			fmt.Fprintf(bw, "  %s %s %s: %s\n", paint(f.Severity), f.RuleID, f.Rule, oneLine(f.Message))
			if f.Waiver != nil {
				if f.Waived {
					fmt.Fprintf(bw, "           waived: %s\n", oneLine(f.Waiver.Reason))
				} else {
					fmt.Fprintf(bw, "           waiver expired on %s: %s\n", f.Waiver.Expires, oneLine(f.Waiver.Reason))
				}
			}
			if f.Severity != "info" {
				fmt.Fprintf(bw, "           fix: %s\n", f.Remediation)
			}
		}
		fmt.Fprintln(bw)
	}
	if len(r.Plans) > 0 {
		for _, line := range r.PlanVerdicts() {
			fmt.Fprintln(bw, oneLine(line))
		}
		fmt.Fprint(bw, "total: ")
	}
	fmt.Fprintln(bw, r.Verdict())
	return bw.Flush()
}

// oneLine keeps hostile names from breaking the layout or the terminal.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || (r >= 0x7f && r < 0xa0) {
			return ' '
		}
		return r
	}, s)
}
