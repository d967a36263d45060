package awsiam

import (
	"context"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/smithy-go/middleware"
)

// IAM's request limits are per account and per API, low, and cannot be
// raised. A Pacer keeps every IAM call of one provider, from every
// collector and every retry, under one shared rate.
const (
	DefaultCallsPerSecond = 20 // the pace of IAM calls when none is set
	DefaultBurst          = 20 // calls that may start at once after a pause
)

// Pacer is a token bucket: it holds up to burst tokens, gains perSecond of
// them each second, and every IAM attempt takes one, waiting when none is
// left. It is safe for concurrent use.
type Pacer struct {
	mu     sync.Mutex
	rate   float64 // tokens per second
	burst  float64
	tokens float64
	last   time.Time
}

// NewPacer returns a full bucket.
func NewPacer(perSecond float64, burst int) *Pacer {
	return &Pacer{rate: perSecond, burst: float64(burst), tokens: float64(burst), last: time.Now()}
}

// Wait takes a token, sleeping until one is there or ctx ends.
func (p *Pacer) Wait(ctx context.Context) error {
	p.mu.Lock()
	now := time.Now()
	p.tokens = min(p.burst, p.tokens+now.Sub(p.last).Seconds()*p.rate)
	p.last = now
	p.tokens-- // reserve now; a negative balance is a queue of waiters
	wait := time.Duration(-p.tokens / p.rate * float64(time.Second))
	p.mu.Unlock()
	if wait <= 0 {
		return nil
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		p.mu.Lock()
		p.tokens++ // give the reservation back
		p.mu.Unlock()
		return ctx.Err()
	}
}

// Apply makes every attempt of every call of an IAM client wait for a
// token, retries included: pass it to iam.NewFromConfig or iam.New.
func (p *Pacer) Apply(o *iam.Options) {
	o.APIOptions = append(o.APIOptions, func(stack *middleware.Stack) error {
		mw := middleware.FinalizeMiddlewareFunc("iamguard.Pace", func(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
			if err := p.Wait(ctx); err != nil {
				return middleware.FinalizeOutput{}, middleware.Metadata{}, err
			}
			return next.HandleFinalize(ctx, in)
		})
		// After the retry middleware, so that each attempt is paced.
		if err := stack.Finalize.Insert(mw, "Retry", middleware.After); err != nil {
			return stack.Finalize.Add(mw, middleware.After)
		}
		return nil
	})
}
