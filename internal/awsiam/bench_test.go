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
		keys, gap, err := accessKeys(context.Background(), c, "")
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
			srv.SetRateLimit("", 20)
			cl := client(srv, c.opt, func(o *iam.Options) { o.RetryMaxAttempts = 26 })
			start := time.Now()
			for range b.N {
				keys, gap, err := accessKeys(context.Background(), cl, "")
				if err != nil || gap != nil || len(keys) != users/10 {
					b.Fatal(err, gap, len(keys))
				}
			}
			b.ReportMetric(float64(srv.Throttled(""))/float64(b.N), "retries/op")
			report(b, srv, start)
		})
	}
}

// The issue 11 budget: 5,000 users with one SSH key and one signing
// certificate each, plus 500 server certificates, at 20 ms a call; each
// scan within 10 s and at most MaxInFlight calls at once.

func benchUploaded(b *testing.B, scan func(*iamtest.Server) int, want int) {
	srv := iamtest.New(b, uploadedAccount(b, 5000, 500))
	srv.SetLatency(benchLatency)
	start := time.Now()
	for range b.N {
		if n := scan(srv); n != want {
			b.Fatalf("read %d items, want %d", n, want)
		}
	}
	report(b, srv, start)
	if m := srv.MaxInFlight(); m > MaxInFlight {
		b.Errorf("max in flight %d > %d", m, MaxInFlight)
	}
}

// BenchmarkServerCertificates: one listing page and one
// GetServerCertificate per certificate.
func BenchmarkServerCertificates(b *testing.B) {
	benchUploaded(b, func(srv *iamtest.Server) int {
		certs, err := ServerCertificates(context.Background(), client(srv), "", nil)
		if err != nil {
			b.Fatal(err)
		}
		return len(certs)
	}, 500)
}

// BenchmarkSSHPublicKeys: one ListSSHPublicKeys per user and one
// GetSSHPublicKey per key; no API lists SSH keys across users.
func BenchmarkSSHPublicKeys(b *testing.B) {
	benchUploaded(b, func(srv *iamtest.Server) int {
		read, err := SSHPublicKeys(context.Background(), client(srv), "")
		if err != nil || len(read.Users) != 0 {
			b.Fatal(err, read.Users)
		}
		return len(read.Keys)
	}, 5000)
}

// BenchmarkSigningCertificates: the credential report, then one
// ListSigningCertificates per user.
func BenchmarkSigningCertificates(b *testing.B) {
	benchUploaded(b, func(srv *iamtest.Server) int {
		read, err := SigningCertificates(context.Background(), client(srv), "", ReportOptions{MinInterval: time.Millisecond})
		if err != nil || len(read.Gaps) != 0 {
			b.Fatal(err, read.Gaps)
		}
		return len(read.Certificates)
	}, 5000)
}
