// Package quote makes names from the command line safe to print on one line.
package quote

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Path returns name as it is, or Go-quoted ("a\nb") when it holds a newline,
// another control character or a format one (see Breaks, IsFormat), so
// an error naming it stays one line, cannot move the cursor or colour the
// terminal, and shows as it is; either way NoCommands. An empty name, or
// one that starts or ends with white space, is quoted too, so that it
// shows.
func Path(name string) string {
	if Exact(name) && name != "" && strings.TrimSpace(name) == name {
		return NoCommands(name)
	}
	return Quoted(name)
}

// Quoted is name Go-quoted ("a\tb"), its invisible characters escaped too,
// and NoCommands.
func Quoted(name string) string {
	// strconv.Quote leaves some invisible characters as they are (a
	// Hangul filler is a letter to it, a grapheme joiner a mark).
	q := strconv.Quote(name)
	if strings.IndexFunc(q, IsFormat) >= 0 {
		var b strings.Builder
		for _, r := range q {
			if IsFormat(r) {
				b.WriteString(Escape(r))
			} else {
				b.WriteRune(r)
			}
		}
		q = b.String()
	}
	return NoCommands(q)
}

// NoCommands keeps s from passing for a command of a CI log runner
// (GitHub Actions), which could stop or forge its annotations: it writes
// the "[" of every "##[" (a command anywhere in a line) as \x5b, and the
// second ":" of a "::" that starts s, white space aside (a command at the
// start of a line, where a name may be printed; the runner trims any
// Unicode white space, U+00A0 and U+3000 included), as \x3a.
func NoCommands(s string) string {
	if t := strings.TrimLeftFunc(s, unicode.IsSpace); strings.HasPrefix(t, "::") {
		s = s[:len(s)-len(t)] + `:\x3a` + t[2:]
	}
	if !strings.Contains(s, "##[") {
		return s
	}
	return strings.ReplaceAll(s, "##[", `##\x5b`)
}

// Line keeps text on one line and inert in a terminal or a rendered
// report: control characters and line separators become spaces, each
// format character (bidirectional, invisible) is shown as its Escape, and
// NoCommands applies. It returns s itself when nothing needs changing.
func Line(s string) string {
	if Exact(s) {
		return NoCommands(s)
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		switch {
		case Breaks(r):
			b.WriteByte(' ')
		case IsFormat(r):
			b.WriteString(Escape(r))
		default:
			b.WriteRune(r)
		}
	}
	return NoCommands(b.String())
}

// Breaks reports whether r is a control character (C0, DEL or C1) or a
// line or paragraph separator: printed, it could end a line or drive the
// terminal.
func Breaks(r rune) bool { return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' }

// IsFormat reports whether r, past ASCII, is a format character (Unicode
// Cf: a bidirectional control, which reorders the text around it on
// screen, Trojan Source, CVE-2021-42574; zero-width characters,
// interlinear annotations, tags), another character Unicode asks to show
// as nothing (a combining grapheme joiner, a variation selector, a Hangul
// filler), or a blank other than the ASCII space (a no-break space, the
// ideographic space, the braille blank). Either way a hostile name could
// show as another.
func IsFormat(r rune) bool {
	return r >= 0x80 && (unicode.In(r, unicode.Cf, unicode.Other_Default_Ignorable_Code_Point, unicode.Variation_Selector, unicode.Zs) || r == '\u2800')
}

// Escape spells r as Go does: \u202e, or \U000e0041 past U+FFFF.
func Escape(r rune) string {
	if r > 0xffff {
		return fmt.Sprintf(`\U%08x`, r)
	}
	return fmt.Sprintf(`\u%04x`, r)
}

func unsafe(r rune) bool { return Breaks(r) || IsFormat(r) }

// Exact reports whether s shows as it is: it holds no unsafe character
// (see Breaks, IsFormat), and no byte that is not UTF-8 (a terminal may
// take a raw 0x9b for a control sequence, CSI).
func Exact(s string) bool { return strings.IndexFunc(s, unsafe) < 0 && utf8.ValidString(s) }

// MaxError bounds an error message as printed or kept (see Error): one
// line, however long the names it quotes (a 60 KB address of bytes that
// are not UTF-8 quotes to 260 KB).
const MaxError = 1024

// Error is an error's message cut to MaxError bytes (see Middle): an error
// names what it is about first (a path, an address, which may be long) and
// why last.
func Error(err error) string { return Middle(err.Error(), MaxError) }

// Middle is s cut to n bytes, "…" included, at character boundaries: the
// middle goes, so that both ends stay (a path's directory and file name).
func Middle(s string, n int) string {
	if len(s) <= n {
		return s
	}
	keep := n - len("…")
	head := keep / 2
	for head > 0 && !utf8.RuneStart(s[head]) {
		head--
	}
	tail := len(s) - (keep - head)
	for tail < len(s) && !utf8.RuneStart(s[tail]) {
		tail++
	}
	return s[:head] + "…" + s[tail:]
}
