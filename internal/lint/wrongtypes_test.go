package lint_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/iamguard/terraform-provider-iamguard/internal/lint"
	"github.com/iamguard/terraform-provider-iamguard/internal/plan"
)

// TestWrongTypesNeverPanic replaces, one at a time, every attribute of every
// judged resource in the example plans (before and after) with values of
// other types, and lints the result: a foreign or hostile plan may carry
// anything where the rules expect a string or a list.
func TestWrongTypesNeverPanic(t *testing.T) {
	paths, _ := filepath.Glob("../../examples/plans/*.json")
	odd := []any{nil, 7.5, true, "x", []any{1.0, "y", nil}, map[string]any{"k": []any{}}, []any{map[string]any{"field": 1.0}}}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		p, err := plan.Read(bytes.NewReader(data), lint.ResourceTypes)
		if err != nil {
			t.Fatal(err)
		}
		for _, rc := range p.Changes {
			for _, side := range []any{rc.Before, rc.After} {
				m, _ := side.(plan.Object)
				for i := range m {
					attr, orig := m[i].Name, m[i].Value
					for _, v := range odd {
						m[i].Value = v
						func() {
							defer func() {
								if r := recover(); r != nil {
									t.Errorf("%s: %s.%s = %s: panic %v", path, rc.Address, attr, show(v), r)
								}
							}()
							lint.Lint(p, lint.Options{})
						}()
					}
					m[i].Value = orig
				}
			}
		}
	}
}

func show(v any) string { b, _ := json.Marshal(v); return string(b) }
