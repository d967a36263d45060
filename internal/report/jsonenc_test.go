package report

import (
	"encoding/json"
	"testing"

	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// encodingJSON is what appendFinding must match: the finding as
// encoding/json indents it inside the report's findings array.
func encodingJSON(t testing.TB, f *Finding) string {
	want, err := json.MarshalIndent(f, "    ", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(want)
}

func TestAppendFindingMatchesEncodingJSON(t *testing.T) {
	odd := "a<b>&c\"d\\e\x00\x1f\x7f\b\f\n\r\t\u2028\u2029\xff\xc3é😀"
	cases := []Finding{
		{},
		{RuleID: "IG101", Rule: "r", Severity: rules.Critical, Address: odd, ResourceType: odd, Action: "update",
			Line: 12, Attribute: odd, Event: odd, Message: odd, Remediation: odd, References: []string{odd, "x"},
			Waived: true, Waiver: &Waiver{Reason: odd, Expires: "2027-01-01", Expired: false}, Plan: odd},
		{References: []string{}, Waiver: &Waiver{Reason: "r", Expired: true}, Line: -3},
	}
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
		fd := Finding{Message: s, Address: s, References: []string{s}, Waiver: &Waiver{Reason: s}}
		if got, want := string(appendFinding(nil, &fd)), encodingJSON(t, &fd); got != want {
			t.Fatalf("%q:\n got %s\nwant %s", s, got, want)
		}
	})
}
