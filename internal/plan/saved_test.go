package plan

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestErrorLine(t *testing.T) {
	stderr := "There are some problems with the CLI configuration:\n╷\n│ Warning: Unable to open CLI configuration file\n╵\n\n" +
		"Error: Couldn't show local plan\n\nPlan read error: plan file was created by Terraform 1.8.5, but this is\n1.11.4; plan files cannot be transferred\n\nmore\n"
	var w headWriter
	w.Write([]byte(stderr))
	want := "Couldn't show local plan: Plan read error: plan file was created by Terraform 1.8.5, but this is 1.11.4; plan files cannot be transferred"
	if got := w.errorLine(); got != want {
		t.Errorf("errorLine = %q, want %q", got, want)
	}
	w = headWriter{}
	w.Write([]byte("\n  segmentation fault\n"))
	if got := w.errorLine(); got != "segmentation fault" {
		t.Errorf("errorLine without Error: = %q", got)
	}
	w = headWriter{}
	w.Write(bytes.Repeat([]byte("x"), 100<<10))
	if len(w.buf) != 16<<10 {
		t.Errorf("headWriter kept %d bytes, want 16 KiB", len(w.buf))
	}
}

// An interrupt (a done context) stops reading a plan with a clear error.
func TestOpenInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	plan := strings.NewReader(`{"format_version":"1.2","resource_changes":[]}`)
	if _, err := Open(ctx, "-", plan, Terraform{}, nil); err == nil || err.Error() != "-: interrupted" {
		t.Errorf("err = %v, want -: interrupted", err)
	}
}
