package prof_tmp

import (
	"io"
	"os"
	"runtime"
	"testing"

	"github.com/iamguard/terraform-provider-iamguard/internal/lint"
	"github.com/iamguard/terraform-provider-iamguard/internal/plan"
	"github.com/iamguard/terraform-provider-iamguard/internal/plan/plantest"
	"github.com/iamguard/terraform-provider-iamguard/internal/report"
)

func TestProf(t *testing.T) {
	f, _ := os.Create("/tmp/keys.json")
	plantest.WriteAccessKeys(f, 100000)
	f.Close()
	f, _ = os.Open("/tmp/keys.json")
	p, err := plan.Read(f, lint.ResourceTypes)
	if err != nil {
		t.Fatal(err)
	}
	var m runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m)
	t.Logf("after read: heap %d MB", m.HeapAlloc>>20)
	res := lint.Lint(p, lint.Options{})
	runtime.ReadMemStats(&m)
	t.Logf("after lint: heap %d MB, %d findings", m.HeapAlloc>>20, len(res.Findings))
	r := report.New(res, "x")
	report.Formats["json"](io.Discard, r, report.Options{})
	runtime.ReadMemStats(&m)
	t.Logf("after report: heap %d MB", m.HeapAlloc>>20)
}
