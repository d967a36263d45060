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
	groups := r.ByResource()
	weight := func(i int) int {
		n := len(groups[i].Address)
		for k := range groups[i].Findings {
			n += findingWeight(&groups[i].Findings[k])
		}
		return n
	}
	writeOrdered(bw, len(groups), weight, func(b []byte, i int) []byte {
		return appendTextResource(b, &groups[i], labels)
	})
	writeTextConfig(bw, r.Config)
	if len(r.Plans) > 0 {
		for _, line := range r.PlanVerdicts() {
			fmt.Fprintln(bw, quote.Line(line))
		}
		fmt.Fprint(bw, "total: ")
	}
	fmt.Fprintln(bw, r.Verdict())
	return bw.Flush()
}

// appendTextResource appends a resource's block: its address and action,
// then each finding with its waiver and fix, then a blank line.
func appendTextResource(b []byte, res *Resource, labels map[rules.Severity]string) []byte {
	b = append(append(append(append(b, quote.Line(res.Address)...), " ("...), res.Action...), ")\n"...)
	for i := range res.Findings {
		f := &res.Findings[i]
		b = append(append(append(append(b, "  "...), labels[f.Severity]...), ' '), f.Rule.ID...)
		b = append(append(append(append(append(b, ' '), f.Rule.Slug...), ": "...), quote.Line(f.Message)...), '\n')
		if w := f.Waiver; w != nil {
			if f.Waived {
				b = append(b, "           waived: "...)
			} else {
				b = append(append(append(b, "           waiver expired on "...), w.ExpiresDate()...), ": "...)
			}
			b = append(append(b, quote.Line(w.Reason)...), '\n')
		}
		if f.Severity != rules.Info {
			b = append(append(append(b, "           fix: "...), remediation(f)...), '\n')
		}
	}
	return append(b, '\n')
}

// writeTextConfig writes the configuration block, if any, before the verdict.
func writeTextConfig(w io.Writer, c *Config) {
	if c == nil {
		return
	}
	fmt.Fprintf(w, "%s:\n", c.heading())
	for _, l := range c.lines(nil) {
		fmt.Fprintf(w, "  %s\n", quote.Line(l))
	}
	fmt.Fprintln(w)
}
