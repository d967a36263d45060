package report

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// appendFinding appends f as encoding/json would indent it in the report's
// findings array (json.MarshalIndent(jsonFinding, "    ", "  ")), byte for
// byte, without reflection: a report can hold hundreds of thousands of
// findings. TestAppendFindingMatchesEncodingJSON holds the two together.
func appendFinding(b []byte, f *Finding) []byte {
	const in = ",\n      " // a member of the finding after the first
	b = append(b, '{')
	b = appendMember(b, in[1:], "rule_id", f.Rule.ID)
	b = appendMember(b, in, "rule", f.Rule.Slug)
	b = appendMember(b, in, "severity", f.Severity.String())
	b = appendMember(b, in, "address", f.Address)
	b = appendMember(b, in, "resource_type", f.Type)
	b = appendMember(b, in, "action", f.Action)
	if f.Line != 0 {
		b = append(b, ",\n      \"line\": "...)
		b = strconv.AppendInt(b, int64(f.Line), 10)
	}
	if f.Attribute != "" {
		b = appendMember(b, in, "attribute", f.Attribute)
	}
	b = appendMember(b, in, "event", f.Rule.Event)
	b = appendMember(b, in, "message", f.Message)
	b = appendMember(b, in, "remediation", remediation(f))
	b = append(b, ",\n      \"references\": "...)
	switch refs := f.Rule.References; {
	case refs == nil:
		b = append(b, "null"...)
	case len(refs) == 0:
		b = append(b, "[]"...)
	default:
		b = append(b, '[')
		for i, r := range refs {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, "\n        "...)
			b = appendString(b, r)
		}
		b = append(b, "\n      ]"...)
	}
	b = append(b, ",\n      \"waived\": "...)
	b = strconv.AppendBool(b, f.Waived)
	if w := f.Waiver; w != nil {
		b = append(b, ",\n      \"waiver\": {"...)
		b = appendMember(b, "\n        ", "reason", w.Reason)
		if expires := w.ExpiresDate(); expires != "" {
			b = appendMember(b, ",\n        ", "expires", expires)
		}
		b = append(b, ",\n        \"expired\": "...)
		b = strconv.AppendBool(b, !f.Waived)
		b = append(b, "\n      }"...)
	}
	if f.In != nil {
		b = appendMember(b, in, "plan", f.In.Path)
	}
	return append(b, "\n    }"...)
}

// appendMember appends sep, then "key": "value".
func appendMember(b []byte, sep, key, value string) []byte {
	b = append(b, sep...)
	b = append(b, '"')
	b = append(b, key...)
	b = append(b, "\": "...)
	return appendString(b, value)
}

// appendString appends s as a JSON string the way encoding/json writes it:
// HTML-safe (<, > and & escaped), invalid UTF-8 as U+FFFD, and U+2028 and
// U+2029 escaped so the output is also valid JavaScript.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	return append(appendEscaped(b, s), '"')
}

// plain marks the bytes appendEscaped copies as they are.
var plain = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = !strings.ContainsRune("\"\\<>&", rune(c))
	}
	return t
}()

// appendEscaped appends s escaped as appendString does, without quotes.
func appendEscaped(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if plain[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(b, s[start:]...)
}
