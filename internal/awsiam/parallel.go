package awsiam

import (
	"context"
	"errors"
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
// it; any other failure stays an error.
func gapOf(name, item, action string, err error) (*Gap, error) {
	var e *Error
	if !errors.As(wrap(action, err), &e) {
		return nil, err
	}
	if e.Denied() || e.Throttled() {
		return &Gap{Name: name, Item: item, Err: e}, nil
	}
	return nil, e
}
