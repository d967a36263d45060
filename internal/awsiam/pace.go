package awsiam

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/smithy-go/middleware"
	"golang.org/x/time/rate"
)

// IAM's request limits are per account and per API, low, and cannot be
// raised. A Pacer keeps every IAM call of one provider, from every
// collector and every retry, under one shared rate.
const (
	DefaultCallsPerSecond = 20 // the pace of IAM calls when none is set
	DefaultBurst          = 20 // calls that may start at once after a pause
)

// Pacer is a token bucket (x/time/rate): it holds up to burst tokens, gains
// perSecond of them each second, and every IAM attempt takes one, waiting
// when none is left. It is safe for concurrent use.
type Pacer struct{ limiter *rate.Limiter }

// NewPacer returns a full bucket.
func NewPacer(perSecond float64, burst int) *Pacer {
	return &Pacer{rate.NewLimiter(rate.Limit(perSecond), burst)}
}

// Wait takes a token, sleeping until one is there or ctx ends.
func (p *Pacer) Wait(ctx context.Context) error { return p.limiter.Wait(ctx) }

// Apply makes every attempt of every call of an IAM client wait for a
// token, retries included: pass it to iam.NewFromConfig or iam.New.
func (p *Pacer) Apply(o *iam.Options) {
	o.APIOptions = append(o.APIOptions, paceAttempts("iamguard.Pace", func(ctx context.Context) (func(), error) {
		return func() {}, p.Wait(ctx)
	}))
}

// paceAttempts is an SDK stack option that holds every attempt of a call,
// retries included, until acquire lets it go, and calls the release acquire
// returns once the attempt is over. It sits after the retry middleware.
func paceAttempts(name string, acquire func(context.Context) (release func(), err error)) func(*middleware.Stack) error {
	return func(s *middleware.Stack) error {
		m := middleware.FinalizeMiddlewareFunc(name,
			func(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
				release, err := acquire(ctx)
				if err != nil {
					return middleware.FinalizeOutput{}, middleware.Metadata{}, err
				}
				defer release()
				return next.HandleFinalize(ctx, in)
			})
		if _, ok := s.Finalize.Get("Retry"); ok {
			return s.Finalize.Insert(m, "Retry", middleware.After)
		}
		return s.Finalize.Add(m, middleware.Before)
	}
}
