// Package glob matches the patterns users write in iamguard's
// configuration: waiver addresses and plans, allowed certificate domains,
// expected principals.
package glob

import (
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws/arn"
)

// Match reports whether s matches pattern, where * stands for any run
// of bytes (none included) and everything else, ? [ ] " and . included,
// matches itself. The pieces between stars are found in turn, each at its
// first place after the one before, the first at the start and the last at
// the end: work linear in the two strings, whatever the pattern.
func Match(pattern, s string) bool {
	first := strings.IndexByte(pattern, '*')
	if first < 0 {
		return pattern == s
	}
	last := strings.LastIndexByte(pattern, '*')
	start, end := pattern[:first], pattern[last+1:]
	if len(s) < len(start)+len(end) || !strings.HasPrefix(s, start) || !strings.HasSuffix(s, end) {
		return false
	}
	rest, middle := s[len(start):len(s)-len(end)], ""
	if last > first {
		middle = pattern[first+1 : last]
	}
	for middle != "" {
		var piece string
		piece, middle, _ = strings.Cut(middle, "*")
		i := strings.Index(rest, piece)
		if i < 0 {
			return false
		}
		rest = rest[i+len(piece):]
	}
	return true
}

// MatchARN reports whether s matches pattern as IAM matches ARNs
// (ArnLike): both are split into an ARN's six colon-separated parts
// (arn:partition:service:region:account:resource, the resource keeping any
// further colons; the SDK's arn.Parse) and each part of s must Match the
// same part of pattern. A * never runs from one part into the next, so
// arn:aws:iam::*:role/terraform-* matches no user, even one whose path
// holds ":role/terraform-". The pattern "*" alone matches everything; any
// other pattern, or an s, that is not an ARN matches nothing.
func MatchARN(pattern, s string) bool {
	if pattern == "*" {
		return true
	}
	p, err := arn.Parse(pattern)
	if err != nil {
		return false
	}
	a, err := arn.Parse(s)
	if err != nil {
		return false
	}
	return Match(p.Partition, a.Partition) && Match(p.Service, a.Service) && Match(p.Region, a.Region) &&
		Match(p.AccountID, a.AccountID) && Match(p.Resource, a.Resource)
}
