package report

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iamguard/terraform-provider-iamguard/internal/lint"
	"github.com/iamguard/terraform-provider-iamguard/internal/plan"
)

// FuzzLint runs the whole pipeline (read, judge, every format) on mutated
// plans: values of the wrong type or shape in judged resources must never
// make a judge or a writer panic.
func FuzzLint(f *testing.F) {
	seeds, _ := filepath.Glob("../../examples/plans/*.json")
	more, _ := filepath.Glob("../lint/testdata/*/plan.json")
	for _, path := range append(seeds, more...) {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Fuzz(func(t *testing.T, in string) {
		p, err := plan.Read(strings.NewReader(in), lint.ResourceTypes)
		if err != nil {
			return
		}
		r := New(lint.Lint(p, lint.Options{}), "fuzz")
		for name, write := range Formats {
			if err := write(io.Discard, r, Options{ArtifactURI: "plan.json"}); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
	})
}
