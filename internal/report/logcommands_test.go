package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/iamguard/terraform-provider-iamguard/internal/lint"
	"github.com/iamguard/terraform-provider-iamguard/internal/plan"
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
	for _, s := range []string{"", "plain", "100% done\r\n::stop-commands::x", "tab\tbell\x07del\x7f",
		"c1 \u0085 \u009f nbsp \u00a0", "bad \xff\xfe utf-8 \xe2\x80", "é ü 日本 \U0001F600 \u2028", "%%%\n\n"} {
		if got, want := githubData(s), reference(s); got != want {
			t.Errorf("githubData(%q) = %q, want %q", s, got, want)
		}
	}
}
