package plan

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
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
	// What a diagnostic quotes of the configuration, and PEM material a
	// wrapper prints, are left out (round 245).
	for stderr, want := range map[string]string{
		"╷\n│ Error: Invalid value for variable\n│ \n│   on main.tf line 3:\n│    3:   secret = \"CANARY1\"\n" +
			"│     ├────────────────\n│     │ var.secret is \"CANARY2\"\n│ \n│ The value must be 16 characters.\n╵\n": "Invalid value for variable: on main.tf line 3:",
		// As terraform show -no-color writes it: no frame (real Terraform
		// 1.11; round 248: the framed form alone was left out).
		"\nError: Invalid function argument\n\n  on main.tf line 6, in locals:\n   6:   n = tonumber(var.db_password)\n" +
			"    ├────────────────\n    │ while calling tonumber(v)\n    │ var.db_password is \"CANARY3\"\n\n" +
			"Invalid value for \"v\" parameter: cannot convert \"CANARY3\" to number;\ngiven string must be a decimal representation of a number.\n": "Invalid function argument: on main.tf line 6, in locals:",
		"Error: bad key x -----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1L\n-----END RSA PRIVATE KEY-----\n": "bad key x (PEM material withheld)",
		"-----BEGIN PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1L\n":                                                     "(PEM material withheld)",
	} {
		w = headWriter{}
		w.Write([]byte(stderr))
		if got := w.errorLine(); got != want {
			t.Errorf("errorLine = %q, want %q", got, want)
		}
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

// TestCheckSavedPlan: a binary plan terraform show is not given: a zip cut
// short (with zip's reason), or one whose entries uncompress past
// maxSavedPlan (a zip bomb); a plan's copy from stdin stops there too.
func TestCheckSavedPlan(t *testing.T) {
	dir := t.TempDir()
	zipOf := func(name string, raw func(*zip.Writer)) string {
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		raw(zw)
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	sound := zipOf("sound", func(zw *zip.Writer) {
		w, _ := zw.Create("tfplan")
		w.Write([]byte("a plan"))
	})
	if err := checkSavedPlan(sound); err != nil {
		t.Errorf("a sound zip: %v", err)
	}
	data, _ := os.ReadFile(sound)
	cut := filepath.Join(dir, "cut")
	os.WriteFile(cut, data[:len(data)/2], 0o600)
	if err := checkSavedPlan(cut); err == nil || !strings.Contains(err.Error(), "cannot be read (zip: not a valid zip file)") {
		t.Errorf("a zip cut short: err = %v", err)
	}
	// Entries that say they uncompress to 3 GiB, as a zip of zeros does.
	bomb := zipOf("bomb", func(zw *zip.Writer) {
		for _, name := range []string{"tfplan", "tfstate", "tfstate-prev"} {
			w, _ := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CompressedSize64: 1, UncompressedSize64: 1 << 30})
			w.Write([]byte{0})
		}
	})
	if err := checkSavedPlan(bomb); err == nil || !strings.Contains(err.Error(), "past 512 MiB uncompressed") {
		t.Errorf("a zip bomb: err = %v", err)
	}

	// A zip of more entries than 65,535, in the zip64 form: refused
	// before zip.NewReader holds its directory.
	many := zipOf("many", func(zw *zip.Writer) {
		for i := range 1<<16 + 1 {
			zw.CreateHeader(&zip.FileHeader{Name: strconv.Itoa(i), Method: zip.Store})
		}
	})
	if err := checkSavedPlan(many); err == nil || !strings.Contains(err.Error(), "zip64") {
		t.Errorf("a zip of 65,537 entries: err = %v", err)
	}
	if plan, broken := IsBinaryPlan(many); plan || broken {
		t.Errorf("IsBinaryPlan of a zip of 65,537 entries = %v, %v; want no plan, and not a broken one", plan, broken)
	}

	saved := maxSavedPlan
	t.Cleanup(func() { maxSavedPlan = saved })
	maxSavedPlan = 1 << 10
	if _, remove, err := saveTemp(bytes.NewReader(make([]byte, 1<<10))); err != nil {
		t.Errorf("a copy of the most: %v", err)
	} else {
		remove()
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	if _, _, err := saveTemp(bytes.NewReader(make([]byte, 1<<10+1))); err == nil || !strings.Contains(err.Error(), "more than a binary plan iamguard reads") {
		t.Errorf("a copy past the most: err = %v", err)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("the copy past the most is left behind: %v", left)
	}
}
