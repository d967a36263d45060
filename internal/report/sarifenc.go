package report

import (
	"strconv"

	"github.com/google/uuid"
)

// appendSARIFResult appends f as one result of a SARIF run, byte for byte
// as go-sarif's Result would be encoded and indented into the results list
// (at a depth of 8 spaces), without reflection or maps: a report can hold
// hundreds of thousands of findings. ruleIndex is the rule's place in the
// driver's rules (-1: not there) and ruleID its ID there (sarifRuleID), uri the plan file ("": none) and fp its
// fingerprint (sarifFingerprint).
// TestSARIFResultMatchesGoSARIF holds it to the library's encoding.
func appendSARIFResult(b []byte, f *Finding, ruleID string, ruleIndex int, uri, fp string) []byte {
	b = append(b, '{')
	b = append(indent(b, 10), `"properties": {`...)
	b = appendProperty(b, 12, "action", f.Action, false)
	if f.Attribute != "" {
		b = appendProperty(b, 12, "attribute", f.Attribute, true)
	}
	b = appendProperty(b, 12, "resource_type", f.Type, true)
	b = appendProperty(b, 12, "severity", f.Severity.String(), true)
	if !f.Waived && f.Waiver != nil {
		b = appendProperty(b, 12, "waiver_expired", f.Waiver.ExpiresDate(), true)
		b = appendProperty(b, 12, "waiver_reason", f.Waiver.Reason, true)
	}
	b = append(indent(b, 10), "},"...)
	b = appendProperty(b, 10, "ruleId", ruleID, false)
	if ruleIndex >= 0 {
		b = append(indent(append(b, ','), 10), `"ruleIndex": `...)
		b = strconv.AppendInt(b, int64(ruleIndex), 10)
	}
	b = appendProperty(b, 10, "level", sarifLevel(f.Severity), true)
	b = append(indent(append(b, ','), 10), `"message": {`...)
	b = append(indent(b, 12), `"text": "`...)
	b = appendEscaped(b, f.Address)
	b = append(b, ": "...)
	b = append(appendEscaped(b, f.Message), '"')
	b = append(indent(b, 10), "},"...)
	b = append(indent(b, 10), `"locations": [`...)
	b = appendSARIFLocation(indent(b, 12), 12, f, uri)
	b = append(indent(b, 10), "],"...)
	b = append(indent(b, 10), `"partialFingerprints": {`...)
	b = append(indent(b, 12), `"iamguard/v2": "`...)
	b = append(append(b, fp...), '"')
	b = append(indent(b, 10), '}')
	if f.Waived {
		// All of a suppression's fields are set: go-sarif writes unset
		// ones as null, which the schema rejects. The GUID is stable.
		reason := waiverReason(f)
		guid := uuid.NewSHA1(uuid.NameSpaceURL, []byte("iamguard:waiver:"+fingerprint(fp, reason))) // one a result (round 283)
		b = append(indent(append(b, ','), 10), `"suppressions": [`...)
		b = append(indent(b, 12), '{')
		b = appendProperty(b, 14, "kind", "external", false)
		b = appendProperty(b, 14, "status", "accepted", true)
		b = append(indent(append(b, ','), 14), `"location": `...)
		b = appendSARIFLocation(b, 14, f, uri)
		b = appendProperty(b, 14, "guid", guid.String(), true)
		b = appendProperty(b, 14, "justification", reason, true)
		b = append(indent(b, 12), '}')
		b = append(indent(b, 10), ']')
	}
	return append(indent(b, 8), '}')
}

// appendSARIFLocation appends a finding's location, its braces indented by
// depth spaces: the plan file and the line where the resource's change
// starts, and the resource's address. A result and its suppression each
// have one.
func appendSARIFLocation(b []byte, depth int, f *Finding, uri string) []byte {
	b = append(b, '{')
	if uri != "" {
		b = append(indent(b, depth+2), `"physicalLocation": {`...)
		b = append(indent(b, depth+4), `"artifactLocation": {`...)
		b = appendProperty(b, depth+6, "uri", uri, false)
		b = append(indent(b, depth+4), '}')
		if f.Line > 0 {
			b = append(indent(append(b, ','), depth+4), `"region": {`...)
			b = append(indent(b, depth+6), `"startLine": `...)
			b = strconv.AppendInt(b, int64(f.Line), 10)
			b = append(indent(b, depth+4), '}')
		}
		b = append(indent(b, depth+2), "},"...)
	}
	b = append(indent(b, depth+2), `"logicalLocations": [`...)
	b = append(indent(b, depth+4), '{')
	b = appendProperty(b, depth+6, "fullyQualifiedName", f.Address, false)
	b = appendProperty(b, depth+6, "kind", "resource", true)
	b = append(indent(b, depth+4), '}')
	b = append(indent(b, depth+2), ']')
	return append(indent(b, depth), '}')
}

// appendProperty appends "key": "value" on a line of its own, indented by
// depth spaces, after a comma unless it is an object's first member.
func appendProperty(b []byte, depth int, key, value string, comma bool) []byte {
	if comma {
		b = append(b, ',')
	}
	b = append(indent(b, depth), '"')
	b = append(append(b, key...), `": `...)
	return appendString(b, value)
}

// indent appends a line break and depth spaces.
func indent(b []byte, depth int) []byte {
	const spaces = "                    "
	return append(append(b, '\n'), spaces[:depth]...)
}
