package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/iamguard/terraform-provider-iamguard/internal/config"
	"github.com/iamguard/terraform-provider-iamguard/internal/lint"
	"github.com/iamguard/terraform-provider-iamguard/internal/plan"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// librarySARIFResult builds f's result with go-sarif's types: what
// appendSARIFResult must encode, byte for byte.
func librarySARIFResult(f *Finding, ruleIndex int, uri, fp string) *sarif.Result {
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
	res := sarif.NewRuleResult(sarifRuleID(f)).
		WithLevel(sarifLevel(f.Severity)).
		WithMessage(sarif.NewTextMessage(f.Address + ": " + f.Message)).
		WithLocations([]*sarif.Location{loc}).
		WithPartialFingerPrints(map[string]any{"iamguard/v2": fp})
	if ruleIndex >= 0 {
		res.WithRuleIndex(ruleIndex)
	}
	switch {
	case f.Waived:
		res.AddSuppression(sarif.NewSuppression("external").
			WithStatus("accepted").
			WithJustifcation(waiverReason(f)).
			WithLocation(loc).
			WithGuid(uuid.NewSHA1(uuid.NameSpaceURL, []byte("iamguard:waiver:"+fingerprint(fp, waiverReason(f)))).String()))
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
							if err := json.NewEncoder(&compact).Encode(librarySARIFResult(&f, ri, uri, sarifFingerprint(&f, uri))); err != nil {
								t.Fatal(err)
							}
							if err := json.Indent(&want, bytes.TrimSuffix(compact.Bytes(), []byte("\n")), "        ", "  "); err != nil {
								t.Fatal(err)
							}
							if got := appendSARIFResult(nil, &f, sarifRuleID(&f), ri, uri, sarifFingerprint(&f, uri)); !bytes.Equal(got, want.Bytes()) {
								t.Fatalf("case %d: %s", n, fmt.Sprintf("got:\n%s\nwant:\n%s", got, want.Bytes()))
							}
						}
					}
				}
			}
		}
	}
}

// TestSARIFFingerprintsDistinct: every finding has a fingerprint of its
// own, whatever else shares its rule, resource and attribute (an expiring
// certificate and a weak key, two weak intermediates), so that dismissing
// one alert cannot hide another; a count of days does not change it, nor
// how the run named the plan (a.json, ./a.json, merged or not).
func TestSARIFFingerprintsDistinct(t *testing.T) {
	ref := &lint.ResourceRef{Address: "aws_iam_signing_certificate.batch", Type: "aws_iam_signing_certificate", Action: "create"}
	finding := func(id, msg string) Finding {
		return Finding{Finding: rules.Finding{Rule: rules.ByID(id), Severity: rules.High, Attribute: "certificate_body", Message: msg}, ResourceRef: ref}
	}
	fs := []Finding{finding("IG502", "expires in 3 days"), finding("IG502", "RSA key of 1024 bits"), finding("IG502", "signed with SHA-1"),
		finding("IG304", "intermediate CN=R10 has a 1024-bit key"), finding("IG304", "intermediate CN=R11 has a 1024-bit key"),
		finding("IG304", `"Example Intermediate CA 1" has a 1024-bit key`), finding("IG304", `"Example Intermediate CA 2" has a 1024-bit key`)}
	seen := map[string]bool{}
	for i := range fs {
		fp := sarifFingerprint(&fs[i], "a.json")
		if seen[fp] {
			t.Errorf("finding %d (%s) shares a fingerprint", i, fs[i].Message)
		}
		seen[fp] = true
	}
	for in, want := range map[string]string{"expires in 3 days": "expires in # days", "is 400 days old; at most 90 days": "is # days old; at most # days",
		"1 day": "# days", "CA 2 day": "CA # days", "R10 days": "R10 days", "no days": "no days", "plain": "plain",
		// The last days of a certificate read alike (round 311).
		"expires in 1 day": "expires in # days", "expires in less than a day": "expires in # days"} {
		if got := withoutDayCounts(in); got != want {
			t.Errorf("withoutDayCounts(%q) = %q, want %q", in, got, want)
		}
	}
	later := fs[0]
	later.Message = "expires in 12 days"
	if sarifFingerprint(&later, "a.json") != sarifFingerprint(&fs[0], "a.json") {
		t.Error("a count of days changed the fingerprint")
	}
	merged := fs[0]
	merged.ResourceRef = &lint.ResourceRef{Address: "./a.json" + AddressSeparator + ref.Address, In: &lint.PlanRef{Path: "./a.json", File: "a.json"}}
	if sarifFingerprint(&merged, "a.json") != sarifFingerprint(&fs[0], "a.json") {
		t.Error("the fingerprint depends on how the run named the plan")
	}
	// The old object a replacement forgets has the replacement's address
	// (round 152: one alert for the two).
	old := fs[0]
	old.ResourceRef = &lint.ResourceRef{Address: ref.Address, Type: ref.Type, Action: "forget"}
	if sarifFingerprint(&old, "a.json") == sarifFingerprint(&fs[0], "a.json") {
		t.Error("a replacement and the old object it forgets share a fingerprint")
	}
	// Plans outside the repository have no file: their paths tell them apart.
	prod, staging := fs[0], fs[0]
	prod.ResourceRef = &lint.ResourceRef{Address: "../plans/prod/plan.json:" + ref.Address, In: &lint.PlanRef{Path: "../plans/prod/plan.json"}}
	staging.ResourceRef = &lint.ResourceRef{Address: "../plans/staging/plan.json:" + ref.Address, In: &lint.PlanRef{Path: "../plans/staging/plan.json"}}
	if sarifFingerprint(&prod, "") == sarifFingerprint(&staging, "") {
		t.Error("one finding in two plans outside the repository shares a fingerprint")
	}
}

// TestSARIFSuppressionsApart: each waived result has a suppression GUID of
// its own, as SARIF asks, though one waiver waives several findings of one
// rule on one resource (round 283: three IG304 of one chain shared one).
func TestSARIFSuppressionsApart(t *testing.T) {
	w := &waiver{config.Waiver{Reason: "weak chain, SEC-7", Expires: until("2027-01-31")}, true}
	const addr, typ = "aws_iam_server_certificate.web", "aws_iam_server_certificate"
	r := New(lint.Result{Plan: &plan.Plan{FormatVersion: "1.2"}, Findings: []lint.Finding{
		finding("IG304", rules.High, addr, typ, "create", "certificate_body", "the key is RSA 1024 bits", w),
		finding("IG304", rules.High, addr, typ, "create", "certificate_chain", "certificate 1 of the chain: the key is RSA 1024 bits", w),
	}}, "test")
	var log struct {
		Runs []struct {
			Results []struct {
				Suppressions []struct{ GUID string }
			}
		}
	}
	if err := json.Unmarshal(render(t, "sarif", r, Options{}), &log); err != nil {
		t.Fatal(err)
	}
	guids := map[string]bool{}
	for _, res := range log.Runs[0].Results {
		for _, s := range res.Suppressions {
			guids[s.GUID] = true
		}
	}
	if len(guids) != 2 {
		t.Errorf("%d suppression GUIDs for 2 waived results: %v", len(guids), guids)
	}
}
