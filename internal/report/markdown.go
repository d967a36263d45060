package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// WriteMarkdown writes a pull-request comment: a one-line verdict, the
// counts by severity, then each resource's findings in a collapsible
// section with the Terraform fix.
func WriteMarkdown(w io.Writer, r *Report, opt Options) error {
	bw := bufio.NewWriter(w)
	mark := "✅"
	if r.Fails(opt.FailOn) {
		mark = "❌"
	}
	fmt.Fprintf(bw, "%s **iamguard**: %s\n\n", mark, r.Verdict())
	writeMarkdownConfig(bw, r.Config)

	fmt.Fprint(bw, "| Severity | Findings |\n| --- | ---: |\n")
	for s := rules.Critical; s >= rules.Info; s-- {
		fmt.Fprintf(bw, "| %s | %d |\n", s, r.Summary.BySeverity[s.String()])
	}
	fmt.Fprintf(bw, "| waived | %d |\n", r.Summary.Waived)

	for _, res := range r.ByResource() {
		fmt.Fprintf(bw, "\n<details>\n<summary><code>%s</code> (%s): %s</summary>\n\n",
			mdText(res.Address), mdText(res.Action), mdText(resourceCounts(res.Findings)))
		for _, f := range res.Findings {
			fmt.Fprintf(bw, "- **%s** %s <code>%s</code>: %s\n",
				mdText(f.Severity.String()), mdText(f.RuleID), mdText(f.Rule), mdText(f.Message))
			switch {
			case f.Waived:
				fmt.Fprintf(bw, "  - Waived: %s\n", mdText(f.waiverReason()))
			case f.Waiver != nil:
				fmt.Fprintf(bw, "  - Waiver expired on %s: %s\n", mdText(f.Waiver.Expires), mdText(f.Waiver.Reason))
			}
			if !f.Waived && f.Severity != rules.Info && f.Remediation != "" {
				fmt.Fprintf(bw, "  - Fix: %s\n", mdText(f.Remediation))
			}
		}
		fmt.Fprint(bw, "\n</details>\n")
	}
	return bw.Flush()
}

// writeMarkdownConfig writes the configuration, if any, as a quote block
// under the verdict.
func writeMarkdownConfig(w io.Writer, c *Config) {
	if c == nil {
		return
	}
	mark := "ℹ️"
	if c.Weakens {
		mark = "⚠️"
	}
	fmt.Fprintf(w, "> %s **%s**\n", mark, c.heading())
	for _, l := range c.lines() {
		fmt.Fprintf(w, "> - %s\n", mdText(l))
	}
	fmt.Fprintln(w)
}

// resourceCounts summarises one resource's findings, e.g. "1 high, 1 waived".
func resourceCounts(fs []Finding) string {
	counts := map[rules.Severity]int{}
	waived := 0
	for _, f := range fs {
		if f.Waived {
			waived++
		} else {
			counts[f.Severity]++
		}
	}
	var parts []string
	for s := rules.Critical; s >= rules.Info; s-- {
		if n := counts[s]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, s))
		}
	}
	if waived > 0 {
		parts = append(parts, fmt.Sprintf("%d waived", waived))
	}
	return strings.Join(parts, ", ")
}

// mdText makes any string inert in GitHub markdown, in running text, in a
// table cell and inside HTML such as <summary>: characters that build HTML,
// code spans, emphasis, links or tables become numeric character references
// (which markdown shows as the plain character), and line breaks become
// spaces so a value cannot end a block or start a new one. An underscore
// inside a word (pgp_key) cannot start emphasis and stays as it is.
func mdText(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		switch {
		case r == '_' && i > 0 && i < len(rs)-1 && isWordRune(rs[i-1]) && isWordRune(rs[i+1]):
			b.WriteRune(r)
		case strings.ContainsRune("&<>`|*_~[]\\", r):
			fmt.Fprintf(&b, "&#%d;", r)
		case r < 0x20 || (r >= 0x7f && r < 0xa0) || r == '\u2028' || r == '\u2029':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isWordRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// mdProse escapes our own catalogue text for markdown: it keeps the prose
// readable as source, and only neutralises HTML and table pipes.
func mdProse(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "|", "\\|", "\n", " ").Replace(s)
}
