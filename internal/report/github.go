package report

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/iamguard/terraform-provider-iamguard/internal/quote"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// WriteGitHub writes GitHub Actions workflow commands, so that findings
// show as annotations on the run: ::error for critical and high, ::warning
// for medium and low, ::notice for info and waived findings. With the
// plan's file name they point at the resource's line in it. A
// configuration that differs from the defaults comes first, as a ::warning
// when it weakens the checks, then a ::error for each plan not read.
//
// GitHub shows at most annotationsPerKind of each kind from one step, so
// findings come worst first, and keep half the error annotations when
// plans were not read: a pull request cannot push the finding that
// matters past the limit with harmless ones that sort before it. Past the
// limit, one annotation says how many more there are, and they follow as
// plain log lines. A plain summary line ends the output.
func WriteGitHub(w io.Writer, r *Report, opt Options) error {
	bw := bufio.NewWriter(w)
	var shown [3]int // annotations of each kind written
	if c := r.Config; c != nil {
		kind := notice
		if c.Weakens {
			kind = warning
		}
		shown[kind]++
		fmt.Fprintf(bw, "::%s title=iamguard configuration::%s\n", kind, githubConfig(c))
	}
	verdicts := r.PlanVerdicts()
	var unread []string // the run fails on them: error annotations
	for i, line := range verdicts {
		if r.Plans[i].Summary == nil {
			unread = append(unread, line)
		}
	}
	order, first := worstFirst(r.Findings)
	// Unread plans leave half the error annotations to findings of that
	// level, if there are any: many unread plans must not hide them.
	reserve := min(first[1]-first[0], annotationsPerKind/2)
	keep, more := annotations(shown[failure]+reserve, len(unread))
	for i, line := range unread {
		switch {
		case i < keep:
			fmt.Fprintf(bw, "::error title=iamguard plan not read::%s\n", githubData(line))
		case i == keep && more:
			fmt.Fprintf(bw, "::error title=iamguard::%d more plans were not read: GitHub shows %d annotations of a kind per step, and they follow as log lines\n", len(unread)-keep, annotationsPerKind)
			fallthrough
		default:
			fmt.Fprintln(bw, "iamguard:", quote.NoCommands(githubData(line)))
		}
	}
	if shown[failure] += keep; more {
		shown[failure]++
	}
	// The findings of each kind take order[first[k]:first[k+1]]: keeps[k]
	// annotations, then, if mores[k], one that says how many more follow.
	var keeps [3]int
	var mores [3]bool
	for k := range keeps {
		keeps[k], mores[k] = annotations(shown[k], first[k+1]-first[k])
	}
	err := writeOrdered(bw, len(order), func(i int) int { return r.weight(int(order[i])) }, func(b []byte, i int) []byte {
		f := &r.Findings[order[i]]
		k := findingKind(f)
		switch at := i - first[k]; {
		case at < keeps[k]:
			return appendGitHubCommand(b, f, opt)
		case at == keeps[k] && mores[k]:
			b = fmt.Appendf(b, "::%s title=iamguard::%d more findings at this level are not annotated: GitHub shows %d annotations of a kind per step, and they follow as log lines\n",
				k, first[k+1]-first[k]-keeps[k], annotationsPerKind)
		}
		return appendGitHubLine(b, f)
	})
	if err != nil {
		return err
	}
	for i, line := range verdicts {
		if r.Plans[i].Summary != nil {
			fmt.Fprintln(bw, "iamguard:", quote.NoCommands(githubData(line)))
		}
	}
	fmt.Fprintln(bw, "iamguard:", r.Verdict())
	return bw.Flush()
}

// githubConfigValueBytes bounds one value of the configuration annotation.
const githubConfigValueBytes = 300

// githubConfig is the configuration annotation's message, escaped: as
// many of its lines as GitHub shows (it cuts a message at 4,096
// characters, silently, and an escape such as \U000e0041 counts as the 10
// it is), and then what the rest waives.
func githubConfig(c *Config) string {
	const limit = 4096 - 200 // room for the note of the lines left out
	// Each value the file gives (its path, a waiver's patterns and reason)
	// is cut, so that the lines before the waivers always fit: only
	// waivers are ever left out (see leftOut).
	msg, lines := githubData(c.heading()), c.lines(func(s string) string { return quote.Middle(s, githubConfigValueBytes) })
	for i, l := range lines {
		if l = githubData(l); len(msg)+len("%0A")+len(l) > limit {
			return msg + "%0A" + githubData(c.leftOut(i))
		}
		msg += "%0A" + l
	}
	return msg
}

// annotationsPerKind is how many annotations of one kind (error, warning,
// notice) GitHub shows from one step.
const annotationsPerKind = 10

// annotations says how many of n items of one kind are annotations, when
// shown of that kind are already: all of them, or as many as there is room
// for less one, and then more is true: that last annotation says how many
// more follow as log lines.
func annotations(shown, n int) (keep int, more bool) {
	room := max(annotationsPerKind-shown, 0)
	if n <= room {
		return n, false
	}
	return max(room-1, 0), room > 0
}

// annotationKind is a kind of GitHub annotation, worst first.
type annotationKind int

const (
	failure annotationKind = iota
	warning
	notice
)

func (k annotationKind) String() string { return [...]string{"error", "warning", "notice"}[k] }

func findingKind(f *Finding) annotationKind {
	switch {
	case f.Waived || f.Severity < rules.Low:
		return notice
	case f.Severity < rules.High:
		return warning
	}
	return failure
}

// worstFirst orders findings by severity, worst first, waived ones last,
// in their order within one severity. first[k] is where the findings of
// annotation kind k start; first[3] is the end.
func worstFirst(fs []Finding) (order []int32, first [4]int) {
	rank := func(f *Finding) int { // 0 for critical ... 4 for info, 5 waived
		if f.Waived {
			return 5
		}
		return int(rules.Critical - f.Severity)
	}
	var start [7]int
	for i := range fs {
		start[rank(&fs[i])+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	first = [4]int{start[0], start[2], start[4], start[6]} // critical, medium, info, end
	order = make([]int32, len(fs))
	for i := range fs {
		k := rank(&fs[i])
		order[start[k]] = int32(i)
		start[k]++
	}
	return order, first
}

// appendGitHubLine appends a finding as a plain log line, one the runner
// takes for no command: it starts with "iamguard:", and its names are
// escaped as githubData says.
func appendGitHubLine(b []byte, f *Finding) []byte {
	b = append(b, "iamguard: "...)
	if f.Waived {
		b = append(b, "waived "...)
	}
	b = append(append(append(b, strings.ToUpper(f.Severity.String())...), ' '), f.Rule.ID...)
	b = append(append(b, ' '), f.Rule.Slug...)
	b = appendGitHubData(append(b, ": "...), f.Address)
	b = appendGitHubData(append(b, ": "...), f.Message)
	return append(b, '\n')
}

// appendGitHubCommand appends a finding's workflow command and its line
// break. Its pieces are escaped one at a time: they meet at ASCII, so this
// is the escape of the whole.
func appendGitHubCommand(b []byte, f *Finding, opt Options) []byte {
	b = append(append(append(b, "::"...), findingKind(f).String()...), ' ')
	file := findingFile(f, opt)
	if absolute(file) || !quote.Exact(file) {
		// Outside the repository, no file of it to annotate; a name the
		// runner cannot be given as it is (a control or an invisible
		// character, a byte that is not UTF-8) would name another file.
		file = ""
	}
	if file != "" {
		b = append(appendGitHubProperty(append(b, "file="...), file), ',')
	}
	b = appendGitHubProperty(append(b, "title="...), f.Rule.ID)
	b = appendGitHubProperty(append(b, ' '), f.Rule.Slug)
	// The severity: an annotation's kind has three levels for five (round
	// 283: a low warning that passes --fail-on medium read as a medium one).
	b = append(append(b, " ("...), f.Severity.String()...)
	if f.Waived {
		b = append(b, ", waived"...)
	}
	b = append(b, ')')
	if file != "" && f.Line > 0 {
		b = strconv.AppendInt(append(b, ",line="...), int64(f.Line), 10)
	}
	b = append(b, "::"...)
	// GitHub cuts a message past githubMessageChars, silently: a long
	// address, waiver reason and message are cut instead, so that what is
	// wrong and the fix stay.
	msg := f.Message
	for head := len(b); ; {
		b = appendGitHubMessage(b[:head], f, msg)
		n := githubChars(b[head:])
		if n <= githubMessageChars || msg == "" {
			break
		}
		if keep := len(msg)*githubMessageChars/n - 16; keep >= 16 {
			msg = quote.Middle(msg, keep)
		} else {
			msg = ""
		}
	}
	return append(b, '\n')
}

// appendGitHubMessage appends a finding's annotation message, with msg as
// its message, escaped.
func appendGitHubMessage(b []byte, f *Finding, msg string) []byte {
	if f.Waived {
		b = append(b, "waived: "...)
	}
	b = appendGitHubData(append(appendGitHubData(b, quote.Middle(f.Address, githubValueBytes)), ": "...), msg)
	switch {
	case f.Waived:
		b = appendGitHubData(append(b, "%0Areason: "...), quote.Middle(quote.Line(waiverReason(f)), githubValueBytes))
	case f.Waiver != nil:
		b = appendGitHubData(append(b, "%0Awaiver expired on "...), f.Waiver.ExpiresDate())
		b = appendGitHubData(append(b, ": "...), quote.Middle(quote.Line(f.Waiver.Reason), githubValueBytes))
	}
	if !f.Waived && f.Severity != rules.Info && remediation(f) != "" {
		b = appendGitHubData(append(b, "%0Afix: "...), remediation(f))
	}
	return b
}

// githubMessageChars is how many characters of an annotation's message
// GitHub shows, as the runner reads them (%0A one, \U000e0041 ten).
const githubMessageChars = 4096

// githubChars counts the characters of escaped workflow command data as
// the runner reads them: each escape (%25, %0A) is one.
func githubChars(b []byte) int { return utf8.RuneCount(b) - 2*bytes.Count(b, []byte("%")) }

// githubValueBytes bounds a finding's address and its waiver's reason in
// its annotation, before escapes, so that its message has room.
const githubValueBytes = 300

// githubData escapes a workflow command's message as the runner expects
// (%), so no value can end the command or start another one, and writes
// the "[" of "##[" as quote.NoCommands does. Line breaks and other control
// characters become spaces: escaped as %0A, the runner would turn them
// back into lines of the annotation, which a value could write to read as
// its own (a directory's name in a merged run's address). Each format
// character is shown as its escape, and bytes that are not UTF-8 as
// U+FFFD.
func githubData(s string) string { return string(appendGitHubData(nil, s)) }

// appendGitHubData appends s escaped as githubData says.
func appendGitHubData(b []byte, s string) []byte { return appendGitHubEscaped(b, s, false) }

// appendGitHubProperty appends a property value, escaped as data and also
// without the ':' and ',' that separate properties.
func appendGitHubProperty(b []byte, s string) []byte { return appendGitHubEscaped(b, s, true) }

func appendGitHubEscaped(b []byte, s string, property bool) []byte {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f && c != '%' && !(property && (c == ':' || c == ',')) && !(c == '[' && i >= 2 && s[i-2:i] == "##") {
			i++
			continue
		}
		b = append(b, s[start:i]...)
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '[': // after ##: the runner takes "##[" for a command anywhere in a line
			b = append(b, `\x5b`...)
		case r == '%':
			b = append(b, "%25"...)
		case r == ':':
			b = append(b, "%3A"...)
		case r == ',':
			b = append(b, "%2C"...)
		case quote.Breaks(r):
			b = append(b, ' ')
		case quote.IsFormat(r):
			b = append(b, quote.Escape(r)...)
		default:
			b = utf8.AppendRune(b, r) // U+FFFD for a byte that is not UTF-8
		}
		i += size
		start = i
	}
	return append(b, s[start:]...)
}
