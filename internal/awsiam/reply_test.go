package awsiam

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
)

// TestEmptyRepliesRejected: an HTTP 200 with an empty body, which the
// SDK reads as a result with nothing in it (no users, no keys, no event
// selectors, no events, no account), fails the call once RejectEmptyReplies
// is on the client, with an error that names the action and is not retried.
func TestEmptyRepliesRejected(t *testing.T) {
	const attempts = 3 // a retried error would show as more than one call
	acct := func() *iamtest.Account {
		return &iamtest.Account{Now: now, Users: []iamtest.User{{Name: "alice", AccessKeys: []iamtest.AccessKey{{ID: "AKIAALICE0000000001"}}}},
			Trails: []iamtest.Trail{{Name: "main", IsMultiRegionTrail: true, IncludeGlobalServiceEvents: true, IsLogging: true}},
			Events: eventsAccount(1, "UpdateAccessKey").Events}
	}
	type options = []func(*middleware.Stack) error
	for _, c := range []struct {
		action string
		read   func(*iamtest.Server, options) (int, error) // how many facts were read
	}{
		{"ListUsers", readKeys},
		{"ListAccessKeys", readKeys},
		{"GetEventSelectors", func(srv *iamtest.Server, opts options) (int, error) {
			trails, err := Trails(context.Background(), cloudtrail.New(ctClient(srv, attempts).Options(), func(o *cloudtrail.Options) { o.APIOptions = opts }), iamtest.DefaultAccountID)
			n := 0
			for _, tr := range trails {
				n += len(tr.EventSelectors) + len(tr.AdvancedSelectors)
			}
			return n, err
		}},
		{"LookupEvents", func(srv *iamtest.Server, opts options) (int, error) {
			read, err := IAMEvents(context.Background(), cloudtrail.New(ctClient(srv, attempts).Options(), func(o *cloudtrail.Options) { o.APIOptions = opts }),
				EventsQuery{Names: []string{"UpdateAccessKey"}, Start: now.AddDate(0, 0, -1), End: now, Pacer: unpaced(srv)})
			if err != nil {
				return 0, err
			}
			return len(read.Events), nil
		}},
		{"GetCallerIdentity", func(srv *iamtest.Server, opts options) (int, error) {
			// The client itself: CallerAccount refuses a reply with no account
			// (TestCallerAccountMissing), with RejectEmptyReplies or not.
			creds := credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", "test-secret", "")
			out, err := sts.New(sts.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL),
				Credentials: creds, HTTPClient: testHTTPClient(), RetryMaxAttempts: attempts, APIOptions: opts}).GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
			if err != nil || out.Account == nil {
				return 0, wrap("GetCallerIdentity", err)
			}
			return 1, nil
		}},
	} {
		t.Run(c.action, func(t *testing.T) {
			srv := iamtest.New(t, acct())
			if n, err := c.read(srv, options{RejectEmptyReplies}); n == 0 || err != nil {
				t.Fatalf("a reply with a body: %d facts, %v", n, err)
			}
			srv.EmptyReply(c.action, -1)
			// The SDK reads it as a result with nothing in it; Trails
			// refuses selectors with neither list on its own.
			if n, err := c.read(srv, nil); n != 0 || (err != nil) != (c.action == "GetEventSelectors") {
				t.Fatalf("without RejectEmptyReplies: %d facts, %v; want the SDK's empty result", n, err)
			}
			srv.ResetCounters()
			_, err := c.read(srv, options{RejectEmptyReplies})
			var e *Error
			if !errors.Is(err, ErrEmptyReply) || !errors.As(err, &e) || e.Action != c.action {
				t.Fatalf("got %v, want an *Error for %s wrapping ErrEmptyReply", err, c.action)
			}
			if n := srv.Calls(c.action); n != 1 {
				t.Errorf("%d %s calls, want 1: an empty reply is not retried", n, c.action)
			}
		})
	}
}

// readKeys counts the access keys AccessKeys lists.
func readKeys(srv *iamtest.Server, opts []func(*middleware.Stack) error) (int, error) {
	keys, _, err := accessKeys(context.Background(), client(srv, func(o *iam.Options) { o.RetryMaxAttempts, o.APIOptions = 3, opts }), "")
	return len(keys), err
}

// TestNoResultRejected: an HTTP 200 whose body is not blank but holds no
// result (an XML declaration, a byte order mark or a comment alone, "OK",
// {}, null, a gzip-encoded declaration, the response element with no
// result in it) reads as an empty result to the SDK; RejectEmptyReplies
// fails it, through the SDK's real clients and parsers, and the retryer
// does not try it again.
func TestNoResultRejected(t *testing.T) {
	const attempts = 3 // a retried error would show as more than one call
	acct := &iamtest.Account{Now: now, Users: []iamtest.User{{Name: "alice", AccessKeys: []iamtest.AccessKey{{ID: "AKIAALICE0000000001"}}}},
		Trails: []iamtest.Trail{{Name: "main", IsMultiRegionTrail: true, IncludeGlobalServiceEvents: true, IsLogging: true}},
		Events: eventsAccount(1, "UpdateAccessKey").Events}
	srv := iamtest.New(t, acct)
	opts := []func(*middleware.Stack) error{RejectEmptyReplies}
	iamc := client(srv, func(o *iam.Options) { o.RetryMaxAttempts, o.APIOptions = attempts, opts })
	ctc := ctClient(srv, attempts)
	creds := credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", "test-secret", "")
	stsc := sts.New(sts.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), Credentials: creds,
		HTTPClient: testHTTPClient(), RetryMaxAttempts: attempts, APIOptions: opts})
	ctx := context.Background()
	alice := aws.String("alice")

	call := map[string]func() error{
		"ListUsers": func() error { _, err := iamc.ListUsers(ctx, &iam.ListUsersInput{}); return err },
		"ListAccessKeys": func() error {
			_, err := iamc.ListAccessKeys(ctx, &iam.ListAccessKeysInput{UserName: alice})
			return err
		},
		"ListSSHPublicKeys": func() error {
			_, err := iamc.ListSSHPublicKeys(ctx, &iam.ListSSHPublicKeysInput{UserName: alice})
			return err
		},
		"ListServerCertificates": func() error {
			_, err := iamc.ListServerCertificates(ctx, &iam.ListServerCertificatesInput{})
			return err
		},
		"ListSigningCertificates": func() error {
			_, err := iamc.ListSigningCertificates(ctx, &iam.ListSigningCertificatesInput{UserName: alice})
			return err
		},
		"GenerateCredentialReport": func() error {
			_, err := iamc.GenerateCredentialReport(ctx, &iam.GenerateCredentialReportInput{})
			return err
		},
		"GetAccountPasswordPolicy": func() error {
			_, err := iamc.GetAccountPasswordPolicy(ctx, &iam.GetAccountPasswordPolicyInput{})
			if errors.As(err, new(*iamtypes.NoSuchEntityException)) {
				return nil // the fake's account has no policy: an error reply, which is not checked
			}
			return err
		},
		"GetCallerIdentity": func() error { _, err := stsc.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{}); return err },
		"DescribeTrails": func() error {
			_, err := ctc.DescribeTrails(ctx, &cloudtrail.DescribeTrailsInput{})
			return err
		},
		"GetTrailStatus": func() error {
			_, err := ctc.GetTrailStatus(ctx, &cloudtrail.GetTrailStatusInput{Name: aws.String("main")})
			return err
		},
		"GetEventSelectors": func() error {
			_, err := ctc.GetEventSelectors(ctx, &cloudtrail.GetEventSelectorsInput{TrailName: aws.String("main")})
			return err
		},
		"LookupEvents": func() error { _, err := ctc.LookupEvents(ctx, &cloudtrail.LookupEventsInput{}); return err },
	}
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?>`))
	w.Close()
	gzipped := http.Header{"Content-Encoding": {"gzip"}}
	xmlBodies := func(action string) map[string][]byte {
		return map[string][]byte{
			"declaration": []byte(`<?xml version="1.0" encoding="UTF-8"?>` + "\n"),
			"bom":         []byte("\ufeff"),
			"comment":     []byte("<!-- <" + action + "Result> -->"),
			"text":        []byte("OK"),
			"nbsp":        []byte("\u00a0"),
			"json":        []byte("{}"),
			"gzip":        gz.Bytes(),
			"wrapper":     []byte(`<` + action + `Response xmlns="https://iam.amazonaws.com/doc/2010-05-08/"/>`),
			"metadata":    []byte(`<` + action + `Response><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></` + action + `Response>`),
			"nested":      []byte(`<` + action + `Response><X><` + action + `Result/></X></` + action + `Response>`),
			"root":        []byte(`<` + action + `Result><IsTruncated>false</IsTruncated></` + action + `Result>`),
		}
	}
	jsonBodies := map[string][]byte{
		"object":      []byte("{ }"),
		"null":        []byte("null"),
		"array":       []byte(`[{"Events":[]}]`),
		"text":        []byte("OK"),
		"bom":         []byte("\ufeff{}"),
		"declaration": []byte(`<?xml version="1.0"?>`),
		"gzip":        gz.Bytes(),
	}
	for action, read := range call {
		bodies := jsonBodies
		if !strings.Contains("DescribeTrails GetTrailStatus GetEventSelectors LookupEvents", action) {
			bodies = xmlBodies(action)
		}
		if err := read(); err != nil {
			t.Fatalf("%s: the fake's own reply: %v", action, err)
		}
		for name, body := range bodies {
			var header http.Header
			if name == "gzip" {
				header = gzipped
			}
			srv.RawReply(action, body, header, -1)
			srv.ResetCounters()
			if err := read(); !errors.Is(err, ErrEmptyReply) {
				t.Errorf("%s, %s body %q: %v, want ErrEmptyReply", action, name, body, err)
			}
			if n := srv.Calls(action); n != 1 {
				t.Errorf("%s, %s body: %d calls, want 1: a reply with no result is not retried", action, name, n)
			}
		}
		srv.RawReply(action, nil, nil, 0)
	}
}

// TestReplyShape: what counts as holding a result, service by service,
// and a body that does reaches the deserializer whole, whether its length
// is told or not (-1, chunked).
func TestReplyShape(t *testing.T) {
	for _, c := range []struct {
		service, op, body string
		length            int64
		ok                bool
	}{
		{"IAM", "ListUsers", "", 0, false},
		{"IAM", "ListUsers", " \r\n\t\n", -1, false},
		{"IAM", "ListUsers", "\n  <ListUsersResponse>\n<ListUsersResult><IsTruncated>false</IsTruncated><Users/></ListUsersResult></ListUsersResponse>", 118, true},
		// A listing that does not say whether it is cut read as a complete
		// list of none (round 151).
		{"IAM", "ListUsers", `<?xml version="1.0"?><ListUsersResponse><ListUsersResult/></ListUsersResponse>`, -1, false},
		{"IAM", "ListUsers", `<ListUsersResponse><ListUsersResult><Users/></ListUsersResult></ListUsersResponse>`, -1, true}, // complete, as given
		// IAM's model requires the list of every listing iamguard makes
		// but ListSSHPublicKeys; the SDK reads the first result element in
		// any case (round 153).
		{"IAM", "ListUsers", `<ListUsersResponse><ListUsersResult><IsTruncated>false</IsTruncated></ListUsersResult></ListUsersResponse>`, -1, false},
		{"IAM", "ListSSHPublicKeys", `<ListSSHPublicKeysResponse><ListSSHPublicKeysResult><IsTruncated>false</IsTruncated></ListSSHPublicKeysResult></ListSSHPublicKeysResponse>`, -1, true},
		{"IAM", "ListSSHPublicKeys", `<ListSSHPublicKeysResponse><ListSSHPublicKeysResult/></ListSSHPublicKeysResponse>`, -1, false},
		{"IAM", "ListUsers", `<ListUsersResponse><listusersresult/><ListUsersResult><Users/><IsTruncated>false</IsTruncated></ListUsersResult></ListUsersResponse>`, -1, false},
		// The SDK reads a list's <member> elements and skips anything else
		// (round 154).
		{"IAM", "ListUsers", `<ListUsersResponse><ListUsersResult><Users><item><UserName>zed</UserName></item></Users><IsTruncated>false</IsTruncated></ListUsersResult></ListUsersResponse>`, -1, false},
		{"IAM", "ListUsers", `<ListUsersResponse><ListUsersResult><Users>zed</Users><IsTruncated>false</IsTruncated></ListUsersResult></ListUsersResponse>`, -1, false},
		{"IAM", "ListUsers", `<ListUsersResponse><ListUsersResult><Users/><member><UserName>zed</UserName></member><IsTruncated>false</IsTruncated></ListUsersResult></ListUsersResponse>`, -1, false},
		{"IAM", "ListAccessKeys", `<ListAccessKeysResponse><ListAccessKeysResult><AccessKeyMetadata><key><AccessKeyId>A</AccessKeyId></key></AccessKeyMetadata><IsTruncated>false</IsTruncated></ListAccessKeysResult></ListAccessKeysResponse>`, -1, false},
		{"IAM", "ListUsers", "<ListUsersResponse><ListUsersResult><Users>\n  <member><UserName>zed</UserName></member>\n</Users><IsTruncated>false</IsTruncated></ListUsersResult></ListUsersResponse>", -1, true},
		{"IAM", "ListUsers", `<ListUsersResponse><ListUsersResult><Marker>m</Marker></ListUsersResult></ListUsersResponse>`, -1, false},
		{"IAM", "ListUsers", `<ListUsersResponse><ListUsersResult><Other><IsTruncated>false</IsTruncated></Other></ListUsersResult></ListUsersResponse>`, -1, false},
		{"IAM", "ListUsers", `<ListUsersResponse><ListUsersResult/><IsTruncated>false</IsTruncated></ListUsersResponse>`, -1, false},
		{"IAM", "ListUsers", `<ListUsersResponse><ListAccessKeysResult/></ListUsersResponse>`, -1, false},
		{"IAM", "ListUsers", `<ListUsersResponse><!-- --><ResponseMetadata/><ListUsersResult><Users>`, -1, true},                    // truncated: the deserializer's to refuse
		{"IAM", "GetAccountSummary", `<GetAccountSummaryResponse><GetAccountSummaryResult/></GetAccountSummaryResponse>`, -1, true}, // not a listing: the caller checks its entries
		{"STS", "GetCallerIdentity", `<GetCallerIdentityResponse><GetCallerIdentityResult><Account>1</Account></GetCallerIdentityResult></GetCallerIdentityResponse>`, -1, true},
		{"STS", "GetCallerIdentity", `<GetCallerIdentityResponse></GetCallerIdentityResponse>`, -1, false},
		{"CloudTrail", "LookupEvents", `{"Events":[]}`, -1, true},
		{"CloudTrail", "LookupEvents", ` {"NextToken":"x","Events":[]}`, -1, true},
		{"CloudTrail", "LookupEvents", `{}`, 2, false},
		{"CloudTrail", "LookupEvents", `{"NextToken":null}`, -1, false}, // round 151: no events at all
		{"CloudTrail", "DescribeTrails", `{"trailList":[]}`, -1, true},
		{"CloudTrail", "DescribeTrails", `{"NextToken":"x"}`, -1, false},
		{"CloudTrail", "GetTrailStatus", `{"IsLogging":true}`, -1, true},
		{"CloudTrail", "LookupEvents", `null`, -1, false},
		{"CloudTrail", "LookupEvents", `[]`, -1, false},
		{"CloudTrail", "LookupEvents", ``, -1, false},
		{"other", "Op", "", -1, false},
		{"other", "Op", "{}", -1, true},
	} {
		resp := &smithyhttp.Response{Response: &http.Response{StatusCode: 200, ContentLength: c.length, Body: io.NopCloser(strings.NewReader(c.body))}}
		ctx := middleware.WithOperationName(awsmiddleware.SetServiceID(context.Background(), c.service), c.op)
		err := rejectReply(ctx, resp)
		if (err == nil) != c.ok || err != nil && !errors.Is(err, ErrEmptyReply) {
			t.Errorf("%s %s %q (length %d): %v, want ok %v", c.service, c.op, c.body, c.length, err, c.ok)
		}
		if c.ok {
			if b, _ := io.ReadAll(resp.Body); string(b) != c.body {
				t.Errorf("the deserializer would read %q, not %q", b, c.body)
			}
		}
	}
}

// rejectReply runs rejectEmpty on resp as the transport's reply, in ctx
// (which names the service and operation).
func rejectReply(ctx context.Context, resp *smithyhttp.Response) error {
	_, _, err := rejectEmpty(ctx, middleware.DeserializeInput{},
		middleware.DeserializeHandlerFunc(func(context.Context, middleware.DeserializeInput) (middleware.DeserializeOutput, middleware.Metadata, error) {
			return middleware.DeserializeOutput{RawResponse: resp}, middleware.Metadata{}, nil
		}))
	return err
}

// blanks is an endless reader of spaces that allocates nothing.
type blanks struct{}

func (blanks) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}

// TestReplyTooLarge: a body over MaxReplyBytes fails the call once that
// much is read, whatever follows, and reading it costs about the cap, not
// the body (512 MB of blanks once cost 2 GB; round 82).
func TestReplyTooLarge(t *testing.T) {
	const size = 4 * MaxReplyBytes
	body := io.MultiReader(io.LimitReader(blanks{}, size), strings.NewReader("<ListUsersResponse><ListUsersResult/></ListUsersResponse>"))
	resp := &smithyhttp.Response{Response: &http.Response{StatusCode: 200, ContentLength: -1, Body: io.NopCloser(body)}}
	ctx := middleware.WithOperationName(awsmiddleware.SetServiceID(context.Background(), "IAM"), "ListUsers")
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	err := rejectReply(ctx, resp)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrReplyTooLarge) {
		t.Errorf("%d bytes: %v, want ErrReplyTooLarge", size, err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 3*MaxReplyBytes+MaxReplyBytes/8 {
		t.Errorf("reading it allocated %d MiB", alloc>>20)
	}
}

// TestCallerAccountMissing: a GetCallerIdentity reply with no account ID,
// an empty one, or one that is not 12 digits fails CallerAccount with
// ErrNoAccount, naming the action: allowed_account_ids and
// forbidden_account_ids could not be checked against it.
func TestCallerAccountMissing(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: now})
	creds := credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", "test-secret", "")
	stsc := sts.New(sts.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), Credentials: creds,
		HTTPClient: testHTTPClient(), RetryMaxAttempts: 1, APIOptions: []func(*middleware.Stack) error{RejectEmptyReplies}})
	if account, served, err := CallerAccount(context.Background(), creds, stsc); account != iamtest.DefaultAccountID || !served.Equal(now.Truncate(time.Second)) || err != nil {
		t.Fatalf("the fake's reply: %q at %v, %v", account, served, err)
	}
	for _, account := range []string{"", "<Account/>", "<Account></Account>", "<Account> 123456789012</Account>", "<Account>12345678901</Account>", "<Account>12345678901x</Account>"} {
		srv.RawReply("GetCallerIdentity", []byte(`<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:root</Arn>`+
			account+`</GetCallerIdentityResult></GetCallerIdentityResponse>`), nil, 1)
		got, _, err := CallerAccount(context.Background(), creds, stsc)
		var e *Error
		if got != "" || !errors.Is(err, ErrNoAccount) || !errors.As(err, &e) || e.Action != "GetCallerIdentity" {
			t.Errorf("%s: %q, %v; want ErrNoAccount from GetCallerIdentity", account, got, err)
		}
	}
}

// TestKeyMaterialRepliesBounded: the replies that carry key material are
// bounded by IAM's own limits on it, not the general 64 MiB: with 16 calls
// in flight, 60 MiB chains held 4.4 GB (round 138). A chain at IAM's
// limit, 2,097,152 characters, is read.
func TestKeyMaterialRepliesBounded(t *testing.T) {
	reply := func(op string, size int) error {
		list := "<IsTruncated>false</IsTruncated>"
		if l := iamLists[op]; l != "" {
			list += "<" + l + "/>"
		}
		body := op + "Response><" + op + "Result>" + list + strings.Repeat("A", size) + "</" + op + "Result></" + op + "Response>"
		resp := &smithyhttp.Response{Response: &http.Response{StatusCode: 200, ContentLength: -1, Body: io.NopCloser(strings.NewReader("<" + body))}}
		return rejectReply(middleware.WithOperationName(awsmiddleware.SetServiceID(context.Background(), "IAM"), op), resp)
	}
	for op, size := range map[string]int{"GetServerCertificate": 2_097_152 + 16_384, "ListSigningCertificates": 2 * 16_384, "GetSSHPublicKey": 16_384} {
		if err := reply(op, size); err != nil {
			t.Errorf("%s of %d bytes: %v", op, size, err)
		}
		if err := reply(op, 8<<20); !errors.Is(err, ErrReplyTooLarge) || !strings.Contains(err.Error(), "MiB") {
			t.Errorf("%s of 8 MiB: %v, want ErrReplyTooLarge", op, err)
		}
	}
	if err := reply("ListUsers", 8<<20); err != nil {
		t.Errorf("ListUsers of 8 MiB: %v", err)
	}
}

// closedBody fails its read as a connection closed under it does.
type closedBody struct{}

func (closedBody) Read([]byte) (int, error) {
	return 0, &net.OpError{Op: "read", Net: "tcp", Err: net.ErrClosed}
}
func (closedBody) Close() error { return nil }

// TestReplyClosedUnfinished: a reply's body cut off by the connection closed
// under the read (the attempt's time running out, under load) is an
// unfinished reply, not retried, as a read timeout is: the SDK retried it as
// a connection error (a CI run: two attempts where one was bounded).
func TestReplyClosedUnfinished(t *testing.T) {
	resp := &smithyhttp.Response{Response: &http.Response{StatusCode: 200, ContentLength: -1, Body: closedBody{}}}
	if _, err := readReply(resp, 1<<20); !errors.Is(err, ErrReplyUnfinished) {
		t.Errorf("err = %v, want ErrReplyUnfinished", err)
	}
}
