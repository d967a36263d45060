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
	var seeds []string
	for _, pattern := range []string{"../../examples/plans/*.json", "../lint/testdata/*/plan.json", "../lint/testdata/trust/*/plan.json"} {
		paths, _ := filepath.Glob(pattern)
		seeds = append(seeds, paths...)
	}
	for _, path := range seeds {
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
