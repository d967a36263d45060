package report

import (
	"os"
	"strings"
	"testing"
	"unsafe"

	"github.com/iamguard/terraform-provider-iamguard/internal/lint"
	"github.com/iamguard/terraform-provider-iamguard/internal/plan"
)

// TestMergeNamesEachResourceOnce: a merged report names each resource in
// its plan once, and its findings share that name: with a long plan path,
// naming it again for each finding took 140,000 keys' report to 1.2 GB.
func TestMergeNamesEachResourceOnce(t *testing.T) {
	f, err := os.Open("../../examples/plans/iam-risky-changes.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := plan.Read(f, lint.ResourceTypes)
	if err != nil {
		t.Fatal(err)
	}
	m := Merge([]PlanReport{{Path: "envs/prod/plan.json", Report: New(lint.Lint(p, lint.Options{}), "test")}}, "test")
	if len(m.Findings) == 0 {
		t.Fatal("no findings")
	}
	names := map[*byte]bool{}
	for _, j := range m.Judged {
		names[unsafe.StringData(j.Address)] = true
	}
	for _, f := range m.Findings {
		if !strings.HasPrefix(f.Address, "envs/prod/plan.json:") {
			t.Errorf("finding address %q is not in its plan", f.Address)
		}
		if !names[unsafe.StringData(f.Address)] {
			t.Errorf("a finding on %q names its resource anew", f.Address)
		}
	}
}

// TestMergedPlansReadApart: two plans whose paths show alike once a
// control character is a space or a byte that is not UTF-8 a U+FFFD are
// told apart in the formats people read (round 283: a clean plan named
// "team a" took the finding of "team\ta"), and so are two whose paths
// differ by a leading space, or one that spells the other's quoted name.
func TestMergedPlansReadApart(t *testing.T) {
	for _, paths := range [][2]string{{"envs/team a/plan.json", "envs/team\ta/plan.json"}, {"envs/te\xfeam/plan.json", "envs/te\xffam/plan.json"},
		// A path that spells another's quoted name, or starts with a
		// space (round 291).
		{"a\tb/plan.json", `"a\tb/plan.json"`}, {"envs/prod/plan.json", " envs/prod/plan.json"}} {
		clean, dirty := hostileReport(), hostileReport()
		clean.Findings, clean.Summary = nil, Summary{BySeverity: map[string]int{}}
		m := Merge([]PlanReport{{Path: paths[0], Report: clean}, {Path: paths[1], Report: dirty}}, "test")
		for _, format := range []string{"text", "github", "markdown"} {
			out := string(render(t, format, m, Options{}))
			under := func(path string) bool {
				name := PlanName(path) + ":" + addrPolicy
				return strings.Contains(out, name) || strings.Contains(out, mdText(name))
			}
			if !under(paths[1]) || under(paths[0]) {
				t.Errorf("%s: the finding is not under %q alone:\n%s", format, paths[1], out)
			}
		}
	}
}
