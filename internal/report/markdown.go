package report

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/iamguard/terraform-provider-iamguard/internal/quote"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// MarkdownLimit is the size GitHub accepts for a comment or a job summary:
// 65,536 characters. The writer counts bytes, which are never fewer than
// GitHub's characters (UTF-16 code units), so a report within it fits.
const MarkdownLimit = 65536

// markdownLimit is MarkdownLimit; tests lower it.
var markdownLimit = MarkdownLimit

// planWorst is the worst severity of a plan's findings, waived ones left
// out, as rank ranks them; below Info for none, or a plan not read.
func planWorst(s *Summary) rules.Severity {
	if s != nil {
		for sev := rules.Critical; sev >= rules.Info; sev-- {
			if s.BySeverity[sev.String()] > 0 {
				return sev
			}
		}
	}
	return rules.Info - 1
}

// WriteMarkdown writes a pull-request comment: a one-line verdict, the
// counts by severity (and by plan, for several plans), then each
// resource's findings in a collapsible section with the Terraform fix, the
// worst resources and findings first. A report longer than markdownLimit
// keeps whole findings, worst first across all resources, while they fit,
// and ends with a note of how many findings were left out.
func WriteMarkdown(w io.Writer, r *Report, opt Options) error {
	var head strings.Builder
	mark := "✅"
	if r.Fails(opt.FailOn) || r.Unread() > 0 {
		mark = "❌"
	}
	fmt.Fprintf(&head, "%s **iamguard**: %s\n\n", mark, r.Verdict())
	writeMarkdownConfig(&head, r.Config)

	fmt.Fprint(&head, "| Severity | Findings |\n| --- | ---: |\n")
	for s := rules.Critical; s >= rules.Info; s-- {
		fmt.Fprintf(&head, "| %s | %d |\n", s, r.Summary.BySeverity[s.String()])
	}
	fmt.Fprintf(&head, "| waived | %d |\n", r.Summary.Waived)
	if len(r.Plans) > 0 {
		fmt.Fprint(&head, "\n| Plan | Resources | Findings | Waived |\n| --- | ---: | ---: | ---: |\n")
		// Plans not read come first: the run fails on them; then the
		// plans of the worst findings, which a table cut short would
		// otherwise leave out behind clean ones (round 339).
		plans := slices.Clone(r.Plans)
		slices.SortStableFunc(plans, func(a, b PlanSummary) int {
			return cmp.Or(cmp.Compare(boolInt(a.Summary != nil), boolInt(b.Summary != nil)), cmp.Compare(planWorst(b.Summary), planWorst(a.Summary)))
		})
		for i, p := range plans {
			if i == markdownHeadLines {
				fmt.Fprintf(&head, "| and %d more plans | | | |\n", len(plans)-i)
				break
			}
			if p.Summary == nil {
				fmt.Fprintf(&head, "| <code>%s</code> | not read: %s | | |\n", mdClip(PlanName(p.Path)), mdClip(p.Error))
				continue
			}
			fmt.Fprintf(&head, "| <code>%s</code> | %d | %d | %d |\n", mdClip(PlanName(p.Path)), p.Summary.Resources, p.Summary.Findings, p.Summary.Waived)
		}
	}

	// Each resource is an opening, one item per finding and a closing: the
	// worst resources first, and in each the worst findings first, so that
	// neither many lesser findings nor long addresses (cut short here; the
	// JSON and SARIF reports have them whole) push them out of a report cut
	// to fit.
	resources := r.ByResource()
	slices.SortStableFunc(resources, func(a, b Resource) int { return cmp.Compare(worstOf(b.Findings), worstOf(a.Findings)) })
	open := func(res *Resource) string {
		return fmt.Sprintf("\n<details>\n<summary><code>%s</code> (%s): %s</summary>\n\n",
			mdClip(res.Address), mdText(res.Action), mdText(resourceCounts(res.Findings)))
	}
	const closing = "\n</details>\n"
	size := head.Len()
	for i := 0; i < len(resources) && size <= markdownLimit; i++ {
		size += len(open(&resources[i])) + len(closing)
		for j := range resources[i].Findings {
			size += len(markdownFinding(&resources[i].Findings[j]))
		}
	}

	bw := bufio.NewWriter(w)
	bw.WriteString(head.String())
	if size <= markdownLimit {
		for i := range resources {
			bw.WriteString(open(&resources[i]))
			for _, f := range byRank(resources[i].Findings) {
				bw.WriteString(markdownFinding(&f))
			}
			bw.WriteString(closing)
		}
		return bw.Flush()
	}

	// Too long: keep whole findings, worst first across all resources,
	// while they, their section and the note (sized for the largest count)
	// still fit; then write the sections that keep any.
	total := len(r.Findings)
	room := markdownLimit - head.Len() - len(truncationNote(total, total))
	kept := make([][]string, len(resources)) // the items kept, by resource
	n := 0
fill:
	for worst := rules.Critical; worst >= rules.Info-1; worst-- {
		for i := range resources {
			for j := range resources[i].Findings {
				f := &resources[i].Findings[j]
				if rank(*f) != worst {
					continue
				}
				item := markdownFinding(f)
				need := len(item)
				if kept[i] == nil {
					need += len(open(&resources[i])) + len(closing)
				}
				if need > room {
					break fill
				}
				room -= need
				kept[i] = append(kept[i], item)
				n++
			}
		}
	}
	for i := range resources {
		if kept[i] == nil {
			continue
		}
		bw.WriteString(open(&resources[i]))
		for _, item := range kept[i] {
			bw.WriteString(item)
		}
		bw.WriteString(closing)
	}
	bw.WriteString(truncationNote(total-n, total))
	return bw.Flush()
}

// byRank orders a resource's findings worst first (see rank), in a copy.
func byRank(fs []Finding) []Finding {
	fs = slices.Clone(fs)
	slices.SortStableFunc(fs, func(a, b Finding) int { return cmp.Compare(rank(b), rank(a)) })
	return fs
}

// rank orders findings worst first: by severity, waived ones below info.
func rank(f Finding) rules.Severity {
	if f.Waived {
		return rules.Info - 1
	}
	return f.Severity
}

// worstOf is the highest rank of findings (see rank).
func worstOf(fs []Finding) rules.Severity {
	worst := rules.Info - 1
	for _, f := range fs {
		worst = max(worst, rank(f))
	}
	return worst
}

// markdownFinding is one finding's list item, with its waiver and fix.
func markdownFinding(f *Finding) string {
	var b strings.Builder
	fmt.Fprintf(&b, "- **%s** %s <code>%s</code>: %s\n",
		mdText(f.Severity.String()), mdText(f.Rule.ID), mdText(f.Rule.Slug), mdText(f.Message))
	switch {
	case f.Waived:
		fmt.Fprintf(&b, "  - Waived: %s\n", mdText(waiverReason(f)))
	case f.Waiver != nil:
		fmt.Fprintf(&b, "  - Waiver expired on %s: %s\n", mdText(f.Waiver.ExpiresDate()), mdText(f.Waiver.Reason))
	}
	if !f.Waived && f.Severity != rules.Info && remediation(f) != "" {
		fmt.Fprintf(&b, "  - Fix: %s\n", mdText(remediation(f)))
	}
	return b.String()
}

// truncationNote ends a markdown report cut to fit GitHub's limit.
func truncationNote(left, total int) string {
	return fmt.Sprintf("\n> [!WARNING]\n> This report is cut to fit GitHub's limit of %d characters: "+
		"%d of %d findings are left out. The JSON report (`--format json`) has all of them, and the SARIF report "+
		"(`--format sarif`, also shown under code scanning) up to the 25,000 worst.\n",
		markdownLimit, left, total)
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
	// Each value escaped and cut on its own: the rest of its line (a
	// waiver's expiry, how many findings it waives) stays in view. The
	// rest is ours, and inert in markdown.
	lines := c.lines(func(s string) string { return mdClipTo(s, markdownConfigValueBytes) })
	for i, l := range lines {
		if i == markdownHeadLines {
			fmt.Fprintf(w, "> - %s\n", c.leftOut(i))
			break
		}
		fmt.Fprintf(w, "> - %s\n", l)
	}
	fmt.Fprintln(w)
}

// The head of a markdown report (the configuration, the plans) stays well
// within markdownLimit: at most markdownHeadLines lines of each, each value
// cut to markdownValueBytes bytes as written, escapes included (see mdClip).
const (
	markdownHeadLines        = 40
	markdownValueBytes       = 300
	markdownConfigValueBytes = 120 // a waiver's line holds three
)

// mdClip is mdText cut to markdownValueBytes bytes, "…" included: cut
// before it is escaped, a value of "|" would grow five times over.
func mdClip(s string) string { return mdClipTo(s, markdownValueBytes) }

// mdClipTo is mdText cut to n bytes, "…" included, in the middle as
// quote.Middle cuts: half the bytes from each end, so that an address's end
// names the resource (rounds 283 and 291: two keys of one long module
// instance read alike, their names cut off).
func mdClipTo(s string, n int) string {
	if t := mdText(s); len(t) <= n {
		return t
	}
	rs := []rune(s)
	room := n - len("…")
	// The most runes of each end whose escapes fit: the head in half the
	// room, the tail in what the head leaves.
	h := sort.Search(len(rs)+1, func(k int) bool { return len(mdText(string(rs[:k]))) > room/2 }) - 1
	head := mdText(string(rs[:h]))
	t := sort.Search(len(rs)-h+1, func(k int) bool { return len(mdText(string(rs[len(rs)-k:]))) > room-len(head) }) - 1
	return head + "…" + mdText(string(rs[len(rs)-t:]))
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
// code spans, emphasis, links, tables or math ($x$) become numeric character references
// (which markdown shows as the plain character), and line breaks become
// spaces so a value cannot end a block or start a new one. An underscore
// inside a word (pgp_key) cannot start emphasis and stays as it is. What
// GitHub links in text (an @mention, which notifies, a #1 or GH-1
// reference, a URL or www. address) gets a zero-width space after its @,
// #, "GH-", ":" or "w", as bots such as Renovate write them.
func mdText(s string) string {
	const zwsp = "&#8203;"
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		next := func(t string) bool { return strings.EqualFold(string(rs[i+1:min(len(rs), i+1+len(t))]), t) }
		switch {
		case r == '@':
			b.WriteString("@" + zwsp)
		case r == '#' && i+1 < len(rs) && unicode.IsDigit(rs[i+1]):
			b.WriteString("#" + zwsp)
		case r == ':' && next("//"), (r == 'w' || r == 'W') && next("ww."),
			r == '-' && i >= 2 && strings.EqualFold(string(rs[i-2:i]), "gh") && i+1 < len(rs) && unicode.IsDigit(rs[i+1]):
			b.WriteRune(r)
			b.WriteString(zwsp)
		case r == '_' && i > 0 && i < len(rs)-1 && isWordRune(rs[i-1]) && isWordRune(rs[i+1]):
			b.WriteRune(r)
		case strings.ContainsRune("&<>`|*_~[]\\$", r):
			fmt.Fprintf(&b, "&#%d;", r)
		case quote.Breaks(r):
			b.WriteByte(' ')
		case quote.IsFormat(r):
			b.WriteString("&#92;" + quote.Escape(r)[1:]) // shown as \u202e
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
