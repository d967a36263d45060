package awsiam

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/iam"

	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
)

// benchAccount has 5,000 users; every tenth has an active access key, as in
// an account where most users are people and a few are machines.
func benchAccount() *iamtest.Account {
	acct := &iamtest.Account{Now: now}
	for i := range 5000 {
		u := iamtest.User{Name: fmt.Sprintf("user%04d", i), LoginProfile: &iamtest.LoginProfile{}}
		if i%10 == 0 {
			u.AccessKeys = []iamtest.AccessKey{{ID: fmt.Sprintf("AKIA%016d", i), Created: now, LastUsed: now}}
		}
		acct.Users = append(acct.Users, u)
	}
	return acct
}

const benchLatency = 20 * time.Millisecond

// report prints calls and wall time next to what one call at a time would take.
func report(b *testing.B, srv *iamtest.Server, start time.Time) {
	calls := srv.TotalCalls() / b.N
	wall := time.Since(start) / time.Duration(b.N)
	serial := time.Duration(calls) * benchLatency
	b.ReportMetric(float64(calls), "calls/op")
	b.ReportMetric(float64(srv.MaxInFlight()), "max-in-flight")
	b.ReportMetric(wall.Seconds(), "wall-s/op")
	b.ReportMetric(serial.Seconds(), "one-at-a-time-s/op")
	b.Logf("%d calls, %d at most in flight, wall %s; one call at a time: %d x %s = %s",
		calls, srv.MaxInFlight(), wall.Round(time.Millisecond), calls, benchLatency, serial)
}

// BenchmarkCredentialReport: a fixed number of calls whatever the user count.
func BenchmarkCredentialReport(b *testing.B) {
	srv := iamtest.New(b, benchAccount())
	srv.SetLatency(benchLatency)
	c := client(srv)
	start := time.Now()
	for range b.N {
		rep, err := GetCredentialReport(context.Background(), c, ReportOptions{})
		if err != nil || len(rep.Users) != 5001 {
			b.Fatal(err)
		}
	}
	report(b, srv, start)
}

// BenchmarkAccessKeys: one ListAccessKeys per user and one
// GetAccessKeyLastUsed per key, at most MaxInFlight at once, every call
// through the pacer (at 1000 calls/s: at the provider's default of
// DefaultCallsPerSecond the 5,505 calls would take 275 s by design).
func BenchmarkAccessKeys(b *testing.B) {
	srv := iamtest.New(b, benchAccount())
	srv.SetLatency(benchLatency)
	c := client(srv, NewPacer(1000, DefaultBurst).Apply)
	start := time.Now()
	for range b.N {
		keys, gap, err := AccessKeys(context.Background(), c, "")
		if err != nil || gap != nil || len(keys) != 500 {
			b.Fatal(err, gap, len(keys))
		}
	}
	report(b, srv, start)
	if m := srv.MaxInFlight(); m > MaxInFlight {
		b.Errorf("max in flight %d > %d", m, MaxInFlight)
	}
}

// BenchmarkAccessKeysThrottled: iamtest throttles every call beyond 20 a
// second, as IAM does to a fast caller. The scan still finishes, with every
// key, through the SDK's retries (quota on, 26 attempts as the provider's
// default); retries/op counts the calls throttled and retried. "paced" runs
// with the provider's default pacer, "unpaced-adaptive" with none but the
// SDK's adaptive retry mode.
func BenchmarkAccessKeysThrottled(b *testing.B) {
	const users = 300 // every tenth with a key: 1 ListUsers, 300 ListAccessKeys, 30 GetAccessKeyLastUsed
	for _, c := range []struct {
		name string
		opt  func(*iam.Options)
	}{
		{"paced", NewPacer(DefaultCallsPerSecond, DefaultBurst).Apply},
		{"unpaced-adaptive", func(o *iam.Options) { o.Retryer = retry.NewAdaptiveMode() }},
	} {
		b.Run(c.name, func(b *testing.B) {
			acct := benchAccount()
			acct.Users = acct.Users[:users]
			srv := iamtest.New(b, acct)
			srv.SetLatency(benchLatency)
			srv.SetRateLimit(20)
			cl := client(srv, c.opt, func(o *iam.Options) { o.RetryMaxAttempts = 26 })
			start := time.Now()
			for range b.N {
				keys, gap, err := AccessKeys(context.Background(), cl, "")
				if err != nil || gap != nil || len(keys) != users/10 {
					b.Fatal(err, gap, len(keys))
				}
			}
			b.ReportMetric(float64(srv.Throttled())/float64(b.N), "retries/op")
			report(b, srv, start)
		})
	}
}
