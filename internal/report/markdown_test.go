package report

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/iamguard/terraform-provider-iamguard/internal/lint"
	"github.com/iamguard/terraform-provider-iamguard/internal/plan"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// manyFindings is a report with n access keys of two findings each.
func manyFindings(n int) *Report {
	const key = "aws_iam_access_key"
	res := lint.Result{Plan: &plan.Plan{FormatVersion: "1.2", TerraformVersion: "1.8.5"}}
	for i := range n {
		addr := fmt.Sprintf("module.team_%04d.aws_iam_access_key.deployer", i)
		res.Judged = append(res.Judged, lint.ResourceRef{Address: addr, Type: key, Action: "create"})
		res.Findings = append(res.Findings,
			finding("IG202", rules.High, addr, key, "create", "pgp_key",
				"pgp_key is not set: the secret access key and SMTP password are stored unencrypted in state", nil),
			finding("IG203", rules.Medium, addr, key, "create", "status",
				fmt.Sprintf("user \"team-%04d\" has 2 active access keys", i), nil))
	}
	res.Resources = n
	return New(res, "1.0.0-test")
}

var leftOut = regexp.MustCompile(`(\d+) of (\d+) findings are left out`)

// checkCut checks a cut markdown report: within limit, every section
// closed, whole findings only, and a note whose count is right.
func checkCut(t *testing.T, out string, limit, total int) {
	t.Helper()
	if len(out) > limit {
		t.Fatalf("report is %d bytes, over the limit of %d", len(out), limit)
	}
	if o, c := strings.Count(out, "<details>"), strings.Count(out, "</details>"); o != c {
		t.Errorf("%d sections opened, %d closed", o, c)
	}
	m := leftOut.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no note of left-out findings at the end:\n%s", out[max(0, len(out)-600):])
	}
	left, _ := strconv.Atoi(m[1])
	if all, _ := strconv.Atoi(m[2]); all != total {
		t.Errorf("note says %d findings in all, want %d", all, total)
	}
	kept := strings.Count(out, "\n- **")
	if kept+left != total || left == 0 {
		t.Errorf("%d findings shown and %d said left out; want %d in all, some left out", kept, left, total)
	}
	// The cut falls after a whole finding: each shown finding has its fix.
	if fixes := strings.Count(out, "  - Fix: "); fixes != kept {
		t.Errorf("%d findings shown but %d fixes: a finding was cut in half", kept, fixes)
	}
	before, _, _ := strings.Cut(out, "\n> [!WARNING]")
	if kept > 0 && !strings.HasSuffix(before, "</details>\n") {
		t.Errorf("the note does not follow a closed section:\n%s", before[max(0, len(before)-300):])
	}
	if !strings.Contains(out, "--format sarif") || !strings.Contains(out, "--format json") {
		t.Error("the note does not point to the SARIF and JSON reports")
	}
}

func TestMarkdownCutAtGitHubLimit(t *testing.T) {
	r := manyFindings(400) // about 170 KB in full
	out := string(render(t, "markdown", r, Options{}))
	checkCut(t, out, MarkdownLimit, 800)
	// The summary still counts every finding.
	if !strings.Contains(out, "| high | 400 |") || !strings.Contains(out, "| medium | 400 |") {
		t.Errorf("the summary table lost findings:\n%s", out[:400])
	}
}

func TestMarkdownCutBoundaries(t *testing.T) {
	r := manyFindings(3)
	full := string(render(t, "markdown", r, Options{}))
	if strings.Contains(full, "left out") {
		t.Fatal("a short report was cut")
	}
	defer func(old int) { markdownLimit = old }(markdownLimit)

	// Exactly at the limit the report is whole; one byte less cuts it.
	markdownLimit = len(full)
	if got := string(render(t, "markdown", r, Options{})); got != full {
		t.Errorf("a report of exactly the limit was changed:\n%s", got)
	}
	for limit := len(full) - 1; limit > len(full)/3; limit -= 37 {
		markdownLimit = limit
		checkCut(t, string(render(t, "markdown", r, Options{})), limit, 6)
	}

	// A limit below the header and note keeps no finding at all, and says so.
	markdownLimit = 10
	out := string(render(t, "markdown", r, Options{}))
	if !strings.Contains(out, "6 of 6 findings are left out") || strings.Contains(out, "<details>") {
		t.Errorf("tiny limit:\n%s", out)
	}
}

// TestMarkdownHeadWithinLimit: a configuration of many long waivers, or
// many plans, stays within GitHub's limit, and the waiver that applies is
// shown before the expired ones, not pushed out by them.
func TestMarkdownHeadWithinLimit(t *testing.T) {
	r := manyFindings(1)
	r.Config = &Config{File: "c.hcl", Weakens: true, FailOn: DefaultFailOn, FailOnDefault: DefaultFailOn}
	for i := range 199 {
		// Each | is written as &#124;: values are cut as written.
		r.Config.Waivers = append(r.Config.Waivers, ConfigWaiver{Rule: "IG101", Address: strings.Repeat("|", 1200) + strconv.Itoa(i),
			Reason: strings.Repeat("|", 400), Expires: "2020-01-01", Expired: true})
	}
	r.Config.Waivers = append(r.Config.Waivers, ConfigWaiver{Rule: "IG202", Address: "LIVE", Reason: "applies"})
	for i := range 5000 {
		r.Plans = append(r.Plans, PlanSummary{Path: strings.Repeat("|", 500) + strconv.Itoa(i), Error: strings.Repeat("|", 500)})
	}
	var b strings.Builder
	if err := WriteMarkdown(&b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if len(out) > MarkdownLimit {
		t.Errorf("%d bytes, over %d", len(out), MarkdownLimit)
	}
	if live, expired := strings.Index(out, "IG202 on LIVE"), strings.Index(out, "IG101 on &#124;"); live < 0 || live > expired {
		t.Errorf("the waiver that applies at %d, the first expired one at %d", live, expired)
	}
	if !strings.Contains(out, "more lines, waivers that waive 0 findings: the JSON report's config has them all") || !strings.Contains(out, "and 4960 more plans") {
		t.Error("no note of what the head leaves out")
	}
}

// TestMarkdownClipWholeReferences: a value cut to fit is cut in the
// middle, between the character references its escaping made, never inside
// one, whatever the byte count ("&#12…" of a pipe), and never inside a
// rune; its end stays (round 283: an address cut at its end named no
// resource).
func TestMarkdownClipWholeReferences(t *testing.T) {
	// An escaped head (a pipe is 6 bytes) leaves the end its half (round
	// 291: a cut by runes left the tail 50 bytes, without the resource).
	long := `module.m["` + strings.Repeat("|", 120) + `"].aws_iam_access_key.alpha_deployer_for_the_continuous_delivery_pipeline_blue`
	if got := mdClipTo(long, markdownValueBytes); !strings.Contains(got, "aws&#95;iam&#95;access&#95;key.alpha") && !strings.Contains(got, "aws_iam_access_key.alpha") {
		t.Errorf("cut to %q: the resource is gone", got)
	}
	for _, s := range []string{strings.Repeat("|", 100), strings.Repeat("é|", 50), strings.Repeat("x", 300) + `["k"].terraform-key.legacy`} {
		all := mdText(s)
		for n := len("…"); n <= 60; n++ {
			got := mdClipTo(s, n)
			head, tail, cut := strings.Cut(got, "…")
			semi := strings.IndexByte(tail, ';')
			if len(got) > n || !cut || !utf8.ValidString(got) || !strings.HasPrefix(all, head) || !strings.HasSuffix(all, tail) ||
				strings.LastIndexByte(head, '&') > strings.LastIndexByte(head, ';') || semi >= 0 && strings.LastIndexByte(tail[:semi], '&') < 0 ||
				len(tail) > len(head)+len("&#124;") || n >= 20 && tail == "" {
				t.Errorf("mdClipTo(%q, %d) = %q", s[:8]+"…", n, got)
			}
		}
	}
}

// TestMarkdownUnreadPlan: a plan that could not be read fails the run
// (exit 2), so the report does not open as a pass, and it is listed before
// the plans that were read, never folded into "and N more plans".
func TestMarkdownUnreadPlan(t *testing.T) {
	var parts []PlanReport
	for i := range 45 {
		parts = append(parts, PlanReport{Path: fmt.Sprintf("ok%02d.json", i), Report: emptyReport()})
	}
	parts = append(parts, PlanReport{Path: "zz-prod.json", Err: errors.New("value near byte 9 is too large")})
	r := Merge(parts, "test")
	out := string(render(t, "markdown", r, Options{}))
	if !strings.HasPrefix(out, "❌") || !strings.Contains(out, "1 of 46 plans not read") {
		t.Errorf("the report opens %q", out[:min(len(out), 120)])
	}
	if i, j := strings.Index(out, "zz-prod.json"), strings.Index(out, "ok00.json"); i < 0 || i > j {
		t.Errorf("the unread plan is at %d, the first read one at %d", i, j)
	}
	// The machine formats say so too: an upload of a SARIF report whose
	// run did not succeed, or a JUnit report in error, cannot pass for a
	// clean one.
	for format, want := range map[string]string{
		"sarif":  `"executionSuccessful": false`,
		"junit":  `errors="1"`,
		"github": "::error title=iamguard plan not read::zz-prod.json: not read: value near byte 9 is too large",
		"json":   `"error": "value near byte 9 is too large"`,
		"text":   "zz-prod.json: not read: value near byte 9 is too large",
	} {
		if out := string(render(t, format, r, Options{})); !strings.Contains(out, want) {
			t.Errorf("%s does not say the plan was not read (%s)", format, want)
		}
	}
}

// TestMarkdownPlansWorstFirst: past the unread plans, the plans table
// lists those of the worst findings first, so that a table cut short never
// leaves out the one plan that fails the run behind clean ones (round 339).
func TestMarkdownPlansWorstFirst(t *testing.T) {
	var parts []PlanReport
	for i := range 45 {
		parts = append(parts, PlanReport{Path: fmt.Sprintf("ok%02d.json", i), Report: emptyReport()})
	}
	parts = append(parts, PlanReport{Path: "zz-prod.json", Report: hostileReport()})
	out := string(render(t, "markdown", Merge(parts, "test"), Options{}))
	if i, j := strings.Index(out, "<code>zz-prod.json</code>"), strings.Index(out, "more plans"); i < 0 || i > j {
		t.Errorf("the plan with findings is at %d, the cut at %d:\n%s", i, j, out[:min(len(out), 2000)])
	}
}

// TestCatchAllWaiverShown: exact addresses that match nothing cannot push
// a catch-all waiver out of the markdown head, nor, with long reasons, out
// of the part of the github configuration annotation GitHub shows (it cuts
// a message at 4,096 characters).
func TestCatchAllWaiverShown(t *testing.T) {
	for _, tt := range []struct {
		name, reason, exactRule, catchAllRule string
	}{
		{"long reasons", strings.Repeat("r", 1000), "IG101", "IG704"},
		// Each format character is 4 bytes, and 10 once escaped.
		{"reasons escaped longer", strings.Repeat("\U000E0041", 250), "IG101", "IG704"},
		// A catch-all of a medium rule still comes before exact addresses
		// of a high one.
		{"exact waivers of a worse rule", strings.Repeat("r", 100), "IG704", "IG203"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := manyFindings(1)
			r.Config = &Config{File: "c.hcl", Weakens: true, FailOn: DefaultFailOn, FailOnDefault: DefaultFailOn}
			for i := range 60 {
				r.Config.Waivers = append(r.Config.Waivers, ConfigWaiver{Rule: tt.exactRule, Address: strconv.Itoa(i), Reason: tt.reason})
			}
			r.Config.Waivers = append(r.Config.Waivers, ConfigWaiver{Rule: tt.catchAllRule, Address: "*.*", Reason: "catch-all"})
			if out := string(render(t, "markdown", r, Options{})); !strings.Contains(out, tt.catchAllRule+" on &#42;.&#42;") {
				t.Errorf("the catch-all waiver is not in the markdown head:\n%s", out)
			}
			first, _, _ := strings.Cut(string(render(t, "github", r, Options{})), "\n")
			msg := unescapeData(first[strings.LastIndex(first, "::")+2:])
			if !strings.Contains(msg, tt.catchAllRule+" on *.*") || !strings.Contains(msg, "more lines, waivers that waive 0 findings") || utf8.RuneCountInString(msg) > 4096 {
				t.Errorf("the github configuration annotation (%d characters) leaves out the catch-all or the note:\n%s", utf8.RuneCountInString(msg), msg)
			}
		})
	}
}

// TestMarkdownWorstFirst: a report cut to fit keeps the worst findings,
// whatever their addresses: neither many info findings nor a 60 KB address
// sorting before them pushes a high one out.
func TestMarkdownWorstFirst(t *testing.T) {
	const trail = "aws_cloudtrail"
	res := lint.Result{Plan: &plan.Plan{FormatVersion: "1.2", TerraformVersion: "1.8.5"}}
	add := func(addr string, sev rules.Severity, msg string) {
		res.Judged = append(res.Judged, lint.ResourceRef{Address: addr, Type: trail, Action: "create"})
		res.Findings = append(res.Findings, finding("IG703", sev, addr, trail, "create", "enable_logging", msg, nil))
	}
	add(`aws_cloudtrail.a["`+strings.Repeat("[audit|log]", 6000)+`"]`, rules.Medium, "enable_logging is false")
	for i := range 900 {
		add(fmt.Sprintf("aws_cloudtrail.b[%d]", i), rules.Info, "enable_logging is known only after apply; IG703 (cloudtrail-logging-off) cannot be judged until then")
	}
	add("module.zz.aws_cloudtrail.main", rules.High, "enable_logging is false: the trail records nothing")
	// Within one resource too: a high finding after many lesser ones of
	// rules that sort before it.
	const cert = "aws_iam_server_certificate"
	res.Judged = append(res.Judged, lint.ResourceRef{Address: "aws_iam_server_certificate.c", Type: cert, Action: "create"})
	for i := range 300 {
		res.Findings = append(res.Findings, finding("IG302", rules.Medium, "aws_iam_server_certificate.c", cert, "create", "certificate_chain",
			fmt.Sprintf("the chain's \"CN=Intermediate %d\" expires on 2026-06-20, in 19 days; the baseline warns 30 days ahead", i), nil))
	}
	res.Findings = append(res.Findings, finding("IG304", rules.High, "aws_iam_server_certificate.c", cert, "create", "certificate_body", "RSA key of 1024 bits; at least 2048 required", nil))
	res.Resources = len(res.Judged)
	out := string(render(t, "markdown", New(res, "1.0.0-test"), Options{}))
	if len(out) > MarkdownLimit {
		t.Fatalf("report of %d bytes", len(out))
	}
	high := strings.Index(out, "module.zz.aws_cloudtrail.main")
	medium := strings.Index(out, "aws_cloudtrail.a&#91;")
	info := strings.Index(out, "aws_cloudtrail.b&#91;0&#93;")
	if high < 0 || medium >= 0 && medium < high || info >= 0 && info < max(high, medium) {
		t.Errorf("high at %d, medium at %d, info at %d: want the high, then any medium, then any info", high, medium, info)
	}
	if !strings.Contains(out, "IG304") {
		t.Error("the certificate's high finding, after 300 medium ones, is left out")
	}
	checkCut(t, out, MarkdownLimit, len(res.Findings))
}

// TestMarkdownWaiverLineWhole: a waiver's long pattern and reason are cut
// each on its own, so that its line still shows the star that ends the
// pattern's cut, when it expires, how many findings it waives, and the
// start of its reason.
func TestMarkdownWaiverLineWhole(t *testing.T) {
	r := manyFindings(1)
	r.Config = &Config{Weakens: true, FailOn: DefaultFailOn, FailOnDefault: DefaultFailOn, Waivers: []ConfigWaiver{{Rule: "IG202",
		Address: `module.ci["` + strings.Repeat("legacy-team-a-", 20) + `"].*`, Reason: "SEC-42: " + strings.Repeat("long ", 100), Waives: 5}}}
	out := string(render(t, "markdown", r, Options{}))
	line := out[strings.Index(out, "> - waiver: IG202"):]
	line = line[:strings.IndexByte(line, '\n')]
	for _, want := range []string{"(never expires, waives 5 findings): SEC-42: long", "…"} {
		if !strings.Contains(line, want) {
			t.Errorf("the waiver's line lacks %q: %s", want, line)
		}
	}
}
