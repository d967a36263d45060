package lint

import "testing"

// TestUserIndex: each spelling of an instance key, the empty for_each key
// too (round 171: [""] panicked).
func TestUserIndex(t *testing.T) {
	for index, want := range map[string]string{`[""]`: `[""]`, `["1"]`: "[1]", "[01]": "[1]", `["a"]`: `["a"]`, `["01"]`: `["01"]`} {
		if key, _, ok := userIndex(index); !ok || key != want {
			t.Errorf("userIndex(%s) = %q, %v; want %q", index, key, ok, want)
		}
	}
}
