package main

import (
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"testing"
	"time"

	"github.com/iamguard/terraform-provider-iamguard/internal/config"
	"github.com/iamguard/terraform-provider-iamguard/internal/lint"
	"github.com/iamguard/terraform-provider-iamguard/internal/plan"
	"github.com/iamguard/terraform-provider-iamguard/internal/report"
)

func TestZZPhase(t *testing.T) {
	p := os.Getenv("ZZPHASE")
	if p == "" {
		t.Skip()
	}
	debug.SetMemoryLimit(memoryLimit)
	for i := 0; i < 3; i++ {
		runtime.GC()
		t0 := time.Now()
		f, _ := os.Open(p)
		t1 := time.Now()
		pl, err := plan.Read(f, lint.ResourceTypes, plan.Attributes(lint.Attributes))
		if err != nil {
			t.Fatal(err)
		}
		f.Close()
		t2 := time.Now()
		b := config.Default().Baseline
		res := lint.Lint(pl, lint.Options{Now: time.Now(), Baseline: &b})
		t3 := time.Now()
		rep := report.New(res, "dev")
		report.Formats["json"](io.Discard, rep, report.Options{})
		t4 := time.Now()
		t.Logf("readfile %v read %v lint %v report %v total %v", t1.Sub(t0), t2.Sub(t1), t3.Sub(t2), t4.Sub(t3), t4.Sub(t0))
	}
}
