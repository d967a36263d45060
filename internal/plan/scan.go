package plan

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"
)

// The scanner reads JSON from a stream through a fixed buffer. Values the
// linter needs are captured as raw bytes (bounded) and decoded with
// encoding/json; everything else is skipped without being built. Skipping
// checks the grammar token by token (brackets, commas, colons, numbers,
// literals, strings' escapes and control characters, nesting depth), as
// encoding/json's Valid does; captured values are validated in full when
// decoded.

const (
	bufSize  = 256 << 10
	maxDepth = 10000
)

// SyntaxError reports malformed input and where it was found.
type SyntaxError struct {
	Offset int64
	Msg    string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("invalid JSON at byte %d: %s", e.Offset, e.Msg)
}

// tooLarge is the error for a value longer than the limit that applied.
type tooLarge struct{ limit int }

func (e *tooLarge) Error() string {
	if e.limit >= 1<<20 {
		return fmt.Sprintf("larger than iamguard reads (%d MiB)", e.limit>>20)
	}
	return fmt.Sprintf("larger than iamguard reads (%d KiB)", e.limit>>10)
}

type scanner struct {
	r     io.Reader
	buf   []byte
	pos   int
	end   int
	base  int64 // input offset of buf[0]
	rerr  error // sticky read error (io.EOF at end)
	depth int
	trues int // the true literals skipped (see reader.skipMarks)

	capturing bool
	capStart  int
	capMax    int
	capDst    []byte

	closers []byte // expected closing brackets while skipping
	key     []byte // last object key read, reused
	keyCut  bool   // key was longer than maxKey, and cut

	lines   int // newlines in the input before buf[linePos]
	linePos int

	// The keys of the objects being read (see unique): the first few of
	// each end to end, ends[i] ending key i in keys; the others' hashes.
	keys   []byte
	ends   []int32
	hashes []uint64
	// keysOutside counts the keys held by objects this scanner is within
	// but does not read (see readHeld).
	keysOutside int
}

// keysHeld is what the keys held count against maxHeldKeys.
func (s *scanner) keysHeld() int {
	return s.keysOutside + len(s.keys) + 4*len(s.ends) + 8*len(s.hashes)
}

// maxHeldKeys bounds the keys that the objects being read hold to refuse
// one given twice (see unique), all together: an object of millions of
// keys, or many such objects within each other, is refused rather than
// held. Terraform writes objects of a few keys, and maps of at most
// thousands (module calls, variables).
const maxHeldKeys = 16 << 20

func newScanner(r io.Reader) *scanner {
	return &scanner{r: r, buf: make([]byte, bufSize), closers: make([]byte, 0, 64)}
}

func (s *scanner) offset() int64 { return s.base + int64(s.pos) }

var newline = []byte{'\n'}

// line returns the 1-based line of the current position. Counting from the
// last call keeps the total cost linear in the input.
func (s *scanner) line() int {
	s.lines += bytes.Count(s.buf[s.linePos:s.pos], newline)
	s.linePos = s.pos
	return s.lines + 1
}

func (s *scanner) errorf(format string, args ...any) error {
	return &SyntaxError{Offset: s.offset(), Msg: fmt.Sprintf(format, args...)}
}

// fill reads more input once the buffer is consumed. It reports false at the
// end of input or on a read error (kept in s.rerr).
func (s *scanner) fill() bool {
	if s.rerr != nil {
		return false
	}
	if s.capturing {
		s.capDst = append(s.capDst, s.buf[s.capStart:s.end]...)
		s.capStart = 0
		if len(s.capDst) > s.capMax {
			s.rerr = &tooLarge{s.capMax}
			return false
		}
	}
	s.lines += bytes.Count(s.buf[s.linePos:s.end], newline)
	s.base += int64(s.end)
	s.pos, s.end, s.linePos = 0, 0, 0
	for {
		n, err := s.r.Read(s.buf)
		s.end = n
		if n > 0 {
			return true
		}
		if err != nil {
			s.rerr = err
			return false
		}
	}
}

// eofError turns running out of input into the right error.
func (s *scanner) eofError(what string) error {
	switch {
	case isTooLarge(s.rerr):
		return s.rerr
	case s.rerr != nil && s.rerr != io.EOF:
		return s.rerr
	}
	return s.errorf("unexpected end of input %s", what)
}

// peek skips white space and returns the next byte without consuming it.
func (s *scanner) peek() (byte, bool) {
	for {
		for s.pos < s.end {
			switch c := s.buf[s.pos]; c {
			case ' ', '\t', '\n', '\r':
				s.pos++
			default:
				return c, true
			}
		}
		if !s.fill() {
			return 0, false
		}
	}
}

func (s *scanner) consume(want byte, what string) error {
	c, ok := s.peek()
	if !ok {
		return s.eofError(what)
	}
	if c != want {
		return s.errorf("expected %q %s, found %s", want, what, describe(c))
	}
	s.pos++
	return nil
}

func describe(c byte) string {
	switch {
	case c == '{':
		return "an object"
	case c == '[':
		return "an array"
	case c == '"':
		return "a string"
	case c == '-' || (c >= '0' && c <= '9'):
		return "a number"
	case c == 't' || c == 'f':
		return "a boolean"
	case c == 'n':
		return "null"
	case c >= 0x20 && c < 0x7f:
		return fmt.Sprintf("%q", c)
	}
	return fmt.Sprintf("byte 0x%02x", c)
}

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// quoteOrEscape marks the bytes of w, read little-endian, that may be a
// quote, a backslash or a control character (below 0x20, which no JSON
// string holds as it is): the lowest byte marked is the first such byte,
// if any (bytes above it may be marked wrongly).
func quoteOrEscape(w uint64) uint64 {
	q, e := w^(ones*'"'), w^(ones*'\\')
	return ((q-ones)&^q | (e-ones)&^e | (w-ones*0x20)&^w) & highs
}

// controlIndex returns the index of the first control character in b, or
// -1.
func controlIndex(b []byte) int {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if w := binary.LittleEndian.Uint64(b[i:]); (w-ones*0x20)&^w&highs != 0 {
			break
		}
	}
	for ; i < len(b); i++ {
		if b[i] < 0x20 {
			return i
		}
	}
	return -1
}

// simpleEscape marks the bytes that may follow a backslash in a JSON
// string, but for u, which four hex digits follow.
var simpleEscape = [256]bool{'"': true, '\\': true, '/': true, 'b': true, 'f': true, 'n': true, 'r': true, 't': true}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// plainEnd returns the index of the quote that ends a string of b without
// escapes or control characters, or -1: for one with either, or not ended
// within b.
func plainEnd(b []byte) int {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if m := quoteOrEscape(binary.LittleEndian.Uint64(b[i:])); m != 0 {
			i += bits.TrailingZeros64(m) >> 3
			if b[i] == '"' {
				return i
			}
			return -1
		}
	}
	for ; i < len(b); i++ {
		switch c := b[i]; {
		case c == '"':
			return i
		case c == '\\' || c < 0x20:
			return -1
		}
	}
	return -1
}

// skipString consumes a string whose opening quote is at s.pos, checking
// its escapes and that it holds no control character as it is.
func (s *scanner) skipString() error {
	s.pos++
	// Most strings in a plan are short and plain: finish them in place
	// before paying for the general search.
	if q := plainEnd(s.buf[s.pos:min(s.pos+64, s.end)]); q >= 0 {
		s.pos += q + 1
		return nil
	}
	// The quote found in the buffer (s.end for none) is kept while the
	// escapes before it are passed: searched for again after each one, a
	// string dense with escapes would cost the buffer's length each.
	escaped, hex, quote := false, 0, -1
	for {
		for ; hex > 0 && s.pos < s.end; hex-- {
			if !isHex(s.buf[s.pos]) {
				return s.errorf("invalid escape in a string: \\u takes four hex digits")
			}
			s.pos++
		}
		if escaped && s.pos < s.end {
			switch c := s.buf[s.pos]; {
			case c == 'u':
				hex = 4
			case !simpleEscape[c]:
				return s.errorf("invalid escape in a string: \\ before %s", describe(c))
			}
			s.pos++ // the escaped byte, a quote perhaps
			escaped = false
			continue
		}
		if !escaped && hex == 0 {
			if quote < s.pos {
				quote = bytes.IndexByte(s.buf[s.pos:s.end], '"')
				if quote < 0 {
					quote = s.end - s.pos
				}
				quote += s.pos
			}
			stop := quote
			bs := bytes.IndexByte(s.buf[s.pos:quote], '\\')
			if bs >= 0 {
				stop = s.pos + bs
			}
			if i := controlIndex(s.buf[s.pos:stop]); i >= 0 {
				s.pos += i
				return s.errorf("%s inside a string", describe(s.buf[s.pos]))
			}
			if bs >= 0 {
				s.pos = stop + 1
				escaped = true
				continue
			}
			if quote < s.end {
				s.pos = quote + 1
				return nil
			}
			s.pos = s.end
		}
		quote = -1 // the buffer is read anew
		if !s.fill() {
			return s.eofError("inside a string")
		}
	}
}

// skip consumes one value of any kind.
func (s *scanner) skip() error {
	c, ok := s.peek()
	if !ok {
		return s.eofError("where a value was expected")
	}
	switch c {
	case '"':
		return s.skipString()
	case '{', '[':
		return s.skipContainer()
	case '}', ']', ',', ':':
		return s.errorf("expected a value, found %s", describe(c))
	}
	return s.skipScalar()
}

// skipScalar consumes a number, true, false or null, checking it is one
// ("1e", "tru" and "01" were taken as values where nothing is judged).
func (s *scanner) skipScalar() error {
	var literal string
	switch s.buf[s.pos] {
	case 't':
		literal = "true"
		s.trues++
	case 'f':
		literal = "false"
	case 'n':
		literal = "null"
	default:
		return s.skipNumber()
	}
	for i := 0; i < len(literal); i++ {
		if s.pos == s.end && !s.fill() {
			return s.eofError("inside " + literal)
		}
		if s.buf[s.pos] != literal[i] {
			return s.errorf("expected a value, found %s", describe(s.buf[s.pos]))
		}
		s.pos++
	}
	return nil
}

// The states of a number as skipNumber reads it (see numberNext).
const (
	numStart   = iota // nothing yet
	numMinus          // -
	numZero           // a leading 0: no digit may follow
	numInt            // 1-9 and digits
	numDot            // .
	numFrac           // . and digits
	numE              // e or E
	numExpSign        // e and a sign
	numExp            // e and digits
	numEnd            // a byte that ends a complete number
	numBad            // a byte no number has there
)

// numberNext is the state after each state and byte.
var numberNext = func() (t [numEnd][256]uint8) {
	for st := range t {
		for c := range t[st] {
			t[st][c] = numBad
		}
	}
	digits := func(st, next uint8, from byte) {
		for c := from; c <= '9'; c++ {
			t[st][c] = next
		}
	}
	t[numStart]['-'] = numMinus
	for _, st := range []uint8{numStart, numMinus} {
		t[st]['0'] = numZero
		digits(st, numInt, '1')
	}
	digits(numInt, numInt, '0')
	digits(numDot, numFrac, '0')
	digits(numFrac, numFrac, '0')
	digits(numE, numExp, '0')
	digits(numExpSign, numExp, '0')
	digits(numExp, numExp, '0')
	t[numE]['+'], t[numE]['-'] = numExpSign, numExpSign
	t[numZero]['.'], t[numInt]['.'] = numDot, numDot
	for _, st := range []uint8{numZero, numInt, numFrac} {
		t[st]['e'], t[st]['E'] = numE, numE
	}
	for _, st := range []uint8{numZero, numInt, numFrac, numExp} { // complete: what no number holds ends it
		for _, c := range []byte(" \t\r\n,]}:\"{[") {
			t[st][c] = numEnd
		}
	}
	return t
}()

// skipNumber consumes a number, checking its grammar as JSON's.
func (s *scanner) skipNumber() error {
	st := uint8(numStart)
	for {
		for s.pos < s.end {
			next := numberNext[st][s.buf[s.pos]]
			switch next {
			case numEnd:
				return nil // the caller checks what follows
			case numBad:
				return s.errorf("expected a value, found %s", describe(s.buf[s.pos]))
			}
			st = next
			s.pos++
		}
		if !s.fill() {
			if s.rerr == io.EOF && (st == numZero || st == numInt || st == numFrac || st == numExp) {
				return nil // a number may end the input; the caller checks what follows
			}
			return s.eofError("inside a number")
		}
	}
}

// What skipContainer expects next, outside strings.
const (
	expectValue        = iota // a value: after ':', or ',' in an array
	expectValueOrClose        // a value or ']': after '['
	expectKey                 // a key: after ',' in an object
	expectKeyOrClose          // a key or '}': after '{'
	expectColon               // ':' after a key
	expectCommaOrClose        // ',' or the closing bracket, after a value
)

// The classes of bytes that begin a token, for skipContainer.
const (
	tokScalar = iota // a number or literal, or no JSON
	tokSpace
	tokString
	tokOpen
	tokClose
	tokColon
	tokComma
)

var tokenClass = [256]uint8{' ': tokSpace, '\t': tokSpace, '\n': tokSpace, '\r': tokSpace, '"': tokString,
	'{': tokOpen, '[': tokOpen, '}': tokClose, ']': tokClose, ':': tokColon, ',': tokComma}

// skipContainer consumes an object or array, checking its grammar token by
// token (strings with skipString), without building anything.
func (s *scanner) skipContainer() error {
	s.closers = s.closers[:0]
	expect := expectValue
	for {
		for s.pos < s.end {
			c := s.buf[s.pos]
			switch tokenClass[c] {
			case tokSpace:
				s.pos++
				continue
			case tokString:
				switch expect {
				case expectKey, expectKeyOrClose:
					expect = expectColon
				case expectValue, expectValueOrClose:
					expect = expectCommaOrClose
				default:
					return s.errorf("expected %s, found a string", s.expected(expect))
				}
				if err := s.skipString(); err != nil {
					return err
				}
				continue
			case tokOpen:
				if expect != expectValue && expect != expectValueOrClose {
					return s.errorf("expected %s, found %s", s.expected(expect), describe(c))
				}
				if s.depth+len(s.closers) >= maxDepth {
					return s.errorf("nesting deeper than %d levels", maxDepth)
				}
				s.closers = append(s.closers, c+2) // '{'+2 == '}', '['+2 == ']'
				expect = expectValueOrClose
				if c == '{' {
					expect = expectKeyOrClose
				}
			case tokClose:
				n := len(s.closers)
				closes := expect == expectCommaOrClose || expect == expectKeyOrClose && c == '}' || expect == expectValueOrClose && c == ']'
				if n == 0 || s.closers[n-1] != c || !closes {
					return s.errorf("unexpected %q", c)
				}
				s.closers = s.closers[:n-1]
				s.pos++
				if n == 1 {
					return nil
				}
				expect = expectCommaOrClose
				continue
			case tokColon:
				if expect != expectColon {
					return s.errorf("unexpected ':'")
				}
				expect = expectValue
			case tokComma:
				if expect != expectCommaOrClose {
					return s.errorf("unexpected ','")
				}
				expect = expectValue
				if s.closers[len(s.closers)-1] == '}' {
					expect = expectKey
				}
			default:
				if expect != expectValue && expect != expectValueOrClose {
					return s.errorf("expected %s, found %s", s.expected(expect), describe(c))
				}
				if err := s.skipScalar(); err != nil {
					return err
				}
				expect = expectCommaOrClose
				continue
			}
			s.pos++
		}
		if !s.fill() {
			return s.eofError("inside an object or array")
		}
	}
}

// expected names what skipContainer expects.
func (s *scanner) expected(expect int) string {
	switch expect {
	case expectKey, expectKeyOrClose:
		return "a key"
	case expectColon:
		return "':'"
	case expectCommaOrClose:
		return fmt.Sprintf("',' or %q", s.closers[len(s.closers)-1])
	}
	return "a value"
}

// capture appends the raw bytes of the next value to dst, failing with
// a *tooLarge past max bytes.
func (s *scanner) capture(dst []byte, max int) ([]byte, error) {
	if _, ok := s.peek(); !ok {
		return dst, s.eofError("where a value was expected")
	}
	s.capturing, s.capStart, s.capMax, s.capDst = true, s.pos, max, dst
	err := s.skip()
	dst = append(s.capDst, s.buf[s.capStart:s.pos]...)
	s.capturing, s.capDst = false, nil
	if err == nil && len(dst) > max {
		err = &tooLarge{max}
	}
	return dst, err
}

// enter consumes the opening bracket of an object or array. It reports
// false for null, which the plan format uses for absent collections.
func (s *scanner) enter(open byte, name string) (bool, error) {
	c, ok := s.peek()
	if !ok {
		return false, s.eofError("where " + name + " was expected")
	}
	if c == 'n' {
		return false, s.skip()
	}
	if c != open {
		kind := "an object"
		if open == '[' {
			kind = "an array"
		}
		return false, s.errorf("%s: expected %s, found %s", name, kind, describe(c))
	}
	if s.depth++; s.depth >= maxDepth {
		return false, s.errorf("nesting deeper than %d levels", maxDepth)
	}
	s.pos++
	return true, nil
}

// more consumes the separator after a member and reports whether another follows.
func (s *scanner) more(close byte) (bool, error) {
	c, ok := s.peek()
	if !ok {
		return false, s.eofError("inside an object or array")
	}
	switch c {
	case ',':
		s.pos++
		return true, nil
	case close:
		s.pos++
		s.depth--
		return false, nil
	}
	return false, s.errorf("expected ',' or %q, found %s", close, describe(c))
}

// beginObject consumes an object's opening brace (null counts as an empty
// object) and reports whether a member follows. Loop with readKey, consume
// the value, then more('}').
func (s *scanner) beginObject(name string) (bool, error) {
	ok, err := s.enter('{', name)
	if !ok || err != nil {
		return false, err
	}
	if c, ok := s.peek(); ok && c == '}' {
		s.pos++
		s.depth--
		return false, nil
	}
	return true, nil
}

// object calls member for each key of an object (null counts as empty).
// member must consume the value; the key slice is reused afterwards.
func (s *scanner) object(name string, member func(key []byte) error) error {
	more, err := s.beginObject(name)
	for more && err == nil {
		if err = s.readKey(); err != nil {
			break
		}
		if err = member(s.key); err != nil {
			break
		}
		more, err = s.more('}')
	}
	return err
}

// fields is object for an object of the plan format's own fields, which
// the reader gathers rather than replaces (resource_changes, a module's
// resources, its module_calls): a field given twice is refused. Terraform
// never writes one, and encoding/json would keep only the last, so a decoy
// given first would hide what it reads. So is a field spelled otherwise
// (see spelled).
func (s *scanner) fields(name string, member func(key []byte) error) error {
	return s.unique(name, true, member)
}

// entries is object for a map of the plan format (module_calls,
// variables, provider_config, expressions): a key given twice is refused,
// as in fields, but its keys are names, spelled as the user wrote them.
func (s *scanner) entries(name string, member func(key []byte) error) error {
	return s.unique(name, false, member)
}

func (s *scanner) unique(name string, fields bool, member func(key []byte) error) error {
	// This object's first few keys, most objects' all, are held after
	// those of the objects it is within and checked as they come. Past
	// them, every key is held as a hash, and all are checked once the
	// object is read (see repeated).
	const few = 32
	from, first, hashed := len(s.keys), len(s.ends), len(s.hashes)
	defer func() { s.keys, s.ends, s.hashes = s.keys[:from], s.ends[:first], s.hashes[:hashed] }()
	var seen uint64 // the first few keys' bits (see keyBit)
	n := 0          // the keys read
	more, err := s.beginObject(name)
	for more && err == nil {
		if err = s.readKey(); err != nil {
			break
		}
		if s.keyCut {
			return fmt.Errorf("%s near byte %d has a key longer than %d bytes; Terraform writes none", name, s.offset(), maxKey)
		}
		k := s.key
		if fields {
			if err = s.spelled(name, k); err != nil {
				break
			}
		}
		held := 8 // a hash, past the few
		if n < few {
			held = len(k) + 4
		}
		if s.keysHeld()+held > maxHeldKeys {
			return fmt.Errorf("past %d MiB of object keys near byte %d (in %s), far more than Terraform writes", maxHeldKeys>>20, s.offset(), name)
		}
		switch ends := s.ends[first:]; {
		case n < few:
			// A bit of the key's hash each: most keys, new, are told so by it.
			if bit := keyBit(k); seen&bit == 0 {
				seen |= bit
			} else {
				for i := range ends {
					if bytes.Equal(keyAt(s.keys, from, ends, i), k) {
						return fmt.Errorf("%s near byte %d gives %q twice; Terraform never does", name, s.offset(), k)
					}
				}
			}
			s.keys = append(s.keys, k...)
			s.ends = append(s.ends, int32(len(s.keys)))
		case n == few:
			for i := range ends {
				s.hashes = append(s.hashes, maphash.Bytes(keySeed, keyAt(s.keys, from, ends, i)))
			}
			fallthrough
		default:
			s.hashes = append(s.hashes, maphash.Bytes(keySeed, k))
		}
		n++
		if err = member(s.key); err != nil {
			break
		}
		more, err = s.more('}')
	}
	if err == nil && n > few && repeated(s.hashes[hashed:]) {
		return fmt.Errorf("%s ending at byte %d gives a key twice; Terraform never does", name, s.offset())
	}
	return err
}

// keySeed seeds the hashes of keys, anew each run, so that no input can
// choose keys whose hashes are alike.
var keySeed = maphash.MakeSeed()

// keyBit is one of 64 bits, chosen by a hash of k's length and first and
// last eight bytes.
func keyBit(k []byte) uint64 {
	h := uint64(len(k))
	if len(k) >= 8 {
		h ^= binary.LittleEndian.Uint64(k) ^ bits.RotateLeft64(binary.LittleEndian.Uint64(k[len(k)-8:]), 29)
	} else {
		for _, c := range k {
			h = h<<8 | uint64(c)
		}
	}
	return 1 << (h * 0x9e3779b97f4a7c15 >> 58)
}

// keyAt is key i of keys laid end to end from keys[from] (ends[i] ends
// key i).
func keyAt(keys []byte, from int, ends []int32, i int) []byte {
	if i > 0 {
		from = int(ends[i-1])
	}
	return keys[from:ends[i]]
}

// repeated reports whether hashes holds one twice, sorting it. Two keys
// of one object are taken for one when their 64-bit hashes are alike: for
// an object of 100,000 distinct keys, about one chance in four billion.
// Holding every key whole, to compare those whose hashes are alike, held
// about 1 MB more for the 100,000 module calls of make bench's plan of
// other resources.
func repeated(hashes []uint64) bool {
	slices.Sort(hashes)
	for i := 1; i < len(hashes); i++ {
		if hashes[i] == hashes[i-1] {
			return true
		}
	}
	return false
}

// array calls elem for each element of an array (null counts as empty).
func (s *scanner) array(name string, elem func() error) error {
	ok, err := s.enter('[', name)
	if !ok || err != nil {
		return err
	}
	if c, ok := s.peek(); ok && c == ']' {
		s.pos++
		s.depth--
		return nil
	}
	for {
		if err := elem(); err != nil {
			return err
		}
		if more, err := s.more(']'); !more || err != nil {
			return err
		}
	}
}

const maxKey = 1 << 10

// readKey reads an object key and its colon into s.key, decoded as any JSON
// reader would ("\u0074ype" is "type"; see decodeKey). Keys longer than
// maxKey are cut short: no key the linter looks for is that long, and a cut
// key matches none of them.
func (s *scanner) readKey() error {
	c, ok := s.peek()
	if !ok {
		return s.eofError("where an object key was expected")
	}
	if c != '"' {
		return s.errorf("expected an object key, found %s", describe(c))
	}
	s.pos++
	s.key, s.keyCut = s.key[:0], false
	// Most keys are short, plain and in the buffer: take them in one copy.
	if q := plainEnd(s.buf[s.pos:min(s.pos+maxKey, s.end)]); q >= 0 {
		s.key = append(s.key, s.buf[s.pos:s.pos+q]...)
		s.pos += q + 1
		if !ascii(s.key) {
			s.decodeKey()
		}
		return s.consume(':', "after an object key")
	}
	for escaped, hex := false, 0; ; {
		for s.pos < s.end {
			c := s.buf[s.pos]
			switch {
			case hex > 0:
				if !isHex(c) {
					return s.errorf("invalid escape in an object key: \\u takes four hex digits")
				}
				hex--
			case escaped:
				if c == 'u' {
					hex = 4
				} else if !simpleEscape[c] {
					return s.errorf("invalid escape in an object key: \\ before %s", describe(c))
				}
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				s.pos++
				s.decodeKey()
				return s.consume(':', "after an object key")
			case c < 0x20:
				return s.errorf("%s inside an object key", describe(c))
			}
			s.pos++
			if len(s.key) < maxKey {
				s.key = append(s.key, c)
			} else {
				s.keyCut = true
			}
		}
		if !s.fill() {
			return s.eofError("inside an object key")
		}
	}
}

// planFields are the plan format's fields that the reader reads, each as
// Terraform writes it; topFields those of the plan itself, which another
// tool's JSON is read as first (its "Type" or "Resources" is no plan's).
var planFields, topFields = map[string]bool{}, map[string]bool{}

func init() {
	for _, f := range strings.Fields(`format_version terraform_version timestamp errored variables planned_values
		resource_changes resource_drift deferred_changes output_changes prior_state configuration`) {
		topFields[f] = true
	}
	for _, f := range strings.Fields(`actions address after after_sensitive after_unknown before
		before_sensitive change child_modules configuration constant_value count_expression default
		deferred_changes depends_on deposed deposed_key expression expressions for_each_expression
		format_version full_name lineage mode module module_address module_calls name output_changes
		outputs planned_values prior_state provider_config provider_config_key references
		resource_change resource_changes resource_drift resources root_module sensitive
		sensitive_values serial terraform_version timestamp type value values variables`) {
		planFields[f] = true
	}
}

// spelled refuses a key of one of the plan format's own objects (name)
// that encoding/json, and so terraform-json, takes for one of its fields,
// but that is not spelled as Terraform writes it: "Type", "After_unknown",
// "after_\u017Fensitive" (encoding/json folds ASCII case, the Kelvin sign to
// k and the long s to s). Python and jq read no such field there, so
// readers differ on what the plan says; Terraform never writes one. Keys
// are otherwise matched as they are written.
func (s *scanner) spelled(name string, key []byte) error {
	if !foldable(key) {
		return nil
	}
	folded := make([]byte, 0, len(key))
	for _, r := range string(key) {
		switch {
		case 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
		case r == '\u212A': // KELVIN SIGN
			r = 'k'
		case r == '\u017F': // LATIN SMALL LETTER LONG S
			r = 's'
		}
		folded = utf8.AppendRune(folded, r)
	}
	known := planFields
	if name == "plan" {
		known = topFields
	}
	if !known[string(folded)] {
		return nil
	}
	return fmt.Errorf("%s near byte %d spells %q as %q; Terraform never does, and JSON readers differ on whether it is that field", name, s.offset(), folded, key)
}

// foldable reports whether k holds a byte that encoding/json folds: an
// upper-case ASCII letter, or one of a character past ASCII. Eight bytes
// at a time, as it runs for every key of the plan format's own objects.
func foldable(k []byte) bool {
	i := 0
	for ; i+8 <= len(k); i += 8 {
		if w := binary.LittleEndian.Uint64(k[i:]); w&highs != 0 || upper(w) != 0 {
			return true
		}
	}
	for ; i < len(k); i++ {
		if c := k[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
}

// upper marks the upper-case letters among eight ASCII bytes: those at
// least 'A' less those past 'Z', each sum kept within its byte.
func upper(w uint64) uint64 {
	return (w + ones*(0x80-'A')) &^ (w + ones*(0x80-'Z'-1)) & highs
}

// ascii reports whether k is all ASCII, eight bytes at a time.
func ascii(k []byte) bool {
	for len(k) >= 8 {
		if binary.LittleEndian.Uint64(k)&highs != 0 {
			return false
		}
		k = k[8:]
	}
	for _, c := range k {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// asDecoded appends k to dst as encoding/json decodes a string: each byte
// that is not part of a UTF-8 character read as U+FFFD.
func asDecoded(dst, k []byte) []byte {
	for len(k) > 0 {
		r, n := utf8.DecodeRune(k)
		if r == utf8.RuneError && n == 1 {
			dst = utf8.AppendRune(dst, utf8.RuneError)
		} else {
			dst = append(dst, k[:n]...)
		}
		k = k[n:]
	}
	return dst
}

// decodeKey decodes the key just read as encoding/json does: its escapes,
// and each byte that is not UTF-8 as U+FFFD ("x\xff" and "x\ufffd" are one
// key). A key cut short at maxKey may end inside an escape; it stays raw and
// matches no key the reader looks for.
func (s *scanner) decodeKey() {
	if bytes.IndexByte(s.key, '\\') >= 0 {
		var k string
		quoted := append(append(append(make([]byte, 0, len(s.key)+2), '"'), s.key...), '"')
		if json.Unmarshal(quoted, &k) == nil {
			s.key = append(s.key[:0], k...)
		}
	}
	if !ascii(s.key) && !utf8.Valid(s.key) {
		s.key = asDecoded(nil, s.key)
	}
}

func isTooLarge(err error) bool {
	var tl *tooLarge
	return errors.As(err, &tl)
}

// wrapperHint names hashicorp/setup-terraform's wrapper when the input
// starts as its output does: its stdout is not terraform's.
func (s *scanner) wrapperHint() string {
	if bytes.HasPrefix(s.buf[s.pos:s.end], []byte("[command]")) {
		return " (the output of hashicorp/setup-terraform's wrapper: set terraform_wrapper: false)"
	}
	return ""
}

// finish checks that nothing but white space follows the top-level value.
func (s *scanner) finish() error {
	if c, ok := s.peek(); ok {
		return s.errorf("%s after the end of the plan", describe(c))
	}
	if s.rerr != io.EOF {
		return s.rerr
	}
	return nil
}
