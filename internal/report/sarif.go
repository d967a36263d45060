package report

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

const informationURI = "https://github.com/iamguard/terraform-provider-iamguard"

// securitySeverity is the score GitHub code scanning reads from a rule's
// "security-severity" property: above 9 is critical, 7 to 8.9 high, 4 to
// 6.9 medium, below 4 low.
var securitySeverity = map[rules.Severity]string{
	rules.Critical: "9.5", rules.High: "8.0", rules.Medium: "5.5", rules.Low: "3.0", rules.Info: "0.0",
}

// sarifLevel maps a severity to a SARIF result level.
func sarifLevel(sev rules.Severity) string {
	switch {
	case sev >= rules.High:
		return "error"
	case sev >= rules.Low:
		return "warning"
	}
	return "note"
}

// WriteSARIF writes a SARIF 2.1.0 log with one run: the whole catalogue as
// the driver's rules and one result per finding. Waived findings carry an
// accepted external suppression. The results are encoded one at a time
// straight to w (appendSARIFResult), as WriteJSON does the findings, so a
// report of many findings is never held as one log in memory; the bytes
// are those of go-sarif's PrettyWrite of the whole log.
func WriteSARIF(w io.Writer, r *Report, opt Options) error {
	log, err := sarif.New(sarif.Version210)
	if err != nil {
		return err
	}
	driver := sarif.NewDriver(r.Tool.Name).WithInformationURI(informationURI)
	if r.Tool.Version != "" {
		driver.WithVersion(r.Tool.Version)
	}
	index := map[string]int{}
	for i, rule := range catalogue() {
		driver.AddRule(sarifRule(rule))
		index[rule.ID] = i
	}
	run := sarif.NewRun(*sarif.NewTool(driver))
	run.Results = []*sarif.Result{}
	if c := r.Config; c != nil {
		run.AddInvocations(sarifInvocation(c))
	}
	log.AddRun(run)
	doc, err := json.MarshalIndent(log, "", "  ")
	if err != nil {
		return err
	}
	// The run's results go where its empty list is: the one place the
	// log has that key (a string holding it would have its quotes escaped).
	const empty = `"results": []`
	at := bytes.Index(doc, []byte(empty))
	if at < 0 || bytes.Count(doc, []byte(empty)) != 1 {
		return fmt.Errorf("SARIF: cannot place the results in the log")
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(doc[:at])
	bw.WriteString(`"results": [`)
	uris := map[string]string{"": ""} // each plan file's URI
	for i := range r.Findings {
		if fi := findingFile(&r.Findings[i], opt); uris[fi] == "" && fi != "" {
			uris[fi] = artifactURI(fi)
		}
	}
	writeOrdered(bw, len(r.Findings), r.weight, func(b []byte, i int) []byte {
		f := &r.Findings[i]
		ri, ok := index[f.Rule.ID]
		if !ok {
			ri = -1
		}
		if i > 0 {
			b = append(b, ',')
		}
		return appendSARIFResult(append(b, "\n        "...), f, ri, uris[findingFile(f, opt)], sarifFingerprint(r.Findings, i))
	})
	if len(r.Findings) > 0 {
		bw.WriteString("\n      ")
	}
	bw.WriteByte(']')
	bw.Write(doc[at+len(empty):])
	bw.WriteByte('\n')
	return bw.Flush()
}

// sarifInvocation reports a configuration that differs from the defaults
// as a tool configuration notification (a warning when it weakens the
// checks), with the configuration as data in its properties.
func sarifInvocation(c *Config) *sarif.Invocation {
	level := "note"
	if c.Weakens {
		level = "warning"
	}
	inv := sarif.NewInvocation().WithExecutionSuccess(true)
	inv.ToolConfigurationNotifications = []*sarif.Notification{
		sarif.NewNotification().WithLevel(level).WithTextMessage(c.summary()),
	}
	inv.Properties = sarif.Properties{"iamguard/config": c}
	return inv
}

func sarifRule(rule *rules.Rule) *sarif.ReportingDescriptor {
	fix := rule.Remediation
	text := fmt.Sprintf("%s\n\n%s\n\nRemediation\nConsole: %s\nCLI: %s\nTerraform: %s\n",
		rule.Summary, rule.Rationale, fix.Console, fix.CLI, fix.Terraform)
	md := fmt.Sprintf("%s\n\n%s\n\n**Remediation**\n\n- Console: %s\n- CLI: %s\n- Terraform: %s\n",
		mdProse(rule.Summary), mdProse(rule.Rationale), mdProse(fix.Console), mdProse(fix.CLI), mdProse(fix.Terraform))
	if len(rule.References) > 0 {
		text += "\nReferences: " + strings.Join(rule.References, "; ") + "\n"
		md += "\n**References:** " + mdProse(strings.Join(rule.References, "; ")) + "\n"
	}
	tags := []string{"security", "iam"}
	if rule.Event != "" {
		tags = append(tags, rule.Event)
	}
	return sarif.NewRule(rule.ID).
		WithName(rule.Slug).
		WithShortDescription(sarif.NewMultiformatMessageString(rule.Summary)).
		WithFullDescription(sarif.NewMultiformatMessageString(rule.Rationale)).
		WithHelp(sarif.NewMultiformatMessageString(text).WithMarkdown(md)).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(rule.Severity))).
		WithProperties(sarif.Properties{
			"security-severity": securitySeverity[rule.Severity],
			"severity":          rule.Severity.String(),
			"tags":              tags,
		})
}

// artifactURI turns a file path into a relative URI reference.
func artifactURI(path string) string {
	return (&url.URL{Path: filepath.ToSlash(path)}).String()
}

// sarifFingerprint tells finding i from every other result of its rule
// on its resource, so that code scanning keeps one alert for each: by the
// rule, address and attribute, and where those repeat (three IG502
// findings on one certificate), by its message too, digits left out so
// that a count of days does not make it new. Findings come sorted by
// address and rule, so the repeats are its neighbours.
func sarifFingerprint(fs []Finding, i int) string {
	f := &fs[i]
	same := func(g *Finding) bool { return g.Address == f.Address && g.Rule == f.Rule }
	repeated := false
	for j := i - 1; j >= 0 && same(&fs[j]) && !repeated; j-- {
		repeated = fs[j].Attribute == f.Attribute
	}
	for j := i + 1; j < len(fs) && same(&fs[j]) && !repeated; j++ {
		repeated = fs[j].Attribute == f.Attribute
	}
	if !repeated {
		return fingerprint(f.Rule.ID, f.Address, f.Attribute)
	}
	return fingerprint(f.Rule.ID, f.Address, f.Attribute, strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return -1
		}
		return r
	}, f.Message))
}

func fingerprint(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}
