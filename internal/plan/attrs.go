package plan

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/iamguard/terraform-provider-iamguard/internal/quote"
)

// maxValue bounds one kept attribute's value (a certificate chain is the
// largest a rule reads); decoding it costs a small multiple of its size.
// maxKept bounds all kept values of a plan together, so that memory stays
// bounded whatever the plan holds.
// maxNested bounds the values nested in kept attributes (list elements and
// object members, as in a trail's event selectors) of a plan together:
// decoded, each costs tens to hundreds of bytes however few bytes of JSON
// it takes, so bytes alone do not bound memory. AWS itself allows a few
// hundred in a trail's selectors.
const (
	maxValue  = 1 << 20
	maxKept   = 48 << 20
	maxNested = 100_000
)

// keptValueCost is what a kept value costs beyond its bytes: its member of
// an Object, the box that holds it, and its share of the Object's spare
// room. maxKeptCost bounds the values' bytes and this cost together, so
// that many small values are bounded by what they take in memory, not by
// their bytes alone (round 299: 4 million values of two bytes, [], took
// 360 MB). A plan of 100,000 SSH keys, the most bytes kept of any plan
// shape measured, comes to 73 MiB.
const (
	keptValueCost = 48
	maxKeptCost   = 80 << 20
)

// errTooMuchKept is returned when the judged resources of a plan hold more
// than maxKept bytes of values.
var errTooMuchKept = fmt.Errorf("past %d MiB of judged values in all, the most iamguard reads", maxKept>>20)

// errTooManyKept is returned when they cost more than maxKeptCost,
// counting keptValueCost for each value.
var errTooManyKept = fmt.Errorf("past %d MiB of judged values in all, counting %d bytes more for each value, the most iamguard reads",
	maxKeptCost>>20, keptValueCost)

// errTooManyNested is returned when the kept attributes of a plan nest
// more than maxNested values.
var errTooManyNested = fmt.Errorf("past %d values nested in judged attributes in all, the most iamguard reads", maxNested)

// nestedValues counts the values nested in a JSON array or object: a
// container's first element, and one more after each comma.
func nestedValues(raw []byte) int {
	n, inString, escaped, opened := 0, false, false, false
	for _, c := range raw {
		if inString {
			if escaped {
				escaped = false
			} else if c == '\\' {
				escaped = true
			} else if c == '"' {
				inString = false
			}
			continue
		}
		if opened && c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			if opened = false; c != '}' && c != ']' {
				n++
			}
		}
		switch c {
		case '"':
			inString = true
		case '{', '[':
			opened = true
		case ',':
			n++
		}
	}
	return n
}

// releaseBytes gives back n bytes keepBytes counted, of a value let go or
// to be counted again as it is read.
func (rd *reader) releaseBytes(n int) {
	rd.keptBytes -= n
	rd.keptCost -= n
}

// keepBytes counts n more bytes of kept values against maxKept and
// maxKeptCost.
func (rd *reader) keepBytes(n int) error {
	rd.keptBytes += n
	rd.keptCost += n
	switch {
	case rd.keptBytes > maxKept:
		return errTooMuchKept
	case rd.keptCost > maxKeptCost:
		return errTooManyKept
	}
	return nil
}

// wanted holds the attributes to keep of a type, each name mapped to the
// one copy of it that every kept object shares, whether only a null is
// kept of it (see NullOnly), and how many of the type's attributes keep
// their values: a side's capacity.
type wanted map[string]wantedAttr

type wantedAttr struct {
	name     string
	nullOnly bool
	values   int
}

// NullOnly marks a name in an Attributes list: of that attribute only a
// null is kept (absent, the value was not null, or the plan omits it), and
// only in a side of values, never its value itself, as for a secret whose
// absence from state is all a rule asks. An object that does not show it
// costs nothing more.
func NullOnly(name string) string { return nullOnlyPrefix + name }

// nullOnlyPrefix cannot begin an attribute name (an identifier).
const nullOnlyPrefix = "?"

// wantedRaw gives the attributes to keep for a raw JSON type string, nil
// for all of them (no Attributes option, or an empty list).
func (rd *reader) wantedRaw(typ []byte) wanted {
	if rd.attrs == nil || len(typ) == 0 {
		return nil
	}
	if w, ok := rd.wanted[string(typ)]; ok {
		return w
	}
	var t string
	var w wanted
	if decodeString(typ, &t) == nil {
		if names := rd.attrs(t); len(names) > 0 {
			w = make(wanted, len(names))
			values := 0
			for _, n := range names {
				if !strings.HasPrefix(n, nullOnlyPrefix) {
					values++
				}
			}
			for _, n := range names {
				base, nullOnly := strings.CutPrefix(n, nullOnlyPrefix)
				w[base] = wantedAttr{base, nullOnly, values}
			}
		}
	}
	if len(rd.wanted) < 1024 { // bounded whatever the input holds
		rd.wanted[string(typ)] = w
	}
	return w
}

// changeBody reads a change object, keeping of each side only the wanted
// attributes.
func (rd *reader) changeBody(c *Change, want wanted) error {
	s := rd.s
	return s.object("change", func(key []byte) error {
		if err := s.spelled("change", key); err != nil {
			return err
		}
		switch string(key) {
		case "actions":
			raw, err := s.capture(rd.scratch[:0], maxString)
			rd.scratch = raw
			if err != nil {
				return err
			}
			return rd.actions(raw, &c.Actions)
		case "before":
			return rd.side(&c.Before, want, false)
		case "after":
			if rd.section != "" {
				return s.skip() // drift's after is the object as it is now, which the plan holds
			}
			err := rd.side(&c.After, want, false)
			if sameScalars(c.Before, c.After) {
				c.After = c.Before // most changes leave most objects alone: keep one copy
			}
			return err
		case "after_unknown":
			if rd.section != "" {
				return s.skip()
			}
			return rd.side(&c.AfterUnknown, want, true)
		case "before_sensitive":
			return rd.side(&c.BeforeSensitive, want, true)
		case "after_sensitive":
			return rd.side(&c.AfterSensitive, want, true)
		}
		return s.skip()
	})
}

// checkSpelled refuses a change, held whole, that spells a field otherwise
// than Terraform (see spelled), as changeBody does: it is read by
// encoding/json, which would take such a key for the field.
func (rd *reader) checkSpelled(raw []byte) error {
	return rd.within(raw, func() error {
		s := rd.s
		return s.object("change", func(key []byte) error {
			if err := s.spelled("change", key); err != nil {
				return err
			}
			return s.skip()
		})
	})
}

// actions decodes a change's action list. The few lists a plan holds are
// decoded once each and shared; nothing changes a decoded list. A change
// that gives "actions" twice has the last, as JSON readers see it: the
// second is decoded into a list of its own, never into the shared first.
func (rd *reader) actions(raw []byte, dst *tfjson.Actions) error {
	if a, ok := rd.actionLists[string(raw)]; ok {
		*dst = a
		return nil
	}
	var a tfjson.Actions
	if err := json.Unmarshal(raw, &a); err != nil {
		return errors.New("actions: expected a list of action names")
	}
	if err := checkActions(a); err != nil {
		return err
	}
	if *dst = a; len(rd.actionLists) < 64 { // bounded whatever the input holds
		rd.actionLists[string(raw)] = a
	}
	return nil
}

// checkActions refuses an action list the JSON plan format does not have:
// one action (OpenTofu's "open" of an ephemeral resource among them), or a
// create paired with the delete or forget of the object it replaces, in
// either order. ["delete", "delete"] would otherwise be judged as some
// update.
func checkActions(a tfjson.Actions) error {
	switch {
	case len(a) == 1 && slices.Contains(tfjson.Actions{tfjson.ActionNoop, tfjson.ActionCreate, tfjson.ActionRead, tfjson.ActionUpdate,
		tfjson.ActionDelete, tfjson.ActionForget, "open"}, a[0]):
		return nil
	case len(a) == 2 && (a[0] == tfjson.ActionCreate) != (a[1] == tfjson.ActionCreate) &&
		slices.ContainsFunc(a, func(x tfjson.Action) bool { return x == tfjson.ActionDelete || x == tfjson.ActionForget }):
		return nil
	}
	return fmt.Errorf("actions %s: no action list of the plan format", quote.Middle(fmt.Sprintf("%q", []tfjson.Action(a)), 200))
}

// checkSides refuses a change without the side its actions need: Terraform
// writes the object it changes (before) for every action but a create, and
// the object it plans (after) for every action but a delete or forget. An
// update without its before side would be judged with no status to compare
// (round 120).
//
// A read or open is of a data source or an ephemeral resource, which are
// not kept: one of a managed resource is hand-made, and needs both sides
// as a no-op does (round 122).
func checkSides(c *Change) error {
	a := c.Actions
	switch {
	case c.Before == nil && !a.Create():
		return fmt.Errorf("actions %q with a null before; Terraform writes the object it changes", []tfjson.Action(a))
	case c.After == nil && c.AfterUnknown != true && !a.Delete() && !a.Forget(): // true: wholly unknown
		return fmt.Errorf("actions %q with a null after; Terraform writes the object it plans", []tfjson.Action(a))
	}
	return nil
}

// side reads one side of a change: an Object of the wanted attributes, or
// a plain value (null, or true for a wholly unknown or sensitive object).
// A side of marks (after_unknown, *_sensitive) keeps only the attributes
// whose mark is not false: a false mark says nothing.
func (rd *reader) side(dst *any, want wanted, marks bool) error {
	if c, ok := rd.s.peek(); ok && c == '{' {
		o, err := rd.object(want, marks)
		if *dst = o; len(o) == 0 {
			*dst = noSide
		}
		return err
	}
	v, err := rd.value()
	*dst = v
	return err
}

// noAttributes stands for an object none of whose attributes is kept, so
// that each such object costs nothing of its own. Nothing writes to it.
var noAttributes = Object{}

// noSide is noAttributes as a side's value, boxed once.
var noSide any = noAttributes

// object reads an object of attributes, keeping only the wanted (and with
// marks, only those not false), in the order read. A name given twice keeps
// its last value, as encoding/json does.
func (rd *reader) object(want wanted, marks bool) (Object, error) {
	s := rd.s
	var o Object
	err := s.object("attributes", func(key []byte) error {
		a, ok := want[string(key)]
		if !ok {
			return s.skip()
		}
		if c, _ := s.peek(); a.nullOnly && (marks || c != 'n') {
			// Not a null: never read, and a null given before it is
			// replaced, as a later value replaces an earlier one.
			o = slices.DeleteFunc(o, func(m Member) bool { return m.Name == a.name })
			return s.skip()
		}
		name := a.name
		v, err := rd.value()
		if err != nil {
			return err
		}
		if marks && v == false {
			v = nil
		}
		for i := range o {
			if o[i].Name == name {
				o[i].Value = v
				return nil
			}
		}
		if marks && v == nil {
			return nil
		}
		if o == nil && !marks {
			o = make(Object, 0, a.values) // a side of values has most of them
		}
		o = append(o, Member{name, v})
		return nil
	})
	if len(o) == 0 {
		o = noAttributes
	}
	return o, err
}

// value decodes the next value, with quick paths for the plain scalars
// most attributes hold.
func (rd *reader) value() (any, error) {
	raw, err := rd.s.capture(rd.scratch[:0], maxValue)
	rd.scratch = raw
	if err == nil {
		rd.keptCost += keptValueCost
		err = rd.keepBytes(len(raw))
	}
	if err != nil {
		return nil, err
	}
	switch {
	case len(raw) == 0:
		return nil, errors.New("expected a value, found nothing")
	case string(raw) == "null":
		return nil, nil
	case string(raw) == "true":
		return true, nil
	case string(raw) == "false":
		return false, nil
	case raw[0] == '"' && raw[len(raw)-1] == '"' && len(raw) >= 2 && !hasEscape(raw):
		return rd.boxString(raw[1 : len(raw)-1]), nil
	case raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9':
		if !json.Valid(raw) { // strconv takes more than JSON's numbers (0x1p4, 1_0)
			return nil, errors.New("invalid number") // its text may be a secret: not shown
		}
		return number(raw), nil
	}
	if rd.nested += nestedValues(raw); rd.nested > maxNested {
		return nil, errTooManyNested
	}
	var v any
	if err := decodeNumbers(raw, &v); err != nil {
		return nil, jsonErr(err)
	}
	return numbers(v), nil
}

// decodeNumbers decodes raw, one value the scanner captured, as
// json.Unmarshal does, but keeping its numbers as text (json.Number), for
// numbers to read.
func decodeNumbers(raw []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	return d.Decode(v)
}

// number reads a JSON number literal: a float64 when it is a whole number
// of at most 15 digits, which float64 holds exactly, else its text
// (json.Number), which each reader reads as it needs: exactly
// (ParseWhole: the AWS provider sends the low 32 bits of a password
// policy's numbers, and 2^53 + 1 is 2^53 in float64), as a float
// (ParseNumber: strconv caps a long literal's exponent, so 0.<a million
// zeros>14e1000002, which is 14, was 0), or as cty's text (NumberText).
func number(raw []byte) any {
	digits := bytes.TrimPrefix(raw, []byte("-"))
	if len(digits) <= 15 && !bytes.ContainsAny(digits, ".eE") {
		f, _ := strconv.ParseFloat(string(raw), 64)
		return f
	}
	return json.Number(raw)
}

// NumberText is cty's text of a JSON number literal: what Terraform makes
// of a number where a string belongs (read at 512 bits, written with 'f').
// ok is false for a literal past 1,000 characters or a value past 10^1000,
// whose text costs too much to write (1e99999999 is a hundred million
// digits): no string an attribute the rules read could hold.
func NumberText(lit string) (string, bool) {
	if len(strings.TrimPrefix(lit, "-")) <= 150 && !strings.ContainsAny(lit, ".eE") {
		return lit, true // a whole number 512 bits hold exactly
	}
	if text, ok := shortText(lit); ok {
		return text, true
	}
	if len(lit) > 1000 {
		return "", false
	}
	b, _, err := big.ParseFloat(lit, 10, 512, big.ToNearestEven)
	if err != nil || b.IsInf() {
		return "", false
	}
	if exp := b.MantExp(nil); exp > 3320 || exp < -3320 { // 2^3320 is about 10^1000
		return "", false
	}
	return b.Text('f', -1), true
}

// shortText is NumberText for a short literal of at most 15 significant
// digits and a modest magnitude, without big.Float (round 185: 20 µs a
// number, minutes for a plan of millions): float64 holds its value closely
// enough that the shortest text of each, float64's and cty's 512 bits', is
// the same decimal.
func shortText(lit string) (string, bool) {
	if len(lit) > 24 {
		return "", false
	}
	sig := 0 // the mantissa's digits from the first that is not 0
	for i := 0; i < len(lit) && lit[i] != 'e' && lit[i] != 'E'; i++ {
		if c := lit[i]; c >= '1' && c <= '9' || c == '0' && sig > 0 {
			sig++
		}
	}
	f, err := strconv.ParseFloat(lit, 64)
	if err != nil || sig > 15 || (f == 0) != (sig == 0) || f != 0 && (math.Abs(f) < 1e-300 || math.Abs(f) > 1e300) {
		return "", false
	}
	return strconv.FormatFloat(f, 'f', -1, 64), true
}

// numbers reads the numbers of a decoded value (json.Number) as number
// does, in place.
func numbers(v any) any {
	switch x := v.(type) {
	case json.Number:
		return number([]byte(x))
	case map[string]any:
		for k, e := range x {
			x[k] = numbers(e)
		}
	case []any:
		for i, e := range x {
			x[i] = numbers(e)
		}
	}
	return v
}

// within reads with read from the captured bytes raw, as if they were
// the input, and then goes on with the input.
func (rd *reader) within(raw []byte, read func() error) error {
	outer := rd.s
	rd.s = &scanner{r: eof{}, buf: raw, end: len(raw)}
	defer func() { rd.s = outer }()
	if err := read(); err != nil {
		return err
	}
	if _, more := rd.s.peek(); more {
		return rd.s.errorf("unexpected data after the value")
	}
	return nil
}

// boxString boxes a string value. Short values repeat across resources (a key's
// status, a creation date, a user's name on each of its keys), so the
// first few hundred distinct ones are boxed once and shared, and so are
// the last few others (the keys of one user come together).
func (rd *reader) boxString(b []byte) any {
	if len(b) > 40 {
		return string(b)
	}
	if v, ok := rd.strs[string(b)]; ok {
		return v
	}
	for _, v := range rd.recentStrs {
		if s, _ := v.(string); s == string(b) && v != nil {
			return v
		}
	}
	var v any = string(b)
	if len(rd.strs) < 512 { // bounded whatever the input holds
		rd.strs[string(b)] = v
	} else {
		rd.recentStrs[rd.recentNext%len(rd.recentStrs)] = v
		rd.recentNext++
	}
	return v
}

// prune keeps of a side decoded by decodeNumbers only the wanted
// attributes (all of them when want is nil, and of a NullOnly one only a
// null in a side of values), as an Object.
func prune(side any, want wanted, marks bool) any {
	side = numbers(side) // decoded by decodeNumbers
	m, ok := side.(map[string]any)
	if ok && want != nil {
		for k, v := range m {
			if a, ok := want[k]; !ok || a.nullOnly && (marks || v != nil) {
				delete(m, k)
			}
		}
	}
	return ObjectOf(side)
}

// ParseNumber reads a number from a string as Terraform converts one (cty: base
// 10, so "08" and "+8" but not hex or underscores); an infinity is no whole
// number the provider could take. Parsing a long string of digits costs
// time growing with the square of its length, so a long one is first cut
// to its first 40 significant digits, which hold more than float64 does.
func ParseNumber(v string) (float64, bool) {
	if len(v) > 100 {
		return longNumber(v)
	}
	b, _, err := big.ParseFloat(v, 10, 64, big.ToNearestEven)
	if err != nil || b.IsInf() {
		return 0, false
	}
	f, _ := b.Float64()
	return f, true
}

// literal is a number's text taken apart: ±0.sig × 10^mag, times 2^pow
// when binary. sig has no leading zeros; "" is zero.
type literal struct {
	neg    bool
	sig    string
	mag    int
	binary bool
	pow    int
}

// splitLiteral takes apart [+-]digits[.digits][(e|p)[+-]digits], p a power
// of two as big.ParseFloat reads it, in time linear in its length. An
// exponent of more than 8 digits is refused, as big.ParseFloat refuses most
// of them (past int32, or a value past big.Float's range, 2^MaxInt32): no
// number a provider takes.
func splitLiteral(v string) (literal, bool) {
	var l literal
	if v != "" && (v[0] == '+' || v[0] == '-') {
		l.neg = v[0] == '-'
		v = v[1:]
	}
	n := leadingDigits(v)
	intPart, frac, exp := v[:n], "", ""
	v = v[n:]
	if strings.HasPrefix(v, ".") {
		n = leadingDigits(v[1:])
		frac, v = v[1:1+n], v[1+n:]
	}
	expSign := ""
	if v != "" && (v[0] == 'e' || v[0] == 'E' || v[0] == 'p' || v[0] == 'P') {
		l.binary = v[0] == 'p' || v[0] == 'P'
		v = v[1:]
		if v != "" && (v[0] == '+' || v[0] == '-') {
			if v[0] == '-' {
				expSign = "-"
			}
			v = v[1:]
		}
		n = leadingDigits(v)
		if n == 0 {
			return l, false
		}
		exp, v = strings.TrimLeft(v[:n], "0"), v[n:]
	}
	if v != "" || intPart == "" && frac == "" {
		return l, false
	}
	all := intPart + frac
	if l.sig = strings.TrimLeft(all, "0"); l.sig == "" {
		return l, true // zero, whatever its exponent
	}
	e, err := strconv.ParseInt(expSign+"0"+exp, 10, 32)
	if err != nil || e <= -1e8 || e >= 1e8 {
		return l, false
	}
	l.mag = len(intPart) - (len(all) - len(l.sig))
	if l.binary {
		l.pow = int(e)
	} else {
		l.mag += int(e)
	}
	return l, true
}

// longNumber is ParseNumber for a long string.
func longNumber(v string) (float64, bool) {
	const sigDigits, maxMag = 40, 30 // 1e30 is past any whole number judged; a fraction is kept
	l, ok := splitLiteral(v)
	if !ok {
		return 0, false
	}
	if l.sig == "" {
		return 0, true
	}
	sign := 1.0
	if l.neg {
		sign = -1
	}
	if l.binary {
		// Times a power of two: the significant digits, read with their
		// power of ten, then scaled.
		m, _, err := big.ParseFloat("0."+l.sig[:min(len(l.sig), sigDigits)]+"e"+strconv.Itoa(l.mag), 10, 64, big.ToNearestEven)
		if err != nil {
			return 0, false
		}
		if m.SetMantExp(m, l.pow); m.IsInf() {
			return 0, false
		}
		f, _ := m.Float64()
		return sign * f, true
	}
	switch {
	case l.mag > maxMag:
		return math.Copysign(math.MaxFloat64, sign), true
	case l.mag < -400: // past float64's smallest, as parsing it whole finds
		return 0, true
	}
	f, err := strconv.ParseFloat("0."+l.sig[:min(len(l.sig), sigDigits)]+"e"+strconv.Itoa(l.mag), 64)
	return sign * f, err == nil
}

// ParseWhole reads a whole number from a string as ParseNumber does, but
// exactly within int64 (float64 holds whole numbers exactly only up to
// 2^53), saturating past it, in time linear in its length. ok is false for
// a fraction or no number.
func ParseWhole(v string) (n int64, ok bool) {
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		return n, true
	}
	if Fractional(v) {
		return 0, false
	}
	l, ok := splitLiteral(v)
	switch {
	case !ok:
		return 0, false
	case l.binary && len(v) <= 10_000:
		// Times a power of two, which Fractional cannot tell whole: read
		// whole at a precision far past int64's (10,000 characters at
		// most, which take a millisecond).
		b, _, err := big.ParseFloat(v, 10, 4096, big.ToNearestEven)
		if err != nil || b.IsInf() || !b.IsInt() {
			return 0, false
		}
		n, _ := b.Int64() // the nearest past int64
		return n, true
	case l.binary:
		// Longer: not read, rather than read to float64's precision, whose
		// low bits are not the number's (round 182).
		return 0, false
	case l.sig == "":
		return 0, true
	case l.mag <= 0: // below one, yet not a fraction: cannot be
		return 0, false
	}
	if l.mag <= 19 { // else past int64
		digits := l.sig[:min(len(l.sig), l.mag)] + strings.Repeat("0", max(0, l.mag-len(l.sig)))
		if l.neg {
			digits = "-" + digits
		}
		if n, err := strconv.ParseInt(digits, 10, 64); err == nil {
			return n, true
		}
	}
	if l.neg {
		return math.MinInt64, true
	}
	return math.MaxInt64, true
}

// leadingDigits counts the decimal digits s starts with.
func leadingDigits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// Fractional reports whether a decimal number literal,
// [+-]digits[.digits][(e|E)[+-]digits] as JSON and Terraform write them,
// is not a whole number, exactly: float64 reads 13.99999999999999999 as
// 14. Any other text gives false.
func Fractional(lit string) bool {
	lit = strings.TrimLeft(lit, "+-")
	mant, exp := lit, ""
	if i := strings.IndexAny(lit, "eE"); i >= 0 {
		mant, exp = lit[:i], lit[i+1:]
	}
	whole, frac, _ := strings.Cut(mant, ".")
	digits := whole + frac
	if digits == "" || strings.Trim(digits, "0123456789") != "" {
		return false
	}
	zeros := len(digits) - len(strings.TrimRight(digits, "0"))
	if zeros == len(digits) {
		return false // zero
	}
	// The value is digits × 10^(e - len(frac)): whole when the power,
	// with the trailing zeros, is not negative.
	e, neg := 0, strings.HasPrefix(exp, "-")
	exp = strings.TrimLeft(exp, "+-")
	if strings.Trim(exp, "0123456789") != "" {
		return false
	}
	for _, c := range strings.TrimLeft(exp, "0") {
		if e = e*10 + int(c-'0'); e > 1<<30 {
			break // far past any literal's digits
		}
	}
	if neg {
		e = -e
	}
	return e-len(frac)+zeros < 0
}
