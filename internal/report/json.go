package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
)

// WriteJSON writes the report as indented JSON. The findings are encoded
// one at a time straight to w (see appendFinding), so a report of many
// findings is never held as one document in memory; the bytes are those of
// encoding the whole Report with two-space indentation.
func WriteJSON(w io.Writer, r *Report, _ Options) error {
	head := *r
	head.Findings = []Finding{}
	doc, err := json.MarshalIndent(head, "", "  ")
	if err != nil {
		return err
	}
	const empty = `"findings": []`
	at := bytes.LastIndex(doc, []byte(empty))
	bw := bufio.NewWriterSize(w, 64<<10)
	if len(r.Findings) == 0 || at < 0 {
		bw.Write(doc)
	} else {
		bw.Write(doc[:at])
		bw.WriteString(`"findings": [`)
		writeOrdered(bw, len(r.Findings), r.weight, func(b []byte, i int) []byte {
			if i > 0 {
				b = append(b, ',')
			}
			return appendFinding(append(b, "\n    "...), &r.Findings[i])
		})
		bw.WriteString("\n  ]")
		bw.Write(doc[at+len(empty):])
	}
	bw.WriteByte('\n')
	return bw.Flush()
}
