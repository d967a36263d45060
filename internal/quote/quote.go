// Package quote makes names from the command line safe to print on one line.
package quote

import (
	"strconv"
	"strings"
	"unicode"
)

// Path returns name as it is, or Go-quoted ("a\nb") when it holds a newline
// or another control character, so an error naming it stays one line and
// cannot move the cursor or colour the terminal.
func Path(name string) string {
	if strings.IndexFunc(name, unicode.IsControl) < 0 {
		return name
	}
	return strconv.Quote(name)
}
