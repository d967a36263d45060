package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/iamguard/terraform-provider-iamguard/internal/config"
	"github.com/iamguard/terraform-provider-iamguard/internal/lint"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// librarySARIFResult builds f's result with go-sarif's types: what
// appendSARIFResult must encode, byte for byte.
func librarySARIFResult(f *Finding, ruleIndex int, uri string) *sarif.Result {
	loc := sarif.NewLocation().WithLogicalLocations([]*sarif.LogicalLocation{
		sarif.NewLogicalLocation().WithFullyQualifiedName(f.Address).WithKind("resource"),
	})
	if uri != "" {
		phys := sarif.NewPhysicalLocation().WithArtifactLocation(sarif.NewSimpleArtifactLocation(uri))
		if f.Line > 0 {
			phys.WithRegion(sarif.NewRegion().WithStartLine(f.Line))
		}
		loc.WithPhysicalLocation(phys)
	}
	props := sarif.Properties{"severity": f.Severity.String(), "resource_type": f.Type, "action": f.Action}
	if f.Attribute != "" {
		props["attribute"] = f.Attribute
	}
	res := sarif.NewRuleResult(f.Rule.ID).
		WithLevel(sarifLevel(f.Severity)).
		WithMessage(sarif.NewTextMessage(f.Address + ": " + f.Message)).
		WithLocations([]*sarif.Location{loc}).
		WithPartialFingerPrints(map[string]any{"iamguard/v1": fingerprint(f.Rule.ID, f.Address, f.Attribute)})
	if ruleIndex >= 0 {
		res.WithRuleIndex(ruleIndex)
	}
	switch {
	case f.Waived:
		res.AddSuppression(sarif.NewSuppression("external").
			WithStatus("accepted").
			WithJustifcation(waiverReason(f)).
			WithLocation(loc).
			WithGuid(uuid.NewSHA1(uuid.NameSpaceURL, []byte("iamguard:waiver:"+fingerprint(f.Rule.ID, f.Address, waiverReason(f)))).String()))
	case f.Waiver != nil:
		props["waiver_expired"] = f.Waiver.ExpiresDate()
		props["waiver_reason"] = f.Waiver.Reason
	}
	res.Properties = props
	return res
}

// TestSARIFResultMatchesGoSARIF: each result is the bytes go-sarif's types
// give, encoded and indented as in the results list, for findings with and
// without attribute, line, file, rule index and waiver, and for text that
// JSON must escape.
func TestSARIFResultMatchesGoSARIF(t *testing.T) {
	odd := "a<b>&\"c\"\\\n\t\x01 \u2028 \xff é"
	var n int
	for _, sev := range []rules.Severity{rules.Critical, rules.High, rules.Medium, rules.Low, rules.Info} {
		for _, attr := range []string{"", "status", odd} {
			for _, line := range []int{0, 7} {
				for _, uri := range []string{"", "plans/a%20b.json"} {
					for _, ri := range []int{-1, 0, 36} {
						for w, waiver := range []*config.Waiver{nil, {Reason: odd, Expires: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}, {Reason: ""}, {Reason: "r"}} {
							n++
							f := Finding{
								Finding: rules.Finding{Rule: rules.ByID("IG203"), Severity: sev, Attribute: attr, Message: "message " + odd},
								ResourceRef: &lint.ResourceRef{Address: `module.m["` + odd + `"].aws_iam_access_key.k`,
									Type: "aws_iam_access_key", Action: "no-op", Line: line},
								Waiver: waiver, Waived: waiver != nil && w%2 == 1}
							var compact, want bytes.Buffer
							if err := json.NewEncoder(&compact).Encode(librarySARIFResult(&f, ri, uri)); err != nil {
								t.Fatal(err)
							}
							if err := json.Indent(&want, bytes.TrimSuffix(compact.Bytes(), []byte("\n")), "        ", "  "); err != nil {
								t.Fatal(err)
							}
							if got := appendSARIFResult(nil, &f, ri, uri, fingerprint(f.Rule.ID, f.Address, f.Attribute)); !bytes.Equal(got, want.Bytes()) {
								t.Fatalf("case %d: %s", n, fmt.Sprintf("got:\n%s\nwant:\n%s", got, want.Bytes()))
							}
						}
					}
				}
			}
		}
	}
}

// TestSARIFFingerprintsDistinct: results of one rule on one resource and
// attribute (a certificate not yet valid, with a weak key and a weak
// signature) have fingerprints of their own, so that dismissing one alert
// cannot hide the others; a count of days in a message does not change
// them, and a result alone keeps the fingerprint of rule, address and
// attribute.
func TestSARIFFingerprintsDistinct(t *testing.T) {
	ref := &lint.ResourceRef{Address: "aws_iam_signing_certificate.batch", Type: "aws_iam_signing_certificate", Action: "create"}
	finding := func(id, msg string) Finding {
		return Finding{Finding: rules.Finding{Rule: rules.ByID(id), Severity: rules.High, Attribute: "certificate_body", Message: msg}, ResourceRef: ref}
	}
	fs := []Finding{finding("IG501", "deleted"), finding("IG502", "not valid for 3 days"), finding("IG502", "RSA key of 1024 bits"),
		finding("IG502", "signed with SHA-1")}
	seen := map[string]bool{}
	for i := range fs {
		fp := sarifFingerprint(fs, i)
		if seen[fp] {
			t.Errorf("finding %d shares a fingerprint", i)
		}
		seen[fp] = true
	}
	if got, want := sarifFingerprint(fs, 0), fingerprint("IG501", ref.Address, "certificate_body"); got != want {
		t.Error("a result alone changed its fingerprint")
	}
	later := slices.Clone(fs)
	later[1].Message = "not valid for 12 days"
	if sarifFingerprint(later, 1) != sarifFingerprint(fs, 1) {
		t.Error("a count of days changed the fingerprint")
	}
}
