package awsiam

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/iam"
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
			trails, err := Trails(context.Background(), cloudtrail.New(ctClient(srv, attempts).Options(), func(o *cloudtrail.Options) { o.APIOptions = opts }))
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
			creds := credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", "test-secret", "")
			account, err := CallerAccount(context.Background(), creds, sts.New(sts.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL),
				Credentials: creds, HTTPClient: testHTTPClient(), RetryMaxAttempts: attempts, APIOptions: opts}))
			if account == "" {
				return 0, err
			}
			return 1, err
		}},
	} {
		t.Run(c.action, func(t *testing.T) {
			srv := iamtest.New(t, acct())
			if n, err := c.read(srv, options{RejectEmptyReplies}); n == 0 || err != nil {
				t.Fatalf("a reply with a body: %d facts, %v", n, err)
			}
			srv.EmptyReply(c.action, -1)
			if n, err := c.read(srv, nil); n != 0 || err != nil {
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
	keys, _, err := AccessKeys(context.Background(), client(srv, func(o *iam.Options) { o.RetryMaxAttempts, o.APIOptions = 3, opts }), "")
	return len(keys), err
}

// TestBlankBody: a body of blanks alone is empty too, whether its length is
// told or not (-1, chunked), and a body with something in it reaches the
// deserializer whole.
func TestBlankBody(t *testing.T) {
	for _, c := range []struct {
		body   string
		length int64
		blank  bool
	}{
		{"", 0, true},
		{"", -1, true},
		{" \r\n\t\n", -1, true},
		{"{}", -1, false},
		{"\n  <ListUsersResponse/>", 23, false},
	} {
		resp := &smithyhttp.Response{Response: &http.Response{StatusCode: 200, ContentLength: c.length, Body: io.NopCloser(strings.NewReader(c.body))}}
		_, _, err := rejectEmpty(context.Background(), middleware.DeserializeInput{},
			middleware.DeserializeHandlerFunc(func(context.Context, middleware.DeserializeInput) (middleware.DeserializeOutput, middleware.Metadata, error) {
				return middleware.DeserializeOutput{RawResponse: resp}, middleware.Metadata{}, nil
			}))
		if errors.Is(err, ErrEmptyReply) != c.blank {
			t.Errorf("%q (length %d): %v, want blank %v", c.body, c.length, err, c.blank)
		}
		if !c.blank {
			if b, _ := io.ReadAll(resp.Body); string(b) != c.body {
				t.Errorf("the deserializer would read %q, not %q", b, c.body)
			}
		}
	}
}
