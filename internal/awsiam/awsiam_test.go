package awsiam

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/smithy-go/middleware"

	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

var now = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

// client is a real IAM client pointed at srv, without retries.
func client(srv *iamtest.Server, opts ...func(*iam.Options)) *iam.Client {
	return iam.New(iam.Options{
		Region:           "us-east-1",
		BaseEndpoint:     aws.String(srv.URL),
		Credentials:      credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", "test-secret", ""),
		RetryMaxAttempts: 1,
		HTTPClient:       testHTTPClient(),
		APIOptions:       []func(*middleware.Stack) error{RejectEmptyReplies}, // every reply of iamtest's holds a result
	}, opts...)
}

// testHTTPClient is the HTTP client of the tests' SDK clients, which make
// one attempt a call: a connection each request. Under load a reply's read
// sometimes fails with net.ErrClosed ("use of closed network connection"),
// which the SDK would retry, but a client that makes one attempt cannot:
// the test client reads each reply (its first MiB) itself and sends the
// request again, at most twice, when that read fails so. Nothing else is
// retried, so the tests still see every other failure at once.
func testHTTPClient() retryClosed {
	return retryClosed{awshttp.NewBuildableClient().WithTransportOptions(func(t *http.Transport) {
		t.DisableKeepAlives = true
	})}
}

type retryClosed struct{ c *awshttp.BuildableClient }

func (r retryClosed) Do(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		var err error
		if body, err = io.ReadAll(req.Body); err != nil {
			return nil, err
		}
	}
	for attempt := 0; ; attempt++ {
		again := req.Clone(req.Context())
		again.Body = io.NopCloser(bytes.NewReader(body))
		resp, err := r.c.Do(again)
		if err == nil {
			var head []byte
			if head, err = io.ReadAll(io.LimitReader(resp.Body, 1<<20)); err == nil {
				resp.Body = struct {
					io.Reader
					io.Closer
				}{io.MultiReader(bytes.NewReader(head), resp.Body), resp.Body}
				return resp, nil
			}
			resp.Body.Close()
		}
		if !errors.Is(err, net.ErrClosed) || attempt == 2 {
			return nil, err
		}
	}
}

// accessKeys is AccessKeys as three values: the keys, why some keys' last
// use is unknown, and the error.
func accessKeys(ctx context.Context, api AccessKeysAPI, userName string) ([]AccessKey, error, error) {
	read, err := AccessKeys(ctx, api, userName)
	if err != nil {
		return nil, nil, err
	}
	return read.Keys, read.LastUsed, nil
}

func TestPasswordPolicy(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: now})
	p, exists, err := PasswordPolicy(context.Background(), client(srv))
	if err != nil || exists || p != rules.NoPasswordPolicy() {
		t.Fatalf("no policy: got %+v, %v, %v; want NoPasswordPolicy, false, nil", p, exists, err)
	}
	srv.Update(func(a *iamtest.Account) {
		a.PasswordPolicy = &iamtest.PasswordPolicy{MinimumPasswordLength: 12, RequireSymbols: true, MaxPasswordAge: 30}
	})
	p, exists, err = PasswordPolicy(context.Background(), client(srv))
	if err != nil || !exists || p.MinimumLength.V != 12 || !p.RequireSymbols.V || p.RequireNumbers.V || p.MaxAgeDays.V != 30 || p.ReusePrevention.V != 0 {
		t.Fatalf("got %+v, %v, %v", p, exists, err)
	}
}

func TestErrorsNameActionAndPermission(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: now, Users: []iamtest.User{{Name: "alice"}}})
	srv.Fail("ListAccessKeys", iamtest.AccessDenied, -1)
	_, _, err := accessKeys(context.Background(), client(srv), "alice")
	var e *Error
	if !errors.As(err, &e) || !e.Denied() || e.Permission() != "iam:ListAccessKeys" {
		t.Fatalf("got %v, want a denied *Error for iam:ListAccessKeys", err)
	}
	if want := "ListAccessKeys: access denied: the credentials lack permission iam:ListAccessKeys"; err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}

	srv.Fail("GetAccountPasswordPolicy", iamtest.Throttling, -1)
	_, _, err = PasswordPolicy(context.Background(), client(srv))
	if !errors.As(err, &e) || !e.Throttled() || !strings.Contains(err.Error(), "still throttled") {
		t.Errorf("throttled: got %v", err)
	}
}

// TestAccessKeysInFlight: the listing runs in parallel, never with more
// than MaxInFlight calls at once, and returns every key in order.
func TestAccessKeysInFlight(t *testing.T) {
	acct := &iamtest.Account{Now: now}
	for i := range 300 {
		u := iamtest.User{Name: fmt.Sprintf("user%03d", i)}
		if i%3 == 0 {
			u.AccessKeys = []iamtest.AccessKey{{ID: fmt.Sprintf("AKIA%016d", i), Created: now, LastUsed: now, LastUsedService: "sts"}}
		}
		acct.Users = append(acct.Users, u)
	}
	srv := iamtest.New(t, acct)
	srv.SetLatency(5 * time.Millisecond)
	srv.SetPageSize(7)
	keys, gap, err := accessKeys(context.Background(), client(srv), "")
	if err != nil || gap != nil {
		t.Fatal(err, gap)
	}
	if len(keys) != 100 || keys[0].UserName != "user000" || keys[99].UserName != "user297" || keys[5].LastUsedService != "sts" {
		t.Fatalf("got %d keys, first %+v", len(keys), keys[0])
	}
	if m := srv.MaxInFlight(); m > MaxInFlight || m < MaxInFlight/2 {
		t.Errorf("max in flight = %d, want between %d and %d", m, MaxInFlight/2, MaxInFlight)
	}
	if n := srv.Calls("ListUsers"); n != 43 { // ceil(300/7)
		t.Errorf("ListUsers calls = %d, want 43 pages", n)
	}
}

// TestAccessKeysLastUsedGap: a denied GetAccessKeyLastUsed leaves the keys
// listed, marked unknown, and stops asking after the first refusal.
func TestAccessKeysLastUsedGap(t *testing.T) {
	acct := &iamtest.Account{Now: now}
	for i := range 40 {
		acct.Users = append(acct.Users, iamtest.User{Name: fmt.Sprintf("u%02d", i),
			AccessKeys: []iamtest.AccessKey{{ID: fmt.Sprintf("AKIA%016d", i), LastUsed: now}}})
	}
	srv := iamtest.New(t, acct)
	srv.Fail("GetAccessKeyLastUsed", iamtest.AccessDenied, -1)
	keys, gap, err := accessKeys(context.Background(), client(srv), "")
	var e *Error
	if err != nil || !errors.As(gap, &e) || e.Permission() != "iam:GetAccessKeyLastUsed" {
		t.Fatalf("got err %v, gap %v", err, gap)
	}
	for _, k := range keys {
		if !k.LastUsedUnknown || !k.LastUsed.IsZero() {
			t.Fatalf("key %+v not marked unknown", k)
		}
	}
	if n := srv.Calls("GetAccessKeyLastUsed"); n > MaxInFlight {
		t.Errorf("%d GetAccessKeyLastUsed calls after a refusal; want at most one per worker", n)
	}
}

// TestAccessKeysLastUsedThrottled: GetAccessKeyLastUsed still throttled
// after retries is a gap, as a refusal is, not a failed read.
func TestAccessKeysLastUsedThrottled(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: now, Users: []iamtest.User{
		{Name: "alice", AccessKeys: []iamtest.AccessKey{{ID: "AKIAA", LastUsed: now}}},
	}})
	srv.Fail("GetAccessKeyLastUsed", iamtest.Throttling, -1)
	keys, gap, err := accessKeys(context.Background(), client(srv), "")
	var e *Error
	if err != nil || !errors.As(gap, &e) || !e.Throttled() || len(keys) != 1 || !keys[0].LastUsedUnknown {
		t.Fatalf("got %+v, gap %v, err %v; want the key, its last use unknown, and a throttled gap", keys, gap, err)
	}
}

// TestAccessKeysLastUsedGone: a key GetAccessKeyLastUsed finds gone since
// it was listed stays, its last use unknown, the gap saying why, and the
// other keys' last use is still read.
func TestAccessKeysLastUsedGone(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: now, Users: []iamtest.User{
		{Name: "alice", AccessKeys: []iamtest.AccessKey{{ID: "AKIAA", LastUsed: now}, {ID: "AKIAB", LastUsed: now}}},
		{Name: "bob", AccessKeys: []iamtest.AccessKey{{ID: "AKIAC", LastUsed: now}}},
	}})
	srv.FailItem("GetAccessKeyLastUsed", "AccessKeyId", "AKIAB", iamtest.NoSuchEntity)
	keys, gap, err := accessKeys(context.Background(), client(srv), "")
	if err != nil || code(gap) != "NoSuchEntity" || len(keys) != 3 {
		t.Fatalf("got %+v, gap %v, err %v; want 3 keys and a NoSuchEntity gap", keys, gap, err)
	}
	for _, k := range keys {
		if gone := k.AccessKeyID == "AKIAB"; k.LastUsedUnknown != gone || k.LastUsed.IsZero() != gone {
			t.Errorf("key %+v: last use unknown should be %v", k, gone)
		}
	}
}

// TestAccessKeysLastUsedMissing: a GetAccessKeyLastUsed reply without
// AccessKeyLastUsed, which IAM sends for a key never used too, fails the
// read (round 249: the key, used an hour ago, read as never used).
func TestAccessKeysLastUsedMissing(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: now, Users: []iamtest.User{
		{Name: "bob", AccessKeys: []iamtest.AccessKey{{ID: "AKIAB", LastUsed: now.Add(-time.Hour), LastUsedService: "s3", LastUsedRegion: "us-east-1"}}},
	}})
	srv.RawReply("GetAccessKeyLastUsed", []byte(`<GetAccessKeyLastUsedResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">`+
		`<GetAccessKeyLastUsedResult><UserName>bob</UserName></GetAccessKeyLastUsedResult>`+
		`<ResponseMetadata><RequestId>x</RequestId></ResponseMetadata></GetAccessKeyLastUsedResponse>`), nil, -1)
	keys, _, err := accessKeys(context.Background(), client(srv), "")
	if err == nil || !strings.Contains(err.Error(), "has no AccessKeyLastUsed") {
		t.Errorf("got %+v, err %v; want the read to fail", keys, err)
	}
}

// TestAccessKeysUserGap: one user's refused listing is a Gap naming that
// user and the rest is read; with that user named, the read fails.
func TestAccessKeysUserGap(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: now, Users: []iamtest.User{
		{Name: "alice", AccessKeys: []iamtest.AccessKey{{ID: "AKIAA"}}},
		{Name: "bob", AccessKeys: []iamtest.AccessKey{{ID: "AKIAB"}, {ID: "AKIAC"}}},
	}})
	srv.FailItem("ListAccessKeys", "UserName", "bob", iamtest.AccessDenied)
	read, err := AccessKeys(context.Background(), client(srv), "")
	if err != nil || len(read.Keys) != 1 || read.Keys[0].UserName != "alice" || len(read.Users) != 1 {
		t.Fatalf("got %+v, %v; want alice's key and a gap for bob", read, err)
	}
	if g := read.Users[0]; g.Name != "bob" || g.Item != `the access keys of user "bob"` || !g.Err.Denied() {
		t.Errorf("gap %+v", g)
	}
	if _, err := AccessKeys(context.Background(), client(srv), "bob"); err == nil || !strings.HasPrefix(err.Error(), "ListAccessKeys: access denied") {
		t.Errorf("bob alone: got %v, want the read to fail", err)
	}
}

func TestAccessKeysOneUser(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: now, Users: []iamtest.User{
		{Name: "alice", AccessKeys: []iamtest.AccessKey{{ID: "AKIAB"}, {ID: "AKIAA", Status: "Inactive"}}},
		{Name: "bob", AccessKeys: []iamtest.AccessKey{{ID: "AKIAC"}}},
	}})
	keys, _, err := accessKeys(context.Background(), client(srv), "alice")
	if err != nil || len(keys) != 2 || keys[0].AccessKeyID != "AKIAA" || keys[0].Active() || !keys[1].Active() {
		t.Fatalf("got %+v, %v", keys, err)
	}
	if _, _, err := accessKeys(context.Background(), client(srv), "nobody"); err == nil || !strings.HasPrefix(err.Error(), "ListAccessKeys: ") {
		t.Errorf("unknown user: got %v", err)
	}
}

// TestAccessKeysMissingFacts: a key ListAccessKeys gives no CreateDate for
// has a zero Created, and a Status IAM does not define is kept as given and
// not StatusKnown.
func TestAccessKeysMissingFacts(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: now, Users: []iamtest.User{{Name: "alice", AccessKeys: []iamtest.AccessKey{
		{ID: "AKIAA", Status: "active"}, {ID: "AKIAB", Status: "Expired"}, {ID: "AKIAC"}, {ID: "AKIAD", Status: "Inactive"}}}}})
	srv.DropKeyDates(true)
	keys, _, err := accessKeys(context.Background(), client(srv), "alice")
	if err != nil || len(keys) != 4 {
		t.Fatalf("got %+v, %v", keys, err)
	}
	for i, known := range []bool{false, true, true, true} {
		if k := keys[i]; !k.Created.IsZero() || k.StatusKnown() != known || k.Active() != (k.Status == "Active") {
			t.Errorf("%s: Status %q, StatusKnown %v, Created %v", k.AccessKeyID, k.Status, k.StatusKnown(), k.Created)
		}
	}
	if keys[0].Status != "active" {
		t.Errorf("status %q, want it as IAM gave it", keys[0].Status)
	}
}

func TestCredentialReport(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{
		Now:  now,
		Root: iamtest.Root{Created: now.AddDate(-3, 0, 0), MFAEnabled: true, HasAccessKeys: true},
		Users: []iamtest.User{{
			Name: "alice", Created: now.AddDate(0, 0, -30), PasswordLastUsed: now.Add(-time.Hour),
			LoginProfile: &iamtest.LoginProfile{Created: now.AddDate(0, 0, -30)},
			AccessKeys: []iamtest.AccessKey{{ID: "AKIAA", Status: "Inactive", Created: now.AddDate(0, 0, -20)},
				{ID: "AKIAB", Created: now.AddDate(0, 0, -2), LastUsed: now.Add(-time.Minute), LastUsedService: "s3", LastUsedRegion: "eu-west-1"}},
		}},
		CredentialReportDelay: 3,
	})
	rep, err := GetCredentialReport(context.Background(), client(srv), ReportOptions{MinInterval: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.GeneratedTime.Equal(now) || len(rep.Users) != 2 {
		t.Fatalf("generated %v, %d users", rep.GeneratedTime, len(rep.Users))
	}
	// The age is judged by IAM's clock (the reply's Date), here ten
	// minutes behind the host's; a Date a day behind (round 315) or ahead
	// (round 320) is not taken.
	if host := now.Add(10 * time.Minute); !rep.ServerTime.Equal(now) || !rep.AgeClock(host).Equal(now) || (&CredentialReport{}).AgeClock(host) != host {
		t.Errorf("server time %v, age clock %v", rep.ServerTime, rep.AgeClock(host))
	}
	for _, host := range []time.Time{now.AddDate(0, 0, 1), now.AddDate(0, 0, -1)} {
		if rep.AgeClock(host) != host {
			t.Errorf("a Date a day from the host's %v: age clock %v", host, rep.AgeClock(host))
		}
	}
	root, alice := rep.Users[0], rep.Users[1]
	// Root's password_enabled is not_supported, as AWS writes it.
	if !root.Root() || root.PasswordEnabled != rules.UnknownValue[bool]() || root.MFAActive != rules.Known(true) || root.AccessKeys[0].Active != rules.Known(true) || !root.PasswordLastUsed.IsZero() {
		t.Errorf("root row: %+v", root)
	}
	want := ReportUser{
		User: "alice", ARN: "arn:aws:iam::123456789012:user/alice", Created: now.AddDate(0, 0, -30),
		PasswordEnabled: rules.Known(true), PasswordLastUsed: now.Add(-time.Hour), PasswordLastChanged: now.AddDate(0, 0, -30),
		MFAActive: rules.Known(false),
		AccessKeys: [2]ReportKey{{Active: rules.Known(false), LastRotated: now.AddDate(0, 0, -20)},
			{Active: rules.Known(true), LastRotated: now.AddDate(0, 0, -2), LastUsed: now.Add(-time.Minute), LastUsedRegion: "eu-west-1", LastUsedService: "s3"}},
		Certs: [2]ReportCert{{Active: rules.Known(false)}, {Active: rules.Known(false)}},
	}
	if alice != want {
		t.Errorf("alice:\n got  %+v\n want %+v", alice, want)
	}
	if g := srv.Calls("GenerateCredentialReport"); g != 4 {
		t.Errorf("GenerateCredentialReport calls = %d, want 4 (3 in progress, then complete)", g)
	}
}

func TestCredentialReportTimeout(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: now, CredentialReportDelay: 1 << 20})
	start := time.Now()
	_, err := GetCredentialReport(context.Background(), client(srv), ReportOptions{Timeout: 100 * time.Millisecond, MinInterval: 10 * time.Millisecond})
	if err == nil || err.Error() != "GenerateCredentialReport: the credential report was not ready within 100ms" {
		t.Fatalf("got %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("gave up after %s", d)
	}
	// Backoff doubles (10, 20, 40 ms ...), so a 100 ms wait is a few polls.
	if n := srv.Calls("GenerateCredentialReport"); n < 2 || n > 5 {
		t.Errorf("%d polls in 100ms; want backoff", n)
	}
}

// setCell returns an EditCredentialReport that sets column col of report
// line line (1 is the header) to v.
func setCell(line int, col, v string) func([][]string) [][]string {
	return func(rows [][]string) [][]string {
		for i, h := range rows[0] {
			if h == col {
				rows[line-1][i] = v
			}
		}
		return rows
	}
}

func TestCredentialReportMalformed(t *testing.T) {
	dropColumn := func(col string) func([][]string) [][]string {
		return func(rows [][]string) [][]string {
			for i, h := range rows[0] {
				if h == col {
					for r := range rows {
						rows[r] = append(rows[r][:i:i], rows[r][i+1:]...)
					}
					break
				}
			}
			return rows
		}
	}
	for name, c := range map[string]struct {
		edit func([][]string) [][]string
		want string
	}{
		"no password_enabled": {dropColumn("password_enabled"), "GetCredentialReport: report line 1 does not parse: the header lacks the column(s) password_enabled"},
		"no mfa_active":       {dropColumn("mfa_active"), "GetCredentialReport: report line 1 does not parse: the header lacks the column(s) mfa_active"},
		"no access_key_2_active": {dropColumn("access_key_2_active"),
			"GetCredentialReport: report line 1 does not parse: the header lacks the column(s) access_key_2_active"},
		"short row": {func(rows [][]string) [][]string { rows[2] = rows[2][:8]; return rows },
			"GetCredentialReport: report line 3 does not parse: it has 8 fields; the header has 22"},
		"bad date": {setCell(3, "password_last_used", "yesterday"),
			`GetCredentialReport: report line 3, column password_last_used: "yesterday" is not an ISO 8601 date, N/A, no_information or not_supported`},
		"bad flag": {setCell(3, "mfa_active", "yes"),
			`GetCredentialReport: report line 3, column mfa_active: "yes" is not true, false, N/A, no_information or not_supported`},
		"empty report": {func([][]string) [][]string { return nil }, "GetCredentialReport: the report does not parse: reading the header: EOF"},
		// Past twice IAM's quota of users (round 151: 150,000 rows took
		// the provider to 3.5 GB).
		"too many users": {func(rows [][]string) [][]string {
			for len(rows) < maxReportUsers+3 {
				rows = append(rows, slices.Clone(rows[2]))
			}
			return rows
		}, fmt.Sprintf("GetCredentialReport: report line %d does not parse: the report lists more than 10000 users, twice IAM's quota of 5,000 an account", maxReportUsers+3)},
		"empty user name": {setCell(3, "user", ""), "GetCredentialReport: report line 3, column user: the user name is empty"},
		"a column twice": {func(rows [][]string) [][]string {
			for r := range rows {
				rows[r] = append(rows[r], "true") // a second mfa_active, which says true for all
			}
			rows[0][len(rows[0])-1] = "mfa_active"
			return rows
		}, "GetCredentialReport: report line 1, column mfa_active: the header names it twice"},
	} {
		t.Run(name, func(t *testing.T) {
			srv := iamtest.New(t, &iamtest.Account{Now: now, Users: []iamtest.User{{Name: "alice", LoginProfile: &iamtest.LoginProfile{}}},
				EditCredentialReport: c.edit})
			rep, err := GetCredentialReport(context.Background(), client(srv), ReportOptions{MinInterval: time.Millisecond})
			var re *ReportError
			if !errors.As(err, &re) || err.Error() != c.want {
				t.Fatalf("got %v, %v; want %q", rep, err, c.want)
			}
		})
	}
	// Words for "no value" are Unknown, not false.
	srv := iamtest.New(t, &iamtest.Account{Now: now, Users: []iamtest.User{{Name: "alice", LoginProfile: &iamtest.LoginProfile{}}},
		EditCredentialReport: setCell(3, "mfa_active", "not_supported")})
	rep, err := GetCredentialReport(context.Background(), client(srv), ReportOptions{})
	if err != nil || !rep.Users[1].MFAActive.Unknown || rep.Users[1].PasswordEnabled != rules.Known(true) {
		t.Fatalf("got %+v, %v", rep, err)
	}
	// Nor is no_information a region or service a key was last used in.
	srv = iamtest.New(t, &iamtest.Account{Now: now, Users: []iamtest.User{{Name: "alice", AccessKeys: []iamtest.AccessKey{{ID: "AKIAA"}}}},
		EditCredentialReport: func(rows [][]string) [][]string {
			rows = setCell(3, "access_key_1_last_used_region", "no_information")(rows)
			return setCell(3, "access_key_1_last_used_service", "no_information")(rows)
		}})
	rep, err = GetCredentialReport(context.Background(), client(srv), ReportOptions{})
	if err != nil || rep.Users[1].AccessKeys[0].LastUsedRegion != "" || rep.Users[1].AccessKeys[0].LastUsedService != "" {
		t.Fatalf("no_information: got %+v, %v", rep, err)
	}
	// A byte-order mark before the header is not part of its first column.
	srv = iamtest.New(t, &iamtest.Account{Now: now, Users: []iamtest.User{{Name: "alice", LoginProfile: &iamtest.LoginProfile{}}},
		EditCredentialReport: setCell(1, "user", "\ufeffuser")})
	rep, err = GetCredentialReport(context.Background(), client(srv), ReportOptions{})
	if err != nil || len(rep.Users) != 2 || rep.Users[1].User != "alice" {
		t.Fatalf("with a byte-order mark: got %+v, %v", rep, err)
	}
}

// TestCredentialReportNotRefreshed: when generation is denied, the report
// IAM holds is read and NotRefreshed says why; with no report, the denial
// is the error.
func TestCredentialReportNotRefreshed(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: now, CredentialReportGenerated: now.Add(-30 * time.Hour)})
	srv.Fail("GenerateCredentialReport", iamtest.AccessDenied, -1)
	rep, err := GetCredentialReport(context.Background(), client(srv), ReportOptions{})
	var e *Error
	if err != nil || !rep.GeneratedTime.Equal(now.Add(-30*time.Hour)) || !errors.As(rep.NotRefreshed, &e) || !e.Denied() {
		t.Fatalf("got %+v, %v", rep, err)
	}
	srv = iamtest.New(t, &iamtest.Account{Now: now})
	srv.Fail("GenerateCredentialReport", iamtest.AccessDenied, -1)
	if _, err := GetCredentialReport(context.Background(), client(srv), ReportOptions{}); !errors.As(err, &e) || e.Permission() != "iam:GenerateCredentialReport" {
		t.Fatalf("no report: got %v", err)
	}
	srv = iamtest.New(t, &iamtest.Account{Now: now})
	if rep, err := GetCredentialReport(context.Background(), client(srv), ReportOptions{}); err != nil || rep.NotRefreshed != nil {
		t.Fatalf("generated: got %+v, %v", rep, err)
	}
}

func TestAccountSummary(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: now, Root: iamtest.Root{MFAEnabled: true, HasSigningCertificates: true}})
	s, err := AccountSummary(context.Background(), client(srv))
	if err != nil || s != (rules.AccountSummary{Known: true, MFAEnabled: true, SigningCertificatesPresent: true, PasswordShown: true}) {
		t.Fatalf("got %+v, %v", s, err)
	}
	// Root's password is read from AccountPasswordPresent; a reply without
	// it (older than the key) leaves it unknown, not absent.
	srv = iamtest.New(t, &iamtest.Account{Now: now, Root: iamtest.Root{HasPassword: true}})
	if s, err := AccountSummary(context.Background(), client(srv)); err != nil || !s.PasswordShown || !s.PasswordPresent {
		t.Fatalf("root password: got %+v, %v", s, err)
	}
	srv.RawReply("GetAccountSummary", []byte(`<GetAccountSummaryResponse><GetAccountSummaryResult><SummaryMap>`+
		`<entry><key>AccountMFAEnabled</key><value>0</value></entry><entry><key>AccountAccessKeysPresent</key><value>0</value></entry>`+
		`<entry><key>AccountSigningCertificatesPresent</key><value>0</value></entry>`+
		`</SummaryMap></GetAccountSummaryResult></GetAccountSummaryResponse>`), nil, 1)
	if s, err := AccountSummary(context.Background(), client(srv)); err != nil || s.PasswordShown || s.PasswordPresent {
		t.Fatalf("no AccountPasswordPresent: got %+v, %v", s, err)
	}
	srv.Fail("GetAccountSummary", iamtest.AccessDenied, -1)
	var e *Error
	if _, err := AccountSummary(context.Background(), client(srv)); !errors.As(err, &e) || !e.Denied() {
		t.Fatalf("denied: got %v", err)
	}
	// A reply without root's entries says nothing of root: not "no key,
	// no certificate, no MFA", which would take the report's away.
	srv.Fail("GetAccountSummary", 0, 0)
	srv.RawReply("GetAccountSummary", []byte(`<GetAccountSummaryResponse><GetAccountSummaryResult><SummaryMap>`+
		`<entry><key>AccountMFAEnabled</key><value>1</value></entry></SummaryMap></GetAccountSummaryResult></GetAccountSummaryResponse>`), nil, 1)
	want := "GetAccountSummary: the reply's SummaryMap has no AccountAccessKeysPresent, AccountSigningCertificatesPresent, which every reply holds"
	if s, err := AccountSummary(context.Background(), client(srv)); err == nil || err.Error() != want {
		t.Fatalf("entries missing: got %+v, %v; want %q", s, err, want)
	}
	// One entry missing is as much a fault as two.
	srv.RawReply("GetAccountSummary", []byte(`<GetAccountSummaryResponse><GetAccountSummaryResult><SummaryMap>`+
		`<entry><key>AccountMFAEnabled</key><value>1</value></entry><entry><key>AccountAccessKeysPresent</key><value>0</value></entry>`+
		`</SummaryMap></GetAccountSummaryResult></GetAccountSummaryResponse>`), nil, 1)
	want = "GetAccountSummary: the reply's SummaryMap has no AccountSigningCertificatesPresent, which every reply holds"
	if s, err := AccountSummary(context.Background(), client(srv)); err == nil || err.Error() != want {
		t.Fatalf("one entry missing: got %+v, %v; want %q", s, err, want)
	}
}

// TestAccountID: an account ID is exactly 12 digits.
func TestAccountID(t *testing.T) {
	for s, want := range map[string]bool{"123456789012": true, "12345678901": false, "1234567890123": false, "12345678901a": false, "": false} {
		if accountID(s) != want {
			t.Errorf("accountID(%q) = %v, want %v", s, !want, want)
		}
	}
}

// TestCredentialReportTransientGet: a report IAM said was complete but
// that GetCredentialReport answers expired is polled for again, not an
// error; with generation refused, a report still in progress is the
// refusal (iam:GenerateCredentialReport), not a GetCredentialReport error.
func TestCredentialReportTransientGet(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: now})
	srv.FailHTTP("GetCredentialReport", 410, "ReportExpired", 1)
	if rep, err := GetCredentialReport(context.Background(), client(srv), ReportOptions{MinInterval: time.Millisecond}); err != nil || rep.NotRefreshed != nil {
		t.Fatalf("expired once: got %+v, %v", rep, err)
	}
	if n := srv.Calls("GetCredentialReport"); n != 2 {
		t.Errorf("GetCredentialReport calls = %d, want 2", n)
	}
	srv = iamtest.New(t, &iamtest.Account{Now: now})
	srv.Fail("GenerateCredentialReport", iamtest.AccessDenied, -1)
	srv.FailHTTP("GetCredentialReport", 404, "ReportInProgress", -1)
	var e *Error
	if _, err := GetCredentialReport(context.Background(), client(srv), ReportOptions{}); !errors.As(err, &e) || e.Permission() != "iam:GenerateCredentialReport" || !e.Denied() {
		t.Fatalf("in progress, generation denied: got %v", err)
	}
}

// TestErrorCodes: each code AWS uses for a refusal is Denied and each it
// uses for throttling is Throttled, whatever the HTTP status.
func TestErrorCodes(t *testing.T) {
	for _, c := range []struct {
		code              string
		denied, throttled bool
	}{
		{"AccessDenied", true, false}, {"AccessDeniedException", true, false},
		{"UnauthorizedOperation", true, false}, {"UnauthorizedAccess", true, false},
		{"Throttling", false, true}, {"ThrottlingException", false, true},
		{"RequestLimitExceeded", false, true}, {"TooManyRequestsException", false, true},
		{"ServiceFailure", false, false},
	} {
		e := &Error{Service: "iam", Action: "ListUsers", Code: c.code, Status: 400}
		if e.Denied() != c.denied || e.Throttled() != c.throttled {
			t.Errorf("%s: Denied() = %v, Throttled() = %v; want %v, %v", c.code, e.Denied(), e.Throttled(), c.denied, c.throttled)
		}
	}
}
