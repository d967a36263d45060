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
