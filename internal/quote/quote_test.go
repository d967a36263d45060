package quote

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPath(t *testing.T) {
	cases := map[string]string{
		"plan.json":           "plan.json",
		"dir with space/é.js": "dir with space/é.js",
		"a\nb.json":           `"a\nb.json"`,
		"x\x1b[31m.json":      `"x\x1b[31m.json"`,
		"tab\there":           `"tab\there"`,
		"del\x7f":             `"del\x7f"`,
		"c1\u0085":            `"c1\u0085"`,
		"raw\x9b31m.json":     `"raw\x9b31m.json"`, // not UTF-8: CSI to an 8-bit terminal
		"":                    `""`,
		"plan.json ":          `"plan.json "`,
		" plan.json":          `" plan.json"`,
		"\u00a0plan.json":     `"\u00a0plan.json"`,
		"ci\u3164.json":       `"ci\u3164.json"`, // a Hangul filler: a letter to strconv, blank on screen
		"ci\u034f.json":       `"ci\u034f.json"`,
	}
	for in, want := range cases {
		if got := Path(in); got != want {
			t.Errorf("Path(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestNoCommands(t *testing.T) {
	for in, want := range map[string]string{
		"plan.json":                 "plan.json",
		"##[stop-commands]tok.json": `##\x5bstop-commands]tok.json`,
		"a ##[error]b ##[warning]c": `a ##\x5berror]b ##\x5bwarning]c`,
		"#[x] ##x":                  "#[x] ##x",
		"::stop-commands::x":        `:\x3astop-commands::x`,
		"  ::error title=x::y":      `  :\x3aerror title=x::y`,
		"a ::error::b":              "a ::error::b",
		"\u00a0\u3000::error::x":    "\u00a0\u3000:\\x3aerror::x",
	} {
		if got := NoCommands(in); got != want {
			t.Errorf("NoCommands(%q) = %s, want %s", in, got, want)
		}
	}
	if got := Path("##[error]\n.json"); got != `"##\x5berror]\n.json"` {
		t.Errorf("Path = %s", got)
	}
}

func TestLine(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                       "plain",
		"a\nb\tc\x1b[31m":             "a b c [31m",
		"c1\u0085 ls\u2028ps\u2029":   "c1  ls ps ",
		`x["` + "\u202e" + `ved"]`:    `x["\u202eved"]`,
		"\u2066i\u2069 \u200f \u061c": `\u2066i\u2069 \u200f \u061c`,
		"##[error]x":                  `##\x5berror]x`,
		"é ü 日本":                      "é ü 日本",
		"raw\x9b2J":                   "raw\ufffd2J", // not UTF-8
	} {
		if got := Line(in); got != want {
			t.Errorf("Line(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Path("a\u202ejson.exe"); got != `"a\u202ejson.exe"` {
		t.Errorf("Path with a bidi control = %s", got)
	}
}

func TestError(t *testing.T) {
	long := strings.Repeat("é", MaxError)
	if got := Error(errors.New(long)); len(got) > MaxError || !strings.Contains(got, "…") || !utf8.ValidString(got) {
		t.Errorf("Error cut to %d bytes, valid %v: %q…", len(got), utf8.ValidString(got), got[:20])
	}
	// A long name first keeps neither its end nor the error's middle, but
	// the reason at the end stays.
	named := fmt.Errorf("plan.json: %q is listed twice in resource_changes", strings.Repeat("a", 4*MaxError))
	if got := Error(named); len(got) > MaxError || !strings.HasPrefix(got, "plan.json: \"aaa") || !strings.HasSuffix(got, "aaa\" is listed twice in resource_changes") {
		t.Errorf("Error cut to %d bytes: %q", len(got), got)
	}
	if got := Error(errors.New("short")); got != "short" {
		t.Errorf("Error(short) = %q", got)
	}
}
