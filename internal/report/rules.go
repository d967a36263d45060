package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// WriteRulesText lists the catalogue, one rule a line.
func WriteRulesText(w io.Writer, all []*rules.Rule) error {
	bw := bufio.NewWriter(w)
	for _, r := range all {
		fmt.Fprintf(bw, "%s  %-38s %-8s %s\n", r.ID, r.Slug, r.Severity, r.Summary)
	}
	return bw.Flush()
}

// WriteRulesJSON writes the catalogue as a JSON array.
func WriteRulesJSON(w io.Writer, all []*rules.Rule) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(all)
}
