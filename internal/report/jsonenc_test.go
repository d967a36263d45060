package report

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/iamguard/terraform-provider-iamguard/internal/config"
	"github.com/iamguard/terraform-provider-iamguard/internal/lint"
	"github.com/iamguard/terraform-provider-iamguard/internal/plan"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// jsonFinding is a finding as DESIGN.md's JSON report gives it, for
// encoding/json: what appendFinding must write.
type jsonFinding struct {
	RuleID       string         `json:"rule_id"`
	Rule         string         `json:"rule"`
	Severity     rules.Severity `json:"severity"`
	Address      string         `json:"address"`
	ResourceType string         `json:"resource_type"`
	Action       string         `json:"action"`
	Line         int            `json:"line,omitempty"`
	Attribute    string         `json:"attribute,omitempty"`
	Event        string         `json:"event"`
	Message      string         `json:"message"`
	Remediation  string         `json:"remediation"`
	References   []string       `json:"references"`
	Waived       bool           `json:"waived"`
	Waiver       *struct {
		Reason  string `json:"reason"`
		Expires string `json:"expires,omitempty"`
		Expired bool   `json:"expired"`
	} `json:"waiver,omitempty"`
	Plan *string `json:"plan,omitempty"`
}

// encodingJSON is what appendFinding must match: the finding as
// encoding/json indents it inside the report's findings array.
func encodingJSON(t testing.TB, f *Finding) string {
	j := jsonFinding{RuleID: f.Rule.ID, Rule: f.Rule.Slug, Severity: f.Severity, Address: f.Address,
		ResourceType: f.Type, Action: f.Action, Line: f.Line, Attribute: f.Attribute, Event: f.Rule.Event,
		Message: f.Message, Remediation: f.Rule.Remediation.Terraform, References: f.Rule.References,
		Waived: f.Waived}
	if f.In != nil {
		j.Plan = &f.In.Path
	}
	if w := f.Waiver; w != nil {
		j.Waiver = &struct {
			Reason  string `json:"reason"`
			Expires string `json:"expires,omitempty"`
			Expired bool   `json:"expired"`
		}{w.Reason, w.ExpiresDate(), !f.Waived}
	}
	want, err := json.MarshalIndent(j, "    ", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(want)
}

// oddFinding has s in every text the JSON report shows.
func oddFinding(s string, refs []string, w *config.Waiver, waived bool) Finding {
	return Finding{
		Finding: rules.Finding{Rule: &rules.Rule{ID: s, Slug: s, Event: s, Remediation: rules.Remediation{Terraform: s}, References: refs},
			Severity: rules.Critical, Attribute: s, Message: s},
		ResourceRef: &lint.ResourceRef{Address: s, Type: s, Action: s, In: &lint.PlanRef{Path: s, File: s}},
		Waiver:      w, Waived: waived,
	}
}

func TestAppendFindingMatchesEncodingJSON(t *testing.T) {
	odd := "a<b>&c\"d\\e\x00\x1f\x7f\b\f\n\r\t\u2028\u2029\xff\xc3é😀"
	expires := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	cases := []Finding{
		{Finding: rules.Finding{Rule: &rules.Rule{}}, ResourceRef: &lint.ResourceRef{}},
		oddFinding(odd, []string{odd, "x"}, &config.Waiver{Reason: odd, Expires: expires}, true),
		oddFinding("", []string{}, &config.Waiver{Reason: "r"}, false),
	}
	cases[2].Line = -3
	cases[1].Line = 12
	cases = append(cases, hostileReport().Findings...)
	for i := range cases {
		if got, want := string(appendFinding(nil, &cases[i])), encodingJSON(t, &cases[i]); got != want {
			t.Errorf("case %d:\n got %s\nwant %s", i, got, want)
		}
	}
}

func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "plain", "<&>", "\u2028\xff\x00", "é😀\"\\"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fd := oddFinding(s, []string{s}, &config.Waiver{Reason: s}, false)
		if got, want := string(appendFinding(nil, &fd)), encodingJSON(t, &fd); got != want {
			t.Fatalf("%q:\n got %s\nwant %s", s, got, want)
		}
	})
}

// TestNewSharesFindings: a report is made of the lint result's findings
// and judged resources, not copies of them (a plan of 100,000 access keys
// gives 200,000 findings).
func TestNewSharesFindings(t *testing.T) {
	res := lint.Result{Plan: &plan.Plan{}, Judged: []lint.ResourceRef{{Address: "a"}}}
	res.Findings = []lint.Finding{{Finding: rules.Finding{Rule: rules.ByID("IG202"), Severity: rules.High}, ResourceRef: &res.Judged[0]}}
	r := New(res, "test")
	if &r.Findings[0] != &res.Findings[0] || &r.Judged[0] != &res.Judged[0] {
		t.Error("the report copies the lint result")
	}
	if r.Summary.Findings != 1 || r.Summary.BySeverity["high"] != 1 {
		t.Errorf("summary %+v", r.Summary)
	}
}
