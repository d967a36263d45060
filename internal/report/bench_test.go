package report

import (
	"bytes"
	"io"
	"testing"

	"github.com/iamguard/terraform-provider-iamguard/internal/lint"
	"github.com/iamguard/terraform-provider-iamguard/internal/plan"
	"github.com/iamguard/terraform-provider-iamguard/internal/plan/plantest"
)

// BenchmarkLintAccessKeys measures a whole lint run, from plan bytes to the
// report in each format, on a plan full of access keys (10,000 keys for
// 5,000 users: two findings or more per key). make bench runs the same
// shape at 100,000 keys in a child process, for peak RSS.
func BenchmarkLintAccessKeys(b *testing.B) {
	var buf bytes.Buffer
	if err := plantest.WriteAccessKeys(&buf, 10000); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	for _, format := range []string{"json", "text", "sarif", "junit"} {
		b.Run(format, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				p, err := plan.Read(bytes.NewReader(data), lint.ResourceTypes, plan.Attributes(lint.Attributes))
				if err != nil {
					b.Fatal(err)
				}
				if err := Formats[format](io.Discard, New(lint.Lint(p, lint.Options{}), "bench"), Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
