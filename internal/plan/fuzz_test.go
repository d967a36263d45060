package plan

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/iamguard/terraform-provider-iamguard/internal/plan/plantest"
)

// FuzzRead: no input makes the reader panic, hang or return both a plan and
// an error, errors stay on one line, and what it reads is JSON as
// encoding/json takes it ("1e", "tru" and "::" were read where nothing is judged).
func FuzzRead(f *testing.F) {
	var synth bytes.Buffer
	if err := plantest.Write(&synth, 3); err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{minimal, synth.String(), `{"format_version":"0.1","resource_changes":[]}`, `{"values":{}}`, `[`, `{"a":"\`, ""} {
		f.Add(seed)
	}
	keep := func(t string) bool { return strings.HasPrefix(t, "aws_") }
	f.Fuzz(func(t *testing.T, in string) {
		p, err := Read(strings.NewReader(in), keep)
		if (p == nil) == (err == nil) {
			t.Fatalf("plan %v with error %v", p, err)
		}
		if err != nil && strings.ContainsAny(err.Error(), "\n\r") {
			t.Fatalf("error is not one line: %q", err)
		}
		if err == nil && !json.Valid([]byte(in)) {
			t.Fatalf("read input that is not JSON: %q", in)
		}
	})
}
