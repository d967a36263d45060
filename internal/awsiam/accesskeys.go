package awsiam

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/iam/types"
	"golang.org/x/sync/errgroup"
)

// AccessKeysAPI is the part of the IAM client AccessKeys needs.
type AccessKeysAPI interface {
	iam.ListUsersAPIClient
	iam.ListAccessKeysAPIClient
	GetAccessKeyLastUsed(context.Context, *iam.GetAccessKeyLastUsedInput, ...func(*iam.Options)) (*iam.GetAccessKeyLastUsedOutput, error)
}

// MaxInFlight bounds the IAM calls AccessKeys makes at once.
const MaxInFlight = 16

// AccessKey is one access key with its last use. Created is zero when IAM
// gave no creation date. LastUsed is zero when the key was never used, or
// when LastUsedUnknown says it could not be read.
type AccessKey struct {
	UserName, AccessKeyID, Status string
	Created                       time.Time
	LastUsed                      time.Time
	LastUsedService               string
	LastUsedRegion                string
	LastUsedUnknown               bool
}

// Active reports whether the key can sign requests.
func (k AccessKey) Active() bool { return k.Status == "Active" }

// StatusKnown reports whether Status is one IAM defines: another ("active",
// or none) does not say whether the key can sign requests.
func (k AccessKey) StatusKnown() bool { return statusKnown(k.Status) }

// statusKnown reports whether status is one IAM defines for a credential
// (access key, signing certificate): Active, Inactive or Expired,
// as the SDK's StatusType values list them.
func statusKnown(status string) bool {
	return slices.Contains(types.StatusType("").Values(), types.StatusType(status))
}

// AccessKeysRead is what AccessKeys read: every key it could list, why
// some keys' last use is unknown, and the users whose keys it could not list.
type AccessKeysRead struct {
	Keys []AccessKey // ordered by user, then key ID
	// LastUsed says why the keys marked LastUsedUnknown are: nil when none is.
	LastUsed error
	Users    []Gap // ordered by user
}

// AccessKeys lists the access keys of every user, or of userName alone when
// it is set, with each key's last use. At most MaxInFlight calls run at
// once.
//
// When GetAccessKeyLastUsed is denied or stays throttled, the keys are still
// returned, those whose last use is unknown marked so, and LastUsed says why;
// no further GetAccessKeyLastUsed calls are made. A key it finds gone since
// it was listed (NoSuchEntity) is returned too, its last use unknown, and
// LastUsed says so when nothing else does. A refused or throttled listing of
// one user's keys, or of a user gone since ListUsers named it (deleted, or
// renamed with its keys), is a Gap in Users; with userName set it is err, as
// a failed ListUsers is. Any other failure is err.
func AccessKeys(ctx context.Context, api AccessKeysAPI, userName string) (*AccessKeysRead, error) {
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(MaxInFlight) // bounds goroutines; c.limiter bounds calls
	c := &keyCollector{api: api, limiter: newLimiter(), read: &AccessKeysRead{}}
	start := func(user string) { g.Go(func() error { return c.userKeys(gctx, user, userName != "") }) }

	if userName != "" {
		start(userName)
	} else {
		if err := listUsers(gctx, c.limiter, api, func(u types.User) { start(aws.ToString(u.UserName)) }); err != nil {
			if werr := g.Wait(); werr != nil {
				return nil, werr // a worker failed first and cancelled the listing
			}
			return nil, err
		}
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	slices.SortFunc(c.read.Keys, func(a, b AccessKey) int {
		if c := strings.Compare(a.UserName, b.UserName); c != 0 {
			return c
		}
		return strings.Compare(a.AccessKeyID, b.AccessKeyID)
	})
	slices.SortFunc(c.read.Users, func(a, b Gap) int { return strings.Compare(a.Name, b.Name) })
	switch {
	case c.gap != nil:
		c.read.LastUsed = c.gap
	case c.gone != nil:
		c.read.LastUsed = c.gone
	}
	return c.read, nil
}

type keyCollector struct {
	api AccessKeysAPI
	limiter

	mu   sync.Mutex
	read *AccessKeysRead
	gap  *Error // first denied or throttled GetAccessKeyLastUsed
	gone *Error // first key GetAccessKeyLastUsed found gone
}

func (c *keyCollector) hasGap() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gap != nil
}

// userKeys lists one user's keys, then asks for each key's last use. A
// refused listing is a Gap unless fatal says it must fail the read. A key
// gone since it was listed stays, its last use unknown: IAM documents no
// NoSuchEntity for GetAccessKeyLastUsed, and a key passed over would pass
// unjudged (round 161: a second active key dropped so, compliant = true).
func (c *keyCollector) userKeys(ctx context.Context, user string, fatal bool) error {
	var keys []AccessKey
	p := iam.NewListAccessKeysPaginator(c.api, &iam.ListAccessKeysInput{UserName: aws.String(user)})
	err := allPages(ctx, c.limiter, "ListAccessKeys", p,
		func(page *iam.ListAccessKeysOutput) (bool, *string, []types.AccessKeyMetadata) {
			return page.IsTruncated, page.Marker, page.AccessKeyMetadata
		},
		func(m types.AccessKeyMetadata) *string { return m.AccessKeyId },
		func(m types.AccessKeyMetadata) {
			keys = append(keys, AccessKey{UserName: user, AccessKeyID: aws.ToString(m.AccessKeyId), Status: string(m.Status), Created: aws.ToTime(m.CreateDate).UTC()})
		})
	if err != nil {
		gap, err := userListingGap(user, fmt.Sprintf("the access keys of user %q", user), "ListAccessKeys", fatal, err)
		if gap != nil {
			c.mu.Lock()
			c.read.Users = append(c.read.Users, *gap)
			c.mu.Unlock()
		}
		return err
	}
	for i := range keys {
		if c.hasGap() {
			keys[i].LastUsedUnknown = true
			continue
		}
		var out *iam.GetAccessKeyLastUsedOutput
		err := c.do(ctx, func() (err error) {
			out, err = c.api.GetAccessKeyLastUsed(ctx, &iam.GetAccessKeyLastUsedInput{AccessKeyId: aws.String(keys[i].AccessKeyID)})
			return err
		})
		switch {
		case err != nil && gone(err):
			c.mu.Lock()
			if c.gone == nil {
				c.gone = wrap("GetAccessKeyLastUsed", err).(*Error)
			}
			c.mu.Unlock()
			keys[i].LastUsedUnknown = true
		case err != nil:
			e := wrap("GetAccessKeyLastUsed", err).(*Error)
			if !e.Denied() && !e.Throttled() {
				return e
			}
			c.mu.Lock()
			if c.gap == nil {
				c.gap = e
			}
			c.mu.Unlock()
			keys[i].LastUsedUnknown = true
		case out.AccessKeyLastUsed == nil:
			// IAM sends it for a key never used too (Region and
			// ServiceName N/A, no date): without it the key would read as
			// never used (round 249: a false IG802).
			return &Error{Service: "iam", Action: "GetAccessKeyLastUsed",
				Err: fmt.Errorf("the reply for access key %s has no AccessKeyLastUsed, which IAM always gives", keys[i].AccessKeyID)}
		default:
			lu := out.AccessKeyLastUsed
			keys[i].LastUsed = aws.ToTime(lu.LastUsedDate).UTC()
			keys[i].LastUsedService = reportString(aws.ToString(lu.ServiceName))
			keys[i].LastUsedRegion = reportString(aws.ToString(lu.Region))
		}
	}
	c.mu.Lock()
	c.read.Keys = append(c.read.Keys, keys...)
	c.mu.Unlock()
	return nil
}
