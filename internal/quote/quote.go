// Package quote makes names from the command line safe to print on one line.
package quote

import (
	"strconv"
	"strings"
	"unicode"
)

// Path returns name as it is, or Go-quoted ("a\nb") when it holds a newline
// or another control character, so an error naming it stays one line and
// cannot move the cursor or colour the terminal; either way NoCommands.
func Path(name string) string {
	if strings.IndexFunc(name, unicode.IsControl) < 0 {
		return NoCommands(name)
	}
	return NoCommands(strconv.Quote(name))
}

// NoCommands writes the "[" of every "##[" in s as \x5b: a CI log runner
// (GitHub Actions) takes "##[command]" anywhere in a line as a command, so
// a name from a pull request could otherwise stop its annotations.
func NoCommands(s string) string {
	if !strings.Contains(s, "##[") {
		return s
	}
	return strings.ReplaceAll(s, "##[", `##\x5b`)
}
