package awsiam

import (
	"context"
	"errors"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/iam/types"
)

// limiter bounds the IAM calls a collector has in flight: every call takes
// one of MaxInFlight slots for as long as it runs.
type limiter chan struct{}

func newLimiter() limiter { return make(limiter, MaxInFlight) }

// do runs one call once a slot is free.
func (l limiter) do(ctx context.Context, call func() error) error {
	select {
	case l <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-l }()
	return call()
}

// Gap is an item a collector could not read because IAM denied the call
// for it or kept throttling it: the rest is still read and judged, and the
// caller reports the gap (IG806) instead of passing the item.
type Gap struct {
	Name string // names the item: a user name, key ID or certificate name; "" for the account
	Item string // what was not read, in words: `the SSH public keys of user "alice"`
	Err  *Error
}

// gapOf turns a per-item failure into a Gap when IAM denied or throttled
// it, or the item is gone since it was listed (see gone): never a pass, and
// the rest is still read; any other failure stays an error.
func gapOf(name, item, action string, err error) (*Gap, error) {
	var e *Error
	if !errors.As(wrap(action, err), &e) {
		return nil, err
	}
	if e.Denied() || e.Throttled() || gone(e) {
		return &Gap{Name: name, Item: item, Err: e}, nil
	}
	return nil, e
}

// pages is an SDK paginator, such as *iam.ListUsersPaginator.
type pages[T any] interface {
	HasMorePages() bool
	NextPage(context.Context, ...func(*iam.Options)) (T, error)
}

// allPages reads every page of p, each call through lim, and hands each
// item of a page to each once, however often pages repeat it: a user
// listed on two pages has one set of keys. page says how a page continues
// (IsTruncated, Marker) and gives its items, key naming each one, so that
// a listing whose pages do not chain fails instead of passing for
// complete or looping (pageGuard). It stops at the first failed page and
// returns its error as the SDK gave it.
func allPages[P, I any](ctx context.Context, lim limiter, action string, p pages[P],
	page func(P) (truncated bool, marker *string, items []I), key func(I) *string, each func(I)) error {
	guard := pageGuard{action: action}
	for p.HasMorePages() {
		var pg P
		err := lim.do(ctx, func() (err error) {
			pg, err = p.NextPage(ctx)
			return err
		})
		if err != nil {
			return err
		}
		truncated, marker, items := page(pg)
		fresh := 0
		for _, it := range items {
			if guard.add(aws.ToString(key(it))) {
				each(it)
				fresh++
			}
		}
		if err := guard.check(truncated, marker, len(items), fresh); err != nil {
			return err
		}
	}
	return nil
}

// listUsers hands every user's name to each, once, IAM's largest page at a
// time. A failed page is an error naming ListUsers.
func listUsers(ctx context.Context, lim limiter, api iam.ListUsersAPIClient, each func(u types.User)) error {
	p := iam.NewListUsersPaginator(api, &iam.ListUsersInput{MaxItems: aws.Int32(1000)})
	return wrap("ListUsers", allPages(ctx, lim, "ListUsers", p,
		func(page *iam.ListUsersOutput) (bool, *string, []types.User) {
			return page.IsTruncated, page.Marker, page.Users
		},
		func(u types.User) *string { return u.UserName },
		each))
}

// userListingGap sorts a failed listing of one user's items: a Gap when IAM
// denied or throttled it, or the user is gone since ListUsers named it,
// unless fatal says that user's listing is the read itself; else an error.
func userListingGap(user, item, action string, fatal bool, err error) (*Gap, error) {
	if fatal {
		return nil, wrap(action, err)
	}
	return gapOf(user, item, action, err)
}

// gone reports whether a call about an item listed before failed because
// it no longer exists by that name (NoSuchEntity): deleted during the
// read, or, for a user, renamed, its items still there under the new name.
func gone(err error) bool { return code(err) == "NoSuchEntity" }
