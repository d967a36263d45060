package provider

import (
	"math"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// TestWholeNumberStrings: a number given as a string is read as Terraform
// converts it (big.ParseFloat, base 10), however long the string; its
// time is BenchmarkWholeNumberLong's.
func TestWholeNumberStrings(t *testing.T) {
	whole := func(s string) (int64, bool) { // Terraform's reading, whole
		f, _, err := big.ParseFloat(s, 10, 512, big.ToNearestEven)
		if err != nil || f.IsInf() || !f.IsInt() {
			return 0, false
		}
		n, _ := f.Int64()
		return n, true
	}
	// Past 2^53 (far past any limit judged) only the sign counts.
	huge := func(n int64) int64 { return max(-1<<53, min(1<<53, n)) }
	// Up to 100,000 characters, read whole, exactly as Terraform does:
	// rounded to 512 bits, a long fraction may be whole, and a long
	// string of zeros before a large exponent is a large number.
	for s, want := range map[string]int64{"1" + strings.Repeat("0", 160) + ".5": 1 << 62, strings.Repeat("0", 120) + "1e100000000": 1 << 62,
		"6" + "." + strings.Repeat("0", 200) + "1": 6} {
		if got, ok := wholeNumber(types.StringValue(s)); !ok || huge(got) != huge(want) {
			t.Errorf("%.12q… (%d bytes) = %d, %v; want %d", s, len(s), got, ok, want)
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	for range 5000 {
		s := pick("", "+", "-") + strings.Repeat("0", r.IntN(120)) + pick("", "8", "14", "128", "9007199254740993", "99999999999999999999") +
			pick("", ".", ".0", ".5", "."+strings.Repeat("0", r.IntN(120))+"1") + pick("", "e1", "e-1", "E+2", "p1", "x", "e")
		got, ok := wholeNumber(types.StringValue(s))
		want, wantOK := whole(s)
		if ok != wantOK || huge(got) != huge(want) {
			t.Fatalf("wholeNumber(%q) = %d, %v; Terraform reads %d, %v", s, got, ok, want, wantOK)
		}
	}
	// Longer, read exactly within int64 all the same: the AWS provider
	// sends a number's low 32 bits (round 182: 2^55 + 13 read as 2^55 + 16).
	for s, want := range map[string]int64{
		strings.Repeat("0", 10_000_000) + "14":                14,
		strings.Repeat("0", 100_001) + "36028797018963981":    36028797018963981,
		"1" + strings.Repeat("0", 10_000_000):                 math.MaxInt64,
		"-" + strings.Repeat("0", 100_001) + "4294967290.000": -4294967290,
	} {
		if got, ok := wholeNumber(types.StringValue(s)); !ok || got != want {
			t.Errorf("%.12q… (%d bytes) = %d, %v; want %d", s, len(s), got, ok, want)
		}
	}
	for _, s := range []string{"8." + strings.Repeat("0", 10_000_000) + "1", "13." + strings.Repeat("9", 200_000) + "p0"} {
		if n, ok := wholeNumber(types.StringValue(s)); ok {
			t.Errorf("%.12q… (%d bytes), no whole number, was read as %d", s, len(s), n)
		}
	}
}

// BenchmarkWholeNumberLong: ten million digits, which big.ParseFloat took
// three minutes over (round 158).
func BenchmarkWholeNumberLong(b *testing.B) {
	v := types.StringValue(strings.Repeat("7", 10_000_000))
	for b.Loop() {
		wholeNumber(v)
	}
}

// TestUntakenHint: the hint names the taken attribute nearest the first
// one not taken, one or two edits away, longer or shorter; of two as near,
// the first in name order, whatever the order of the map.
func TestUntakenHint(t *testing.T) {
	attrs := func(name string) map[string]attr.Value { return map[string]attr.Value{name: types.BoolValue(true)} }
	for _, c := range []struct {
		extra string
		taken []string
		hint  string
	}{
		{"lengths", []string{"length", "other"}, " (did you mean length?)"},
		{"lenth", []string{"length", "other"}, " (did you mean length?)"},
		{"lxngxhx", []string{"length"}, ""}, // three edits
		{"abc_z", []string{"abc_y", "abc_x", "abc_w2"}, " (did you mean abc_x?)"},
		{"length", []string{"length"}, ""},
	} {
		taken := map[string]bool{}
		for _, n := range c.taken {
			taken[n] = true
		}
		for range 20 { // map order varies from one call to the next
			found, hint := untaken(attrs(c.extra), taken)
			if found != (c.extra != "length") || hint != c.hint {
				t.Fatalf("%s among %v: %v, %q; want hint %q", c.extra, c.taken, found, hint, c.hint)
			}
		}
	}
}

// TestBooleanAndStringList: flags and lists read as Terraform converts
// them: "1" and "0" are booleans too; a list, set or tuple of strings is a
// list of strings, but not with a null or unknown element.
func TestBooleanAndStringList(t *testing.T) {
	for s, want := range map[string]bool{"true": true, "1": true, "false": false, "0": false} {
		if b, ok := boolean(types.StringValue(s)); !ok || b != want {
			t.Errorf("boolean(%q) = %v, %v; want %v", s, b, ok, want)
		}
	}
	for _, s := range []string{"True", "yes", "", "2"} {
		if _, ok := boolean(types.StringValue(s)); ok {
			t.Errorf("boolean(%q) was read", s)
		}
	}
	strs := []attr.Value{types.StringValue("a.example.com"), types.StringValue("b.example.com")}
	for name, v := range map[string]attr.Value{
		"list":  types.ListValueMust(types.StringType, strs),
		"set":   types.SetValueMust(types.StringType, strs),
		"tuple": types.TupleValueMust([]attr.Type{types.StringType, types.StringType}, strs),
	} {
		if got, ok := stringList(types.DynamicValue(v)); !ok || len(got) != 2 {
			t.Errorf("%s: %v, %v; want both", name, got, ok)
		}
	}
	for _, e := range []attr.Value{types.StringNull(), types.StringUnknown()} {
		if got, ok := stringList(types.ListValueMust(types.StringType, []attr.Value{strs[0], e})); ok {
			t.Errorf("a list with %v was read as %q", e, got)
		}
	}
}
