package quote

import "testing"

func TestPath(t *testing.T) {
	cases := map[string]string{
		"plan.json":           "plan.json",
		"dir with space/é.js": "dir with space/é.js",
		"a\nb.json":           `"a\nb.json"`,
		"x\x1b[31m.json":      `"x\x1b[31m.json"`,
		"tab\there":           `"tab\there"`,
		"del\x7f":             `"del\x7f"`,
		"c1\u0085":            `"c1\u0085"`,
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
	} {
		if got := NoCommands(in); got != want {
			t.Errorf("NoCommands(%q) = %s, want %s", in, got, want)
		}
	}
	if got := Path("##[error]\n.json"); got != `"##\x5berror]\n.json"` {
		t.Errorf("Path = %s", got)
	}
}
