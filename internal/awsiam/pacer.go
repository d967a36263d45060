package awsiam

import (
	"context"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// LookupEventsInterval spaces LookupEvents requests: CloudTrail allows two
// a second per account and region.
const LookupEventsInterval = 500 * time.Millisecond

// EventPacer keeps requests within a per-second limit as the service counts
// them, by the time they arrive there. A token bucket (x/time/rate) spaces
// the requests it sends; on top of that a request goes out only when at
// most one other request is in flight or finished less than a second ago.
// A request arrives after it is sent and before its reply comes back, so
// however the network or the scheduler delays requests, no three arrive
// within one second. The guard costs one round trip per two requests; the
// token bucket alone would let jitter push three into one second.
type EventPacer struct {
	limiter *rate.Limiter
	perSec  int

	mu      sync.Mutex
	recent  []*pacedCall  // in flight, or finished within the last second
	changed chan struct{} // closed (and replaced) whenever a call finishes
}

type pacedCall struct{ done time.Time } // zero while in flight

// NewLookupEventsPacer paces LookupEvents: two requests a second, no burst.
func NewLookupEventsPacer() *EventPacer {
	return &EventPacer{limiter: rate.NewLimiter(rate.Every(LookupEventsInterval), 1), perSec: 2, changed: make(chan struct{})}
}

// acquire waits until a request may go out, and returns the function to
// call once its reply (or failure) is in.
func (p *EventPacer) acquire(ctx context.Context) (release func(), err error) {
	for {
		p.mu.Lock()
		now := time.Now()
		var expires time.Time // when the oldest finished call stops counting
		keep := p.recent[:0]
		for _, c := range p.recent {
			if c.done.IsZero() || now.Sub(c.done) < time.Second {
				keep = append(keep, c)
				if exp := c.done.Add(time.Second); !c.done.IsZero() && (expires.IsZero() || exp.Before(expires)) {
					expires = exp
				}
			}
		}
		p.recent = keep
		if len(keep) < p.perSec {
			c := &pacedCall{}
			p.recent = append(p.recent, c)
			p.mu.Unlock()
			if err := p.limiter.Wait(ctx); err != nil {
				p.finish(c)
				return nil, err
			}
			return func() { p.finish(c) }, nil
		}
		changed := p.changed
		p.mu.Unlock()
		if err := waitFor(ctx, changed, expires); err != nil {
			return nil, err
		}
	}
}

// waitFor waits until changed is closed, the time until passes (zero:
// never) or ctx ends.
func waitFor(ctx context.Context, changed <-chan struct{}, until time.Time) error {
	var timeout <-chan time.Time
	if !until.IsZero() {
		t := time.NewTimer(time.Until(until))
		defer t.Stop()
		timeout = t.C
	}
	select {
	case <-changed:
	case <-timeout:
	case <-ctx.Done():
		return ctx.Err()
	}
	return nil
}

func (p *EventPacer) finish(c *pacedCall) {
	p.mu.Lock()
	defer p.mu.Unlock()
	c.done = time.Now()
	close(p.changed)
	p.changed = make(chan struct{})
}
