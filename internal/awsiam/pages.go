package awsiam

import (
	"errors"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// Errors of a listing whose pages do not chain. The SDK's paginators take a
// truncated page without a marker for the last one, and loop for ever on a
// marker that comes back again; neither may pass for a complete list.
var (
	ErrNoMarker       = errors.New("IAM answered IsTruncated=true without a Marker, so the rest of the list cannot be read")
	ErrRepeatedMarker = errors.New("IAM answered IsTruncated=true with a Marker it had already given, so the listing would never end")
)

// pageGuard follows one paginated listing, page by page.
type pageGuard struct {
	action string
	seen   map[string]bool
}

// check judges a page's continuation: nil when the page is the last or
// names a new marker.
func (g *pageGuard) check(truncated bool, marker *string) error {
	if !truncated {
		return nil
	}
	m := aws.ToString(marker)
	if m == "" {
		return &Error{Service: "iam", Action: g.action, Err: ErrNoMarker}
	}
	if g.seen[m] {
		return &Error{Service: "iam", Action: g.action, Err: ErrRepeatedMarker}
	}
	if g.seen == nil {
		g.seen = map[string]bool{}
	}
	g.seen[m] = true
	return nil
}
