package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/iamguard/terraform-provider-iamguard/internal/config"
	"github.com/iamguard/terraform-provider-iamguard/internal/lint"
	"github.com/iamguard/terraform-provider-iamguard/internal/plan"
	"github.com/iamguard/terraform-provider-iamguard/internal/quote"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// TestNoLogCommands: a name from a pull request cannot pass for a CI log
// command ("##[stop-commands]…") on a line the runner reads as plain text,
// in the text format or the github format's own lines.
func TestNoLogCommands(t *testing.T) {
	addr := `aws_iam_access_key.k["##[stop-commands]tok"]`
	res := lint.Result{Plan: &plan.Plan{FormatVersion: "1.2"}, Resources: 1,
		Judged:   []lint.ResourceRef{{Address: addr, Type: "aws_iam_access_key", Action: "create"}},
		Findings: []lint.Finding{finding("IG202", rules.High, addr, "aws_iam_access_key", "create", "pgp_key", "pgp_key is not set", nil)}}
	for _, format := range []string{"text", "github"} {
		var out bytes.Buffer
		if err := Formats[format](&out, New(res, "test"), Options{}); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(out.String(), "\n") {
			if !strings.HasPrefix(line, "::") && strings.Contains(line, "##[") {
				t.Errorf("%s: a plain line holds a log command: %q", format, line)
			}
		}
	}
	// A name printed at the start of a line cannot start a command there
	// ("::stop-commands::token"), an address or a plan path alike.
	addr = "::stop-commands::tok"
	res.Judged[0].Address, res.Findings[0].ResourceRef = addr, &res.Judged[0]
	single := string(render(t, "text", New(res, "test"), Options{}))
	merged := string(render(t, "text", Merge([]PlanReport{{Path: "::error title=x::y.json", Report: New(res, "test")}}, "test"), Options{}))
	for _, line := range strings.Split(single+merged, "\n") {
		if strings.HasPrefix(strings.TrimLeft(line, " \t"), "::") {
			t.Errorf("text: a line starts a log command: %q", line)
		}
	}
	if !strings.HasPrefix(single, `:\x3astop-commands::tok`) {
		t.Errorf("the address is not shown escaped:\n%s", single)
	}
}

// TestGitHubDataEscapes: appendGitHubData escapes as the rune-by-rune rule
// says, for every kind of character.
func TestGitHubDataEscapes(t *testing.T) {
	reference := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			switch {
			case r == '%':
				b.WriteString("%25")
			case r < 0x20 || (r >= 0x7f && r < 0xa0) || r == '\u2028' || r == '\u2029':
				b.WriteByte(' ')
			case r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' || r == '\u200e' || r == '\u200f' || r == '\u061c',
				r == '\u00a0', r == '\u034f', r == '\u115f', r == '\u3164', r == '\ufe0f', r == '\u2800', r == '\u3000':
				fmt.Fprintf(&b, `\u%04x`, r)
			default:
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	for _, s := range []string{"", "plain", "100% done\r\n::stop-commands::x", "tab\tbell\x07del\x7f",
		"c1 \u0085 \u009f nbsp \u00a0", "bad \xff\xfe utf-8 \xe2\x80", "é ü 日本 \U0001F600 \u2028", "%%%\n\n",
		"aws_iam_access_key.k[\"\u202eved\"] \u2066x\u2069",
		// Invisible past Cf (round 260): each would let lp["ci…"] read as lp["ci"].
		"lp[\"ci\u034f\"] lp[\"ci\u115f\"] lp[\"ci\u3164\"] lp[\"ci\ufe0f\"] lp[\"ci\u2800\"] \u3000x"} {
		if got, want := githubData(s), reference(s); got != want {
			t.Errorf("githubData(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestBidiShownEscaped: a bidirectional formatting character in a name
// reorders the text around it on screen, so an address could read as
// another resource's (Trojan Source). The formats people read show it as
// its escape; the data formats keep the name exact, as waivers match it.
func TestBidiShownEscaped(t *testing.T) {
	const key = "aws_iam_access_key"
	addr := `aws_iam_access_key.k["` + "\u202eved\u2066" + `"]`
	res := lint.Result{
		Plan:      &plan.Plan{FormatVersion: "1.2"},
		Resources: 1,
		Judged:    []lint.ResourceRef{{Address: addr, Type: key, Action: "create"}},
		Findings: []lint.Finding{finding("IG202", rules.High, addr, key, "create", "pgp_key", "user \"\u200fops\" has no pgp_key",
			&waiver{config.Waiver{Reason: "approved \u202bby\u202c sec", Expires: until("2027-01-31")}, false})},
	}
	r := New(res, "test")
	for _, format := range []string{"text", "github", "markdown"} {
		out := string(render(t, format, r, Options{}))
		if i := strings.IndexFunc(out, quote.IsFormat); i >= 0 {
			t.Errorf("%s: a bidirectional control at byte %d:\n%s", format, i, out)
		}
		want := `\u202eved\u2066`
		if format == "markdown" {
			want = `&#92;u202eved&#92;u2066`
		}
		if !strings.Contains(out, want) {
			t.Errorf("%s: the address is not shown escaped (%s):\n%s", format, want, out)
		}
	}
	for _, format := range []string{"json", "sarif", "junit"} {
		if out := render(t, format, r, Options{}); !bytes.Contains(out, []byte("\u202eved\u2066")) {
			t.Errorf("%s: the address is not kept exact", format)
		}
	}
}

// TestNoLogCommandsInExactFormats: json, sarif and junit write the "[" of
// "##[" as their own escape for it, which reads back as the same name,
// however the writes that make it up are split.
func TestNoLogCommandsInExactFormats(t *testing.T) {
	addr := `aws_iam_access_key.k["x##[error]forged ###[group]"]`
	res := lint.Result{Plan: &plan.Plan{FormatVersion: "1.2"}, Resources: 1,
		Judged:   []lint.ResourceRef{{Address: addr, Type: "aws_iam_access_key", Action: "create"}},
		Findings: []lint.Finding{finding("IG202", rules.High, addr, "aws_iam_access_key", "create", "pgp_key", "pgp_key is not set", nil)}}
	for _, format := range []string{"json", "sarif", "junit"} {
		out := string(render(t, format, New(res, "test"), Options{}))
		if strings.Contains(out, "##[") {
			t.Errorf("%s writes ##[ as it is", format)
		}
		if !strings.Contains(out, "forged") {
			t.Errorf("%s: the address is not written", format)
		}
	}
	// Whatever the writes: every split of a text with "##[" in it.
	const text = `a##[b###[c#`
	for i := range len(text) + 1 {
		for j := i; j <= len(text); j++ {
			var b bytes.Buffer
			c := &commandFree{w: &b, bracket: "%"}
			for _, part := range []string{text[:i], text[i:j], text[j:]} {
				c.Write([]byte(part))
			}
			if got, want := b.String(), `a##%b###%c#`; got != want {
				t.Errorf("split at %d, %d: %q, want %q", i, j, got, want)
			}
		}
	}
}

// TestGitHubAnnotationBounds (round 260): in a merged run, a plan's
// directory name cannot write lines into a finding's annotation, nor a
// long address push its message and fix past the 4,096 characters GitHub
// shows; a plan path the runner cannot be given as it is names no file.
func TestGitHubAnnotationBounds(t *testing.T) {
	addr := `aws_cloudtrail.t["` + strings.Repeat("x", 4100) + `"]`
	res := lint.Result{Plan: &plan.Plan{FormatVersion: "1.2"}, Resources: 1,
		Judged:   []lint.ResourceRef{{Address: addr, Type: "aws_cloudtrail", Action: "create"}},
		Findings: []lint.Finding{finding("IG701", rules.High, addr, "aws_cloudtrail", "create", "include_global_service_events", "IAM events are not recorded", nil)}}
	for _, dir := range []string{"live/nl\nwaived: ok\n", "live/bidi\u202eabc", "live/esc\x1b[31m", "live/bad\xff", "live/ok"} {
		out := string(render(t, "github", Merge([]PlanReport{{Path: dir + "/plan.json", ArtifactURI: dir + "/plan.json", Report: New(res, "test")}}, "test"), Options{}))
		cmd := strings.SplitN(out, "\n", 2)[0]
		m := commandLine.FindStringSubmatch(cmd)
		if m == nil {
			t.Fatalf("%q: not one workflow command: %q", dir, cmd)
		}
		msg := unescapeData(m[3])
		if strings.Contains(msg, "\n") && !strings.HasPrefix(strings.SplitN(msg, "\n", 2)[1], "fix: ") {
			t.Errorf("%q: the annotation holds lines of the path's:\n%s", dir, quote.Middle(msg, 300))
		}
		if n := utf8.RuneCountInString(msg); n > 4096 || !strings.Contains(msg, "IAM events are not recorded") || !strings.Contains(msg, "\nfix: ") {
			t.Errorf("%q: annotation of %d characters loses the message or the fix", dir, n)
		}
		if file := commandProps(m[2])["file"]; (file != "") != (dir == "live/ok") {
			t.Errorf("%q: file=%q", dir, file)
		}
	}
	// Names in a message escaped ten characters for four bytes (round
	// 265: IG203's ten addresses of for_each keys of variation selectors
	// took 6,776 characters, the fix last), and a long waiver reason.
	long := strings.Repeat(`k["a`+strings.Repeat("\U000E0100", 57)+`"], `, 10)
	res.Findings[0].Message = "user deployer has 10 active access keys: " + long
	for _, w := range []*waiver{nil, {config.Waiver{Rule: "IG701", Address: "*", Reason: strings.Repeat("\u00a0", 5000)}, false}} {
		res.Findings[0].Waiver, res.Findings[0].Waived = nil, false
		if w != nil {
			res.Findings[0].Waiver = &w.Waiver
		}
		m := commandLine.FindStringSubmatch(strings.SplitN(string(render(t, "github", New(res, "test"), Options{})), "\n", 2)[0])
		msg := unescapeData(m[3])
		if n := utf8.RuneCountInString(msg); n > 4096 || !strings.Contains(msg, "user deployer has 10 active") || !strings.Contains(msg, "\nfix: ") {
			t.Errorf("waiver %v: annotation of %d characters loses the message or the fix", w != nil, n)
		}
	}
}
