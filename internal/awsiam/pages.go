package awsiam

import (
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// Errors of a listing whose pages do not chain. The SDK's paginators take a
// truncated page without a marker for the last one, and loop for ever on a
// marker that comes back again, on a list that starts over under new
// markers, and on empty pages that go on; none may pass for a complete list.
var (
	ErrNoMarker         = errors.New("IAM answered IsTruncated=true without a Marker, so the rest of the list cannot be read")
	ErrMarkerNotCut     = errors.New("IAM answered a Marker on a page that does not say IsTruncated=true, which it never does; the SDK would follow it for ever")
	ErrRepeatedMarker   = errors.New("IAM answered IsTruncated=true with a Marker it had already given, so the listing would never end")
	ErrRepeatedItems    = errors.New("IAM answered IsTruncated=true on a page of items it had already given, so the listing had started over and would never end")
	ErrEmptyListPages   = fmt.Errorf("IAM answered %d pages in a row without items, each with IsTruncated=true, so the listing might never end", maxEmptyListPages)
	ErrTooManyListPages = errors.New("IAM answered more pages than the account's quota for the list allows, so the listing might never end")
)

// maxListPages bounds the pages of each IAM listing, whatever IAM answers.
// A page of items all read already ends the listing (ErrRepeatedItems), so
// every page read brings a new item or none; the bounds are the IAM quotas
// (IAM and AWS STS quotas, IAM User Guide) read one item a page, with room:
//
//   - ListUsers: 5,000 users per account. iamguard asks 1,000 a page, so 5
//     pages; 5,000 pages hold the quota even at one user a page.
//   - ListServerCertificates: 20 per account by default, more on request;
//     asked 1,000 a page. 5,000 pages, as for users.
//   - ListAccessKeys and ListSigningCertificates: 2 per user;
//     ListSSHPublicKeys: 5 per user. IAM's default page is 100, so one
//     page; 20 pages hold four times the quota at one item a page, and keep
//     a faulty listing of every user of a large account short.
var maxListPages = map[string]int{
	"ListUsers":               5_000,
	"ListServerCertificates":  5_000,
	"ListAccessKeys":          20,
	"ListSigningCertificates": 20,
	"ListSSHPublicKeys":       20,
}

// defaultMaxListPages bounds a listing maxListPages does not name.
const defaultMaxListPages = 5_000

// maxEmptyListPages: a truncated page without items brings nothing, and
// ten in a row mean the listing no longer advances.
const maxEmptyListPages = 10

// pageGuard follows one paginated listing, page by page.
type pageGuard struct {
	action       string
	pages, empty int
	markers      map[string]bool // the markers followed
	items        map[string]bool // the items read, by key
}

// add records an item of the page being read by its key (a name or ID)
// and reports whether it is new: an item a page repeats is read once.
func (g *pageGuard) add(key string) bool {
	if g.items == nil {
		g.items = map[string]bool{}
	}
	if g.items[key] {
		return false
	}
	g.items[key] = true
	return true
}

// check judges a page's continuation, once its n items are added, fresh of
// them new: nil when the page is the last, or names a new marker and the
// listing still advances within its bounds.
func (g *pageGuard) check(truncated bool, marker *string, n, fresh int) error {
	g.pages++
	if !truncated {
		if aws.ToString(marker) != "" { // round 153: the paginator follows it, unguarded
			return &Error{Service: "iam", Action: g.action, Err: ErrMarkerNotCut}
		}
		return nil
	}
	if n == 0 {
		g.empty++
	} else {
		g.empty = 0
	}
	limit := maxListPages[g.action]
	if limit == 0 {
		limit = defaultMaxListPages
	}
	m := aws.ToString(marker)
	var err error
	switch {
	case m == "":
		err = ErrNoMarker
	case g.markers[m]:
		err = ErrRepeatedMarker
	case fresh == 0 && n > 0:
		err = ErrRepeatedItems
	case g.empty == maxEmptyListPages:
		err = ErrEmptyListPages
	case g.pages >= limit:
		err = fmt.Errorf("%w (%d pages)", ErrTooManyListPages, limit)
	}
	if err != nil {
		return &Error{Service: "iam", Action: g.action, Err: err}
	}
	if g.markers == nil {
		g.markers = map[string]bool{}
	}
	g.markers[m] = true
	return nil
}
