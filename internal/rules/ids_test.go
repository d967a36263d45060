package rules

import (
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var ruleID = regexp.MustCompile(`IG[0-9]{3}`)

// ruleIDsIn lists the rule IDs a Go source spells in code or strings,
// comments aside, with their positions.
func ruleIDsIn(name string, src []byte) []string {
	fset := token.NewFileSet()
	var s scanner.Scanner
	s.Init(fset.AddFile(name, -1, len(src)), src, nil, 0) // mode 0 skips comments
	var out []string
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			return out
		}
		if m := ruleID.FindString(lit); m != "" {
			out = append(out, fset.Position(pos).String()+": "+m)
		}
	}
}

// TestRuleIDsOnlyInRules keeps the catalogue the one place rules are named:
// outside internal/rules, no non-test Go file of the front ends spells a
// rule ID in code or in a string (comments may). Messages and descriptions
// take IDs from the catalogue, so they cannot drift.
func TestRuleIDsOnlyInRules(t *testing.T) {
	files := 0
	for _, dir := range []string{"../lint", "../provider", "../awsiam", "../../cmd/iamguard"} {
		paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(paths) == 0 {
			t.Fatalf("no Go files in %s (%v)", dir, err)
		}
		for _, path := range paths {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			files++
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			for _, hit := range ruleIDsIn(path, src) {
				t.Errorf("%s spelled outside internal/rules; take it from the catalogue", hit)
			}
		}
	}
	if files < 10 {
		t.Errorf("scanned only %d files; the directory list is stale", files)
	}
}

// TestRuleIDsInSeesStrings proves the check above can fail.
func TestRuleIDsInSeesStrings(t *testing.T) {
	src := "package x\n// IG101 in a comment is fine\nvar s = \"see IG102\"\nvar IG103 = 1\n"
	got := ruleIDsIn("x.go", []byte(src))
	if len(got) != 2 || !strings.HasSuffix(got[0], "IG102") || !strings.HasSuffix(got[1], "IG103") {
		t.Errorf("got %v, want the string and the identifier", got)
	}
}
