package awsiam

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/smithy-go"

	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
)

func manyUsers(n int) *iamtest.Account {
	acct := &iamtest.Account{Now: now}
	for i := range n {
		acct.Users = append(acct.Users, iamtest.User{Name: fmt.Sprintf("u%03d", i)})
	}
	return acct
}

// TestPaginationGuards: a listing that repeats its marker stops with an
// error instead of looping, and one truncated without a marker is an error,
// not a complete list.
func TestPaginationGuards(t *testing.T) {
	for _, c := range []struct {
		fault iamtest.PageFault
		want  error
	}{{iamtest.RepeatMarker, ErrRepeatedMarker}, {iamtest.DropMarker, ErrNoMarker}} {
		t.Run(fmt.Sprint(c.want), func(t *testing.T) {
			srv := iamtest.New(t, manyUsers(30))
			srv.SetPageSize(10)
			srv.SetPageFault("ListUsers", c.fault)
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			keys, gap, err := accessKeys(ctx, client(srv), "")
			var e *Error
			if !errors.Is(err, c.want) || !errors.As(err, &e) || e.Action != "ListUsers" || keys != nil || gap != nil {
				t.Fatalf("got %v, %v, %v; want %v", keys, gap, err, c.want)
			}
			if n := srv.Calls("ListUsers"); n > 3 {
				t.Errorf("%d ListUsers calls; the guard should stop at the second page", n)
			}
		})
	}
	// A Marker on a page not cut: the SDK's paginator follows it whatever
	// IsTruncated says, so it ran for ever (round 153).
	for name, result := range map[string]string{
		"no IsTruncated":    `<Users/><Marker>m</Marker>`,
		"IsTruncated false": `<Users/><IsTruncated>false</IsTruncated><Marker>m</Marker>`,
	} {
		srv := iamtest.New(t, manyUsers(3))
		srv.RawReply("ListUsers", []byte(`<ListUsersResponse><ListUsersResult>`+result+`</ListUsersResult></ListUsersResponse>`), nil, -1)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		_, _, err := accessKeys(ctx, client(srv), "")
		cancel()
		if !errors.Is(err, ErrMarkerNotCut) || srv.Calls("ListUsers") != 1 {
			t.Errorf("%s: %v after %d calls, want ErrMarkerNotCut after 1", name, err, srv.Calls("ListUsers"))
		}
	}
	// The same guard follows each user's ListAccessKeys.
	srv := iamtest.New(t, &iamtest.Account{Now: now, Users: []iamtest.User{{Name: "alice",
		AccessKeys: []iamtest.AccessKey{{ID: "AKIA1"}, {ID: "AKIA2"}}}}})
	srv.SetPageSize(1)
	srv.SetPageFault("ListAccessKeys", iamtest.RepeatMarker)
	if _, _, err := accessKeys(context.Background(), client(srv), "alice"); !errors.Is(err, ErrRepeatedMarker) {
		t.Fatalf("ListAccessKeys: got %v", err)
	}
}

// TestPaginationBounded: every IAM listing ends whatever IAM answers. A
// list that starts over under new markers stops at the page of items it has
// read already; empty truncated pages stop after ten; a list longer than
// the quota allows stops at its page bound. Each is an error naming the
// listing, as a repeated marker is.
func TestPaginationBounded(t *testing.T) {
	acct := uploadedAccount(t, 3, 3)
	u := &acct.Users[0]
	for i := range 25 {
		u.AccessKeys = append(u.AccessKeys, iamtest.AccessKey{ID: fmt.Sprintf("AKIA%016d", i)})
		u.SSHPublicKeys = append(u.SSHPublicKeys, iamtest.SSHPublicKey{ID: fmt.Sprintf("APKAX%015d", i), Body: u.SSHPublicKeys[0].Body})
		u.SigningCertificates = append(u.SigningCertificates, iamtest.SigningCertificate{ID: fmt.Sprintf("CERTX%015d", i), Body: u.SigningCertificates[0].Body})
	}
	user := u.Name
	reads := map[string]func(context.Context, *iam.Client) error{
		"ListUsers": func(ctx context.Context, c *iam.Client) error { _, _, err := accessKeys(ctx, c, ""); return err },
		"ListAccessKeys": func(ctx context.Context, c *iam.Client) error {
			_, _, err := accessKeys(ctx, c, user)
			return err
		},
		"ListSSHPublicKeys": func(ctx context.Context, c *iam.Client) error { _, err := SSHPublicKeys(ctx, c, user); return err },
		"ListSigningCertificates": func(ctx context.Context, c *iam.Client) error {
			_, err := SigningCertificates(ctx, c, user, ReportOptions{MinInterval: time.Millisecond})
			return err
		},
		"ListServerCertificates": func(ctx context.Context, c *iam.Client) error {
			_, err := ServerCertificates(ctx, c, "", nil)
			return err
		},
	}
	for action, read := range reads {
		for _, c := range []struct {
			fault iamtest.PageFault
			size  int
			want  error
			calls int
		}{
			{iamtest.RestartMarker, 2, ErrRepeatedItems, 2},
			{iamtest.EmptyPages, 2, ErrEmptyListPages, maxEmptyListPages},
			{0, 1, ErrTooManyListPages, maxListPages[action]}, // only the per-user listings hold more items than their bound
		} {
			if c.fault == 0 && maxListPages[action] > 25 {
				continue
			}
			t.Run(fmt.Sprintf("%s fault %d", action, c.fault), func(t *testing.T) {
				srv := iamtest.New(t, acct)
				srv.SetPageSize(c.size)
				srv.SetPageFault(action, c.fault)
				ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				defer cancel()
				err := read(ctx, client(srv))
				var e *Error
				if !errors.Is(err, c.want) || !errors.As(err, &e) || e.Action != action || !strings.HasPrefix(err.Error(), action+": IAM answered") {
					t.Fatalf("got %v after %d calls; want %v from %s", err, srv.Calls(action), c.want, action)
				}
				if n := srv.Calls(action); n != c.calls {
					t.Errorf("%d %s calls, want %d", n, action, c.calls)
				}
			})
		}
	}
}

// TestPagesRepeatingItems: an item a listing's pages repeat is read once.
// A user listed on two pages had his one key counted twice (a false
// IG203), and an SSH key listed twice was shared with itself (round 108).
func TestPagesRepeatingItems(t *testing.T) {
	acct := uploadedAccount(t, 5, 5)
	for i := range acct.Users {
		u := &acct.Users[i]
		u.AccessKeys = []iamtest.AccessKey{{ID: fmt.Sprintf("AKIA%016d", i)}}
		if i == 0 {
			for j := 1; j < 5; j++ {
				u.AccessKeys = append(u.AccessKeys, iamtest.AccessKey{ID: fmt.Sprintf("AKIAX%015d", j)})
				u.SSHPublicKeys = append(u.SSHPublicKeys, iamtest.SSHPublicKey{ID: fmt.Sprintf("APKAX%015d", j), Body: u.SSHPublicKeys[0].Body})
				u.SigningCertificates = append(u.SigningCertificates, iamtest.SigningCertificate{ID: fmt.Sprintf("CERTX%015d", j), Body: u.SigningCertificates[0].Body})
			}
		}
	}
	count := func(t *testing.T, srv *iamtest.Server) map[string]int {
		t.Helper()
		ctx := context.Background()
		keys, gap, err := accessKeys(ctx, client(srv), "")
		if err != nil || gap != nil {
			t.Fatalf("access keys: %v, %v", gap, err)
		}
		ssh, err := SSHPublicKeys(ctx, client(srv), "")
		if err != nil {
			t.Fatal(err)
		}
		sc, err := SigningCertificates(ctx, client(srv), "", ReportOptions{MinInterval: time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		certs, err := ServerCertificates(ctx, client(srv), "", nil)
		if err != nil {
			t.Fatal(err)
		}
		return map[string]int{"ListAccessKeys": len(keys), "ListSSHPublicKeys": len(ssh.Keys),
			"ListSigningCertificates": len(sc.Certificates), "ListServerCertificates": len(certs), "ListUsers": sc.Listed}
	}
	want := map[string]int{"ListAccessKeys": 9, "ListSSHPublicKeys": 9, "ListSigningCertificates": 9, "ListServerCertificates": 5, "ListUsers": 5}
	for _, action := range []string{"ListUsers", "ListAccessKeys", "ListSSHPublicKeys", "ListSigningCertificates", "ListServerCertificates"} {
		t.Run(action, func(t *testing.T) {
			srv := iamtest.New(t, acct)
			srv.SetPageSize(2)
			srv.SetPageFault(action, iamtest.OverlapPages)
			if got := count(t, srv); !maps.Equal(got, want) {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
}

// TestDeniedUnderOtherCodes: a 403 is an AccessDenied whatever code it
// carries, unless the code says the credentials themselves are bad, or STS
// is not activated in its region (round 121).
func TestDeniedUnderOtherCodes(t *testing.T) {
	for _, c := range []struct {
		code   string
		denied bool
	}{{"", true}, {"AccessDeniedForThisOrganization", true}, {"InvalidClientTokenId", false}, {"RegionDisabledException", false}} {
		t.Run("code "+c.code, func(t *testing.T) {
			srv := iamtest.New(t, manyUsers(1))
			srv.FailHTTP("ListUsers", 403, c.code, -1)
			_, _, err := accessKeys(context.Background(), client(srv), "")
			var e *Error
			if !errors.As(err, &e) || e.Denied() != c.denied || e.Status != 403 {
				t.Fatalf("got %v (%#v); want denied=%v", err, e, c.denied)
			}
			if c.denied && err.Error() != "ListUsers: access denied: the credentials lack permission iam:ListUsers" {
				t.Errorf("message %q", err)
			}
		})
	}
	// GetAccessKeyLastUsed refused with UnknownError/403 is a gap, not a failure.
	srv := iamtest.New(t, &iamtest.Account{Now: now, Users: []iamtest.User{{Name: "alice", AccessKeys: []iamtest.AccessKey{{ID: "AKIA1"}}}}})
	srv.FailHTTP("GetAccessKeyLastUsed", 403, "", -1)
	keys, gap, err := accessKeys(context.Background(), client(srv), "")
	var e *Error
	if err != nil || len(keys) != 1 || !keys[0].LastUsedUnknown || !errors.As(gap, &e) || e.Code != "UnknownError" || !e.Denied() {
		t.Fatalf("got %v, %v, %v", keys, gap, err)
	}
}

// TestPacer: calls through a paced client never exceed the bucket.
func TestPacer(t *testing.T) {
	srv := iamtest.New(t, manyUsers(40))
	srv.SetPageSize(1)
	p := NewPacer(100, 5)
	c := client(srv, p.Apply)
	start := time.Now()
	if _, _, err := accessKeys(context.Background(), c, ""); err != nil {
		t.Fatal(err)
	}
	calls, took := srv.TotalCalls(), time.Since(start)
	// 40 ListUsers pages and 40 ListAccessKeys: 80 calls, 5 free, 75 at 100/s.
	if calls != 80 || took < 700*time.Millisecond {
		t.Errorf("%d calls in %s; want 80 calls taking at least 0.75 s", calls, took)
	}
}

// TestRetryQuotaExhausted: when the SDK's retry quota runs out, the call is
// still reported as throttled (the documented handling), not as some other
// failure.
func TestRetryQuotaExhausted(t *testing.T) {
	srv := iamtest.New(t, manyUsers(1))
	srv.Fail("ListUsers", iamtest.Throttling, -1)
	c := client(srv, func(o *iam.Options) {
		o.RetryMaxAttempts = 0
		o.Retryer = retry.NewStandard(func(so *retry.StandardOptions) {
			so.MaxAttempts = 25
			so.RateLimiter = ratelimit.NewTokenRateLimit(10) // two throttled retries' worth
			so.Backoff = retry.NewExponentialJitterBackoff(time.Millisecond)
		})
	})
	_, _, err := accessKeys(context.Background(), c, "")
	var e *Error
	var quota ratelimit.QuotaExceededError
	if !errors.As(err, &e) || !e.Throttled() || !errors.As(err, &quota) {
		t.Fatalf("got %v; want a throttled *Error after the retry quota ran out", err)
	}
	if n := srv.Calls("ListUsers"); n != 3 {
		t.Errorf("ListUsers calls = %d, want 3 (the quota pays for two retries)", n)
	}
}

// TestPageGuardOneRepeatedItem: a truncated page whose one item was read
// already means the listing started over, as for a page of many.
func TestPageGuardOneRepeatedItem(t *testing.T) {
	g := pageGuard{action: "ListUsers"}
	if !g.add("alice") || g.check(true, aws.String("m1"), 1, 1) != nil {
		t.Fatal("first page refused")
	}
	if g.add("alice") {
		t.Fatal("alice read twice")
	}
	if err := g.check(true, aws.String("m2"), 1, 0); !errors.Is(err, ErrRepeatedItems) {
		t.Errorf("got %v, want %v", err, ErrRepeatedItems)
	}
}

// TestErrorQuotesNoValue: a failed call's text leaves out AWS's message,
// which may quote a parameter the configuration gave, a file's path and an
// endpoint's path, query and user (round 301).
func TestErrorQuotesNoValue(t *testing.T) {
	const canary = "CANARY301"
	apiErr := &smithy.GenericAPIError{Code: "ValidationError", Message: "Value '" + canary + " x' at 'externalId' failed to satisfy constraint"}
	for name, err := range map[string]error{
		"AWS's message": wrap("GetCallerIdentity", &smithy.OperationError{ServiceID: "STS", OperationName: "AssumeRole", Err: apiErr}),
		"a file's path": wrap("GetCallerIdentity", fmt.Errorf("failed to retrieve jwt, unable to read file at /run/%s: %w", canary,
			&fs.PathError{Op: "open", Path: "/run/" + canary, Err: fs.ErrNotExist})),
		"an endpoint": wrap("ListUsers", &url.Error{Op: "Post", URL: "https://u" + canary + ":p@iam.example.com/" + canary + "?t=" + canary,
			Err: errors.New("dial tcp: connection refused")}),
	} {
		if text := err.Error(); strings.Contains(text, canary) {
			t.Errorf("%s: %q", name, text)
		}
	}
}
