package report

import (
	"fmt"
	"maps"
	"strings"

	"github.com/iamguard/terraform-provider-iamguard/internal/lint"
	"github.com/iamguard/terraform-provider-iamguard/internal/quote"
)

// PlanReport is the outcome of linting one plan in a run over several:
// its report, or the error that stopped it being read.
type PlanReport struct {
	// Path names the plan as the command line gave it, or as it was found
	// in a directory given on the command line.
	Path string
	// ArtifactURI is the plan file for the formats that point at files, as
	// Options.ArtifactURI; empty for none.
	ArtifactURI string
	Report      *Report
	Err         error
}

// PlanSummary is one plan's entry in a merged report: what the plan is and
// what was found in it, or why it could not be read.
type PlanSummary struct {
	Path    string    `json:"path"`
	Plan    *PlanInfo `json:"plan,omitempty"`
	Summary *Summary  `json:"summary,omitempty"`
	Error   string    `json:"error,omitempty"`
}

// AddressSeparator joins a plan's name (see PlanName) and a resource
// address in a merged report: "envs/prod/plan.json:aws_iam_user.ci".
const AddressSeparator = ":"

// PlanName is how a merged report names a plan in addresses and in the
// lines of the formats people read: its path as it is, or Go-quoted (see
// quote.Quoted) when the path would not show as it is, or starts or ends
// with white space, so that two plans never read alike (round 283:
// "team\ta" showed as the clean "team a", and two names of bytes that are
// not UTF-8 as one). A path that holds a quote or a backslash is quoted
// too: it could spell another's quoted name (round 291).
func PlanName(path string) string {
	if quote.Exact(path) && path != "" && strings.TrimSpace(path) == path && !strings.ContainsAny(path, `"\`) {
		return path
	}
	return quote.Quoted(path)
}

// Merge joins the reports of several plans into one. Each finding's and
// each judged resource's address is prefixed with its plan's path, so the
// same address in two plans stays two resources; Plans lists each plan's
// own summary, and Summary is the total. The Plan block keeps a format or
// Terraform version only when every plan read agrees on it, and has no
// timestamp (each plan's is in Plans). Plans that could not be read are
// listed with their error and add nothing to the total.
func Merge(parts []PlanReport, version string) *Report {
	m := &Report{
		Tool:     Tool{Name: "iamguard", Version: version},
		Summary:  Summary{BySeverity: map[string]int{}},
		Findings: []Finding{},
		Plans:    make([]PlanSummary, 0, len(parts)),
	}
	first := true
	for _, p := range parts {
		if p.Err != nil || p.Report == nil {
			msg := "no report"
			if p.Err != nil {
				msg = quote.Error(p.Err) // kept for every plan of the run: bounded
			}
			m.Plans = append(m.Plans, PlanSummary{Path: p.Path, Error: msg})
			continue
		}
		r := p.Report
		info, sum := r.Plan, r.Summary
		sum.BySeverity = maps.Clone(r.Summary.BySeverity)
		m.Plans = append(m.Plans, PlanSummary{Path: p.Path, Plan: &info, Summary: &sum})
		if first {
			m.Plan = PlanInfo{FormatVersion: info.FormatVersion, TerraformVersion: info.TerraformVersion}
			m.Disabled = r.Disabled
			first = false
		}
		if m.Plan.FormatVersion != info.FormatVersion {
			m.Plan.FormatVersion = ""
		}
		if m.Plan.TerraformVersion != info.TerraformVersion {
			m.Plan.TerraformVersion = ""
		}

		m.Summary.Resources += sum.Resources
		m.Summary.Findings += sum.Findings
		m.Summary.Waived += sum.Waived
		for sev, n := range sum.BySeverity {
			m.Summary.BySeverity[sev] += n
		}
		// Each resource is named anew, in its plan, once: its findings
		// share the new name (lint.Options.AddressPrefix counts its cost).
		in := &lint.PlanRef{Path: p.Path, File: p.ArtifactURI}
		inPlan := func(ref lint.ResourceRef) lint.ResourceRef {
			ref.Address, ref.In = PlanName(p.Path)+AddressSeparator+ref.Address, in
			return ref
		}
		judged := make([]lint.ResourceRef, len(r.Judged))
		named := make(map[*lint.ResourceRef]*lint.ResourceRef, len(r.Judged))
		for i := range r.Judged {
			judged[i] = inPlan(r.Judged[i])
			named[&r.Judged[i]] = &judged[i]
		}
		m.Judged = append(m.Judged, judged...)
		for _, f := range r.Findings {
			if named[f.ResourceRef] == nil { // a finding on a resource not listed as judged
				ref := inPlan(*f.ResourceRef)
				named[f.ResourceRef] = &ref
			}
			f.ResourceRef = named[f.ResourceRef]
			m.Findings = append(m.Findings, f)
		}
	}
	return m
}

// findingFile is the file a finding points at: its own plan's in a merged
// report, else the one plan's from the options.
func findingFile(f *Finding, opt Options) string {
	if f.In != nil {
		return f.In.File
	}
	return opt.ArtifactURI
}

// PlanVerdicts gives one line per plan of a merged report, its verdict or
// its error, for the human-facing formats; nil for a one-plan report.
func (r *Report) PlanVerdicts() []string {
	var lines []string
	for _, p := range r.Plans {
		if p.Summary == nil {
			lines = append(lines, fmt.Sprintf("%s: not read: %s", PlanName(p.Path), p.Error))
			continue
		}
		lines = append(lines, PlanName(p.Path)+": "+(&Report{Summary: *p.Summary}).Verdict())
	}
	return lines
}
