package lint

import (
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// TestLongNumberStrings: a number in a long string is read as the whole
// string would be, judged as an int (exponents of more than 8 digits,
// which Terraform never plans, are unreadable). Its time, linear in its length, is
// BenchmarkLongNumber's: a million digits took 1.3 s parsed whole, 0.6 ms
// cut to their significant digits.
func TestLongNumberStrings(t *testing.T) {
	whole := func(v string) (int, bool) { // the whole string read exactly, for comparison
		b, _, err := big.ParseFloat(v, 10, 4096, big.ToNearestEven)
		if err != nil || b.IsInf() {
			return 0, false
		}
		if !b.IsInt() || fraction(v) {
			return 0, false // a fraction: no value of an integer attribute
		}
		n, _ := b.Int64() // the nearest past int64
		return int(n), true
	}
	r := rand.New(rand.NewPCG(1, 2))
	digits := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteByte(byte('0' + r.IntN(10)))
		}
		return b.String()
	}
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	for range 20000 {
		v := pick("", "+", "-") + strings.Repeat("0", r.IntN(150)) + pick("", digits(r.IntN(40)), "8") +
			pick("", ".", "."+strings.Repeat("0", r.IntN(120))+digits(r.IntN(80)), "."+strings.Repeat("9", r.IntN(120))) +
			pick("", "e"+pick("", "+", "-")+strings.Repeat("0", r.IntN(100))+digits(r.IntN(3)), "E1", "x", "e",
				"p"+pick("", "+", "-")+strings.Repeat("0", r.IntN(100))+digits(r.IntN(3)), "P3",
				"e"+pick("", "-")+pick("99999999", "9999999", digits(7)))
		got, ok := toInt(v)
		want, wantOK := whole(v)
		if got != want || ok != wantOK {
			t.Fatalf("toInt(%q) = %d, %v; the whole string reads %d, %v", v, got, ok, want, wantOK)
		}
	}
	// Powers of two (Terraform reads "6p0" as 6): a long whole part
	// scaled down, and a fraction with many leading zeros scaled up (to
	// 4.16: unreadable, as a fraction is).
	two1333 := new(big.Int).Lsh(big.NewInt(1), 1333).String()
	for v, readable := range map[string]bool{two1333 + "p-1330": true, "0." + strings.Repeat("0", 59) + "13p201": false, strings.Repeat("0", 120) + "6p0": true} {
		got, ok := toInt(v)
		if want, wantOK := whole(v); got != want || ok != wantOK || ok != readable {
			t.Errorf("toInt(%.30q…) = %d, %v; the whole string reads %d, %v", v, got, ok, want, wantOK)
		}
	}
	for v, want := range map[string]int{
		strings.Repeat("0", 1_000_000) + "14":                                    14,
		"1" + strings.Repeat("0", 1_000_000):                                     math.MaxInt64,
		"-" + strings.Repeat("9", 1_000_000):                                     math.MinInt64,
		strings.Repeat("0", 200) + "4294967302" + "." + strings.Repeat("0", 200): 4294967302,
		"9007199254740998":                                                       9007199254740998, // past 2^53, exact
		strings.Repeat("0", 200) + "1e" + strings.Repeat("0", 200) + "2":         100,
	} {
		got, ok := toInt(v)
		if !ok || got != want {
			t.Errorf("toInt(%.20q… %d bytes) = %d, %v; want %d", v, len(v), got, ok, want)
		}
	}
	// A fraction however small (float64 reads the first as 8, the second as 0).
	for _, v := range []string{strings.Repeat("1", 1_000_000) + "x", "1e" + strings.Repeat("9", 1_000_000), "1e-" + strings.Repeat("9", 1_000_000),
		"8." + strings.Repeat("0", 1_000_000) + "1", "0." + strings.Repeat("0", 1_000_000) + "1"} {
		if _, ok := toInt(v); ok {
			t.Errorf("%.20q… (%d bytes) was read as a number", v, len(v))
		}
	}
}

// fraction tells, exactly, whether a decimal literal is no whole number,
// another way than plan.Fractional: big.Rat, where the exponent is small
// enough for it; past it, the few fraction digits these literals have
// cannot matter.
func fraction(v string) bool {
	if strings.ContainsAny(v, "pP") {
		return false // a power of two: read as float64 reads it
	}
	mant, exp := v, ""
	if i := strings.IndexAny(v, "eE"); i >= 0 {
		mant, exp = v[:i], v[i+1:]
	}
	zero := strings.Trim(mant, "+-.0") == ""
	if e, err := strconv.Atoi(exp); exp != "" && (err != nil || e < -400 || e > 400) {
		return !zero && strings.HasPrefix(exp, "-")
	}
	r, ok := new(big.Rat).SetString(v)
	return ok && !r.IsInt()
}

func BenchmarkLongNumber(b *testing.B) {
	v := strings.Repeat("7", 1_000_000)
	for b.Loop() {
		toInt(v)
	}
}
