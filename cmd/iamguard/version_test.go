package main

import "testing"

func TestVersionLine(t *testing.T) {
	defer func(v, c, d string) { version, commit, date = v, c, d }(version, commit, date)
	version, commit, date = "1.2.0", "3f2a1c9", "2026-11-20T10:00:00Z"
	r := lintCLI(t, nil, "version")
	if want := "iamguard 1.2.0 (commit 3f2a1c9, committed 2026-11-20T10:00:00Z)\n"; r.code != 0 || r.stdout != want {
		t.Errorf("version: exit %d, %q; want %q", r.code, r.stdout, want)
	}
}
