package awsiam

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/smithy-go/middleware"
	"golang.org/x/time/rate"

	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// ctClient is a real CloudTrail client pointed at srv, in a region other
// than us-east-1 so that the per-call regions show; throttled calls are
// retried without backoff.
func ctClient(srv *iamtest.Server, attempts int) *cloudtrail.Client {
	return ctClientAt(srv.URL, attempts)
}

func ctClientAt(endpoint string, attempts int) *cloudtrail.Client {
	return cloudtrail.New(cloudtrail.Options{
		Region:       "eu-central-1",
		BaseEndpoint: aws.String(endpoint),
		Credentials:  credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", "test-secret", ""),
		HTTPClient:   testHTTPClient(),
		APIOptions:   []func(*middleware.Stack) error{RejectEmptyReplies}, // every reply of iamtest's holds a result
		Retryer: retry.NewStandard(func(o *retry.StandardOptions) {
			o.MaxAttempts = attempts
			o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
		}),
	})
}

func TestTrails(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: now, Trails: []iamtest.Trail{
		{Name: "org", HomeRegion: "us-west-2", IsOrganizationTrail: true, IsMultiRegionTrail: true, IncludeGlobalServiceEvents: true,
			IsLogging: true, KMSKeyID: "arn:aws:kms:us-west-2:123456789012:key/k", LatestDeliveryTime: now.Add(-time.Hour)},
		// The organization's trail seen from a member account: listed, but
		// its status and selectors are the management account's to read.
		{Name: "org-of-another", HomeRegion: "us-west-2", IsOrganizationTrail: true, IsMultiRegionTrail: true, IncludeGlobalServiceEvents: true,
			IsLogging: true, ARN: "arn:aws:cloudtrail:us-west-2:999988887777:trail/org-of-another"},
		{Name: "eu-only", HomeRegion: "eu-west-1", IsLogging: true}, // not visible from us-east-1
		{Name: "local", IncludeGlobalServiceEvents: true, LatestDeliveryError: "NoSuchBucket",
			AdvancedEventSelectors: []iamtest.AdvancedEventSelector{{Name: "mgmt", FieldSelectors: []iamtest.FieldSelector{
				{Field: "eventCategory", Equals: []string{"Management"}}, {Field: "readOnly", Equals: []string{"true"}}}}}},
	}})
	trails, err := Trails(context.Background(), ctClient(srv, 1), iamtest.DefaultAccountID)
	if err != nil {
		t.Fatal(err)
	}
	if len(trails) != 3 || trails[0].Name != "local" || trails[1].Name != "org" || trails[2].Name != "org-of-another" {
		t.Fatalf("trails = %+v", trails)
	}
	local, org, other := trails[0], trails[1], trails[2]
	if !other.ManagedElsewhere || !other.Logging.Unknown || !other.Selectors.Unknown || org.ManagedElsewhere || local.ManagedElsewhere {
		t.Errorf("managed elsewhere: %v %v %v", other.ManagedElsewhere, org.ManagedElsewhere, local.ManagedElsewhere)
	}
	if local.Logging.V || local.LatestDeliveryError != "NoSuchBucket" || len(local.AdvancedSelectors) != 1 ||
		len(local.AdvancedSelectors[0].Fields) != 2 || local.KMSKeySet || local.HomeRegion != "us-east-1" {
		t.Errorf("local = %+v", local)
	}
	if !org.Organization || !org.Logging.V || !org.KMSKeySet || !org.LatestDeliveryTime.Equal(now.Add(-time.Hour)) ||
		len(org.EventSelectors) != 1 || !org.EventSelectors[0].IncludeManagementEvents.V {
		t.Errorf("org = %+v", org)
	}
	for _, r := range srv.Requests("") {
		want := "us-east-1"
		if r.Action != "DescribeTrails" && strings.Contains(string(r.Body), "trail/org") {
			want = "us-west-2"
		}
		if r.Region != want {
			t.Errorf("%s %s went to %s, want %s", r.Action, r.Body, r.Region, want)
		}
	}
	if n := srv.Calls("GetTrailStatus") + srv.Calls("GetEventSelectors"); n != 6 {
		t.Errorf("%d per-trail calls, want 6", n)
	}
	for _, tr := range []Trail{org, other} {
		if rec, _, _ := rules.EvaluateLiveTrails([]rules.LiveTrail{tr.LiveTrail}); !rec {
			t.Errorf("the organization trail %s does not count", tr.Name)
		}
	}

	// A trail's selectors refused leave it unread, not managed elsewhere,
	// and not recording; the read goes on (round 303).
	srv.Fail("GetEventSelectors", iamtest.AccessDenied, -1)
	denied, err := Trails(context.Background(), ctClient(srv, 1), iamtest.DefaultAccountID)
	if err != nil {
		t.Fatalf("denied: %v", err)
	}
	for _, tr := range denied {
		var e *Error
		if org := tr.Organization && rules.ARNAccount(tr.ARN) != iamtest.DefaultAccountID; org {
			continue // its owner's to read: managed elsewhere, as before
		}
		if tr.Unread != "event selectors" || tr.ManagedElsewhere || !errors.As(tr.Gap, &e) || !e.Denied() || e.Permission() != "cloudtrail:GetEventSelectors" {
			t.Errorf("denied %s: unread %q, elsewhere %v, gap %v", tr.Name, tr.Unread, tr.ManagedElsewhere, tr.Gap)
		}
		if rec, _, _ := rules.EvaluateLiveTrails([]rules.LiveTrail{tr.LiveTrail}); rec {
			t.Errorf("denied %s counts as recording", tr.Name)
		}
	}

	// A reply with neither list is not CloudTrail's default, all
	// management events: it says nothing (round 117).
	srv.Fail("GetEventSelectors", 0, 0)
	// Nor are empty lists, or selectors without what CloudTrail always
	// gives (round 119).
	for _, body := range []string{``, `,"EventSelectors":[]`, `,"AdvancedEventSelectors":[]`, `,"EventSelectors":[{}]`,
		`,"EventSelectors":[{"ReadWriteType":"All"}]`, `,"AdvancedEventSelectors":[{"Name":"x","FieldSelectors":[]}]`,
		// A field selector with no condition, or no field (round 136:
		// read as letting every management event through).
		`,"AdvancedEventSelectors":[{"Name":"x","FieldSelectors":[{"Field":"eventCategory"}]}]`,
		`,"AdvancedEventSelectors":[{"Name":"x","FieldSelectors":[{"Equals":["Management"]}]}]`} {
		srv.RawReply("GetEventSelectors", []byte(`{"TrailARN":"arn:aws:cloudtrail:us-east-1:123456789012:trail/local"`+body+`}`), nil, -1)
		if trails, err := Trails(context.Background(), ctClient(srv, 1), iamtest.DefaultAccountID); err == nil ||
			!strings.Contains(err.Error(), "GetEventSelectors") || !strings.Contains(err.Error(), `the reply for trail "`) {
			t.Errorf("selectors %s: got %+v, %v", body, trails, err)
		}
	}
}

// TestTrailsNotFoundOwnTrail: only an organization trail may be another
// account's to read; the account's own trail answered TrailNotFound (gone
// since DescribeTrails) fails the read rather than passing as managed
// elsewhere.
func TestTrailsNotFoundOwnTrail(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: now, Trails: []iamtest.Trail{
		{Name: "local", IsMultiRegionTrail: true, IncludeGlobalServiceEvents: true, IsLogging: true},
	}})
	for _, action := range []string{"GetTrailStatus", "GetEventSelectors"} {
		srv.FailHTTP(action, 400, "TrailNotFoundException", -1)
		trails, err := Trails(context.Background(), ctClient(srv, 1), iamtest.DefaultAccountID)
		var e *Error
		if !errors.As(err, &e) || e.Action != action || e.Code != "TrailNotFoundException" {
			t.Errorf("%s not found: got %+v, %v", action, trails, err)
		}
		srv.Fail(action, 0, 0)
	}
}

// TestTrailsOrganizationNotFound: an organization trail of another
// account, whose status and selectors CloudTrail refuses a member account,
// is that account's to read: managed elsewhere, what was not read unknown.
// The account's own organization trail answered TrailNotFound, on its
// status or on its selectors alone, is gone since it was listed: the read
// fails (round 286: it read as managed elsewhere, and as recording).
func TestTrailsOrganizationNotFound(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: now, Trails: []iamtest.Trail{
		{Name: "org", ARN: orgTrailARN, HomeRegion: "us-west-2", IsOrganizationTrail: true, IsMultiRegionTrail: true, IncludeGlobalServiceEvents: true, IsLogging: true},
	}})
	trails, err := Trails(context.Background(), ctClient(srv, 1), iamtest.DefaultAccountID)
	if err != nil || len(trails) != 1 || !trails[0].ManagedElsewhere || !trails[0].Logging.Unknown || !trails[0].Selectors.Unknown {
		t.Errorf("another account's trail: got %+v, %v", trails, err)
	}
	srv = iamtest.New(t, &iamtest.Account{Now: now, Trails: []iamtest.Trail{
		{Name: "org", HomeRegion: "us-west-2", IsOrganizationTrail: true, IsMultiRegionTrail: true, IncludeGlobalServiceEvents: true, IsLogging: true},
	}})
	for _, action := range []string{"GetTrailStatus", "GetEventSelectors"} {
		srv.FailHTTP(action, 400, "TrailNotFoundException", -1)
		if trails, err := Trails(context.Background(), ctClient(srv, 1), iamtest.DefaultAccountID); err == nil {
			t.Errorf("own trail, %s not found: got %+v", action, trails)
		}
		srv.Fail(action, 0, 0)
	}
}

// orgTrailARN is an organization trail of the management account, as a
// member account sees it.
const orgTrailARN = "arn:aws:cloudtrail:us-west-2:210987654321:trail/org"

// TestTrailStatusWithoutIsLogging: a status reply without IsLogging is not
// "logging off" (a false IG703 and IG707): for an organization trail, what a
// member account may be told of it, it is unknown and the trail managed
// elsewhere; for the account's own trail, the read fails (round 238).
func TestTrailStatusWithoutIsLogging(t *testing.T) {
	for _, org := range []bool{true, false} {
		srv := iamtest.New(t, &iamtest.Account{Now: now, Trails: []iamtest.Trail{
			{Name: "t", ARN: map[bool]string{true: orgTrailARN}[org], IsOrganizationTrail: org, IsMultiRegionTrail: true, IncludeGlobalServiceEvents: true, IsLogging: true},
		}})
		srv.RawReply("GetTrailStatus", []byte(`{"LatestDeliveryAttemptTime":""}`), nil, -1)
		trails, err := Trails(context.Background(), ctClient(srv, 1), iamtest.DefaultAccountID)
		if org && (err != nil || len(trails) != 1 || !trails[0].Logging.Unknown || !trails[0].ManagedElsewhere) ||
			!org && (err == nil || !strings.Contains(err.Error(), "no IsLogging")) {
			t.Errorf("organization trail %v: got %+v, %v", org, trails, err)
		}
	}
}

// eventsAccount has n events of each name, a minute apart, ending at now.
func eventsAccount(n int, names ...string) *iamtest.Account {
	acct := &iamtest.Account{Now: now}
	for _, name := range names {
		for i := range n {
			acct.Events = append(acct.Events, iamtest.Event{
				ID: fmt.Sprintf("%s-%05d", name, i), Name: name, Time: now.Add(-time.Duration(i+1) * time.Minute), Username: "alice",
				RequestParameters: map[string]any{"userName": "bob", "accessKeyId": "AKIAOLD", "status": "Active",
					"sSHPublicKeyBody": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBODY"},
			})
		}
	}
	return acct
}

// TestIAMEventsPaced: 8 pages over two queries that run at once; iamtest
// throttles above 2 requests a second and never has to, and never sees
// more than 2 in any second.
func TestIAMEventsPaced(t *testing.T) {
	srv := iamtest.New(t, eventsAccount(20, "UpdateAccessKey", "UploadSSHPublicKey"))
	srv.SetPageSize(5)
	srv.SetRateLimit("LookupEvents", iamtest.LookupEventsRate)
	start := time.Now()
	// Two attempts: on a busy machine the SDK may see a dropped connection
	// (aws-sdk-go-v2#2737) and retry it; throttling would still show below.
	read, err := IAMEvents(context.Background(), ctClient(srv, 2), EventsQuery{
		Names: []string{"UploadSSHPublicKey", "UpdateAccessKey"}, Start: now.AddDate(0, 0, -7), End: now,
		Pacer: NewLookupEventsPacer(),
	})
	took := time.Since(start)
	if err != nil || read.Truncated || len(read.Events) != 40 || read.Gaps != nil {
		t.Fatalf("%+v, %v", read, err)
	}
	events := read.Events
	reqs := srv.Requests("LookupEvents")
	if len(reqs) < 8 || srv.Throttled("LookupEvents") != 0 {
		t.Errorf("%d requests, %d throttled; want 8 (and a retried one) and 0", len(reqs), srv.Throttled("LookupEvents"))
	}
	if m := srv.MaxPerSecond("LookupEvents"); m > 2 {
		t.Errorf("iamtest saw %d LookupEvents within one second", m)
	}
	for _, r := range reqs {
		if r.Region != "us-east-1" {
			t.Errorf("LookupEvents went to %s", r.Region)
		}
	}
	floor := 7 * LookupEventsInterval
	if took < floor || took > floor*3/2 { // generous: the machine may be busy
		t.Errorf("took %s, want about %s", took, floor)
	}
	t.Logf("8 pages in %s (floor at 2/s: %s)", took.Round(time.Millisecond), 7*time.Second/2)
	if !events[0].Time.After(events[39].Time) || events[0].UserName != "alice" || events[0].Parameters["userName"] != "bob" {
		t.Errorf("events = %+v ... %+v", events[0], events[39])
	}
	for _, e := range events {
		if _, ok := e.Parameters["sSHPublicKeyBody"]; ok {
			t.Fatalf("a key body reached the rules: %v", e.Parameters)
		}
	}
}

// TestIAMEventsThrottleRetried: a throttled request is retried, and the
// retry waits for the pacer too.
func TestIAMEventsThrottleRetried(t *testing.T) {
	srv := iamtest.New(t, eventsAccount(3, "UpdateAccessKey"))
	srv.Fail("LookupEvents", iamtest.Throttling, 1)
	read, err := IAMEvents(context.Background(), ctClient(srv, 3), EventsQuery{
		Names: []string{"UpdateAccessKey"}, Start: now.AddDate(0, 0, -1), End: now, Pacer: NewLookupEventsPacer(),
	})
	reqs := srv.Requests("LookupEvents")
	if err != nil || len(read.Events) != 3 || len(reqs) != 2 {
		t.Fatalf("%+v in %d calls: %v", read, len(reqs), err)
	}
	// Unpaced, the retry would follow at once; paced, about 500 ms later
	// (less whatever delayed the first request on its way).
	if gap := reqs[1].Time.Sub(reqs[0].Time); gap < LookupEventsInterval/2 {
		t.Errorf("the retry came %s after the throttled call", gap)
	}
	srv.Fail("LookupEvents", iamtest.AccessDenied, -1)
	_, err = IAMEvents(context.Background(), ctClient(srv, 1), EventsQuery{Names: []string{"UpdateAccessKey"}, Start: now.AddDate(0, 0, -1), End: now})
	var e *Error
	if !errors.As(err, &e) || !e.Denied() || e.Permission() != "cloudtrail:LookupEvents" {
		t.Errorf("denied: %v", err)
	}
}

func TestIAMEventsMax(t *testing.T) {
	srv := iamtest.New(t, eventsAccount(30, "UpdateAccessKey", "DeleteSigningCertificate"))
	srv.SetPageSize(4)
	read, err := IAMEvents(context.Background(), ctClient(srv, 1), EventsQuery{
		Names: []string{"UpdateAccessKey", "DeleteSigningCertificate"}, Start: now.AddDate(0, 0, -1), End: now,
		MaxEvents: 5, Pacer: NewLookupEventsPacer(),
	})
	if err != nil || !read.Truncated || len(read.Events) != 5 {
		t.Fatalf("%+v: %v", read, err)
	}
	events := read.Events
	// Newest first across both names: minute 1 of each, then minute 2...
	if events[0].ID != "DeleteSigningCertificate-00000" || events[1].ID != "UpdateAccessKey-00000" || events[4].ID != "DeleteSigningCertificate-00002" {
		t.Errorf("order: %s %s %s", events[0].ID, events[1].ID, events[4].ID)
	}
	if n := srv.Calls("LookupEvents"); n != 4 {
		t.Errorf("%d calls, want 2 pages per name", n)
	}
}

// TestIAMEventsMaxConfirmed: a cut by MaxEvents is reported only once the
// next page shows an event past it. CloudTrail may give a NextToken with a
// full last page: with exactly MaxEvents events nothing is cut, and the
// reader learns it by asking for one more event.
func TestIAMEventsMaxConfirmed(t *testing.T) {
	for _, c := range []struct {
		events, max int
		truncated   bool
	}{{4, 4, false}, {5, 4, true}} {
		t.Run(fmt.Sprintf("%d events, max %d", c.events, c.max), func(t *testing.T) {
			srv := iamtest.New(t, eventsAccount(c.events, "UpdateAccessKey"))
			srv.SetPageFault("LookupEvents", iamtest.TrailingToken)
			read, err := IAMEvents(context.Background(), ctClient(srv, 1), EventsQuery{
				Names: []string{"UpdateAccessKey"}, Start: now.AddDate(0, 0, -1), End: now, MaxEvents: c.max, Pacer: unpaced(srv),
			})
			if err != nil {
				t.Fatal(err)
			}
			if read.Truncated != c.truncated || len(read.Events) != c.max || len(read.Gaps) != 0 {
				t.Fatalf("%d events, truncated %v, gaps %+v", len(read.Events), read.Truncated, read.Gaps)
			}
			reqs := srv.Requests("LookupEvents")
			if len(reqs) != 2 || !strings.Contains(string(reqs[1].Body), `"MaxResults":1`) {
				t.Errorf("%d requests; want a page of %d, then one of 1", len(reqs), c.max)
			}
		})
	}
}

// TestIAMEventsHugeMax: a MaxEvents past what an int32 holds asks for
// pages CloudTrail takes (round 136: 2^31-1 wrapped to -2^31, refused, and
// 2^32-1 to 0).
func TestIAMEventsHugeMax(t *testing.T) {
	for _, max := range []int{math.MaxInt32, math.MaxUint32, math.MaxInt64} {
		srv := iamtest.New(t, eventsAccount(120, "UpdateAccessKey"))
		// Three attempts: a connection the test server closes under load
		// fails a one-attempt call (see testHTTPClient).
		read, err := IAMEvents(context.Background(), ctClient(srv, 3), EventsQuery{
			Names: []string{"UpdateAccessKey"}, Start: now.AddDate(0, 0, -1), End: now, MaxEvents: max, Pacer: unpaced(srv),
		})
		if err != nil {
			t.Fatalf("MaxEvents %d: %v", max, err)
		}
		if len(read.Events) != 120 || read.Truncated {
			t.Errorf("MaxEvents %d: %d events, truncated %v", max, len(read.Events), read.Truncated)
		}
	}
}

// TestIAMEventsRepeatedToken: a query that is given a NextToken it has
// already followed, or a new one with only events it has read, stops there,
// keeps what it read (each event once) and is a Gap naming its event,
// instead of reading the same pages for ever; the other queries are read to
// their end.
func TestIAMEventsRepeatedToken(t *testing.T) {
	for _, c := range []struct {
		fault  iamtest.PageFault
		events int // per name: the pages read before the loop shows
		want   error
	}{
		{iamtest.RepeatMarker, 6, ErrRepeatedToken},   // pages 1 and 2, then page 2's token again
		{iamtest.RestartMarker, 3, ErrRepeatedEvents}, // page 1, then page 1 again under a new token
	} {
		t.Run(c.want.Error(), func(t *testing.T) {
			srv := iamtest.New(t, eventsAccount(10, "UpdateAccessKey", "UploadSSHPublicKey"))
			srv.SetPageSize(3)
			srv.SetPageFault("LookupEvents", c.fault)
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			read, err := IAMEvents(ctx, ctClient(srv, 1), EventsQuery{
				Names: []string{"UpdateAccessKey", "UploadSSHPublicKey"}, Start: now.AddDate(0, 0, -1), End: now, Pacer: NewLookupEventsPacer(),
			})
			if err != nil {
				t.Fatalf("%v after %d calls", err, srv.Calls("LookupEvents"))
			}
			if len(read.Events) != 2*c.events || read.Truncated || len(read.Gaps) != 2 || srv.Calls("LookupEvents") != 4 {
				t.Fatalf("%d events, truncated %v, gaps %+v, in %d calls", len(read.Events), read.Truncated, read.Gaps, srv.Calls("LookupEvents"))
			}
			g := read.Gaps[0]
			if g.Name != "UpdateAccessKey" || g.Item != fmt.Sprintf("the UpdateAccessKey events past the newest %d", c.events) || !errors.Is(g.Err, c.want) ||
				g.Err.Error() != "LookupEvents: "+c.want.Error() {
				t.Errorf("gap %+v: %v", g, g.Err)
			}
		})
	}
}

// unpaced is a pacer that never waits, for tests of how many pages a read
// takes; the server's own rate limit must be lifted with it.
func unpaced(srv *iamtest.Server) *EventPacer {
	srv.SetRateLimit("LookupEvents", 0)
	return &EventPacer{limiter: rate.NewLimiter(rate.Inf, 1), perSec: 1 << 20, changed: make(chan struct{})}
}

// TestIAMEventsBounded: whatever CloudTrail answers, a query ends, as a
// Gap naming its event: a list that starts over with events that carry no
// EventId (told apart by their records), empty pages each with a new
// NextToken (max_events never fills), and a list longer than any account's
// history.
func TestIAMEventsBounded(t *testing.T) {
	defer func(n int) { lookupEventsMaxPages = n }(lookupEventsMaxPages)
	lookupEventsMaxPages = 12
	for _, c := range []struct {
		name   string
		fault  iamtest.PageFault
		noIDs  bool
		max    int
		events int // read before the gap
		calls  int
		want   error
	}{
		{"restart without EventId", iamtest.RestartMarker, true, 0, 3, 2, ErrRepeatedEvents},
		{"empty pages", iamtest.EmptyPages, false, 10, 0, lookupEventsMaxEmptyPages, ErrEmptyPages},
		{"too many pages", 0, false, 0, 12 * 3, 12, ErrTooManyEvents},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := iamtest.New(t, eventsAccount(60, "UpdateAccessKey"))
			srv.SetPageSize(3)
			srv.SetPageFault("LookupEvents", c.fault)
			srv.DropEventIDs(c.noIDs)
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			read, err := IAMEvents(ctx, ctClient(srv, 1), EventsQuery{
				Names: []string{"UpdateAccessKey"}, Start: now.AddDate(0, 0, -1), End: now, MaxEvents: c.max, Pacer: unpaced(srv),
			})
			if err != nil {
				t.Fatalf("%v after %d calls", err, srv.Calls("LookupEvents"))
			}
			if len(read.Events) != c.events || read.Truncated || len(read.Gaps) != 1 || srv.Calls("LookupEvents") != c.calls {
				t.Fatalf("%d events, truncated %v, gaps %+v, in %d calls", len(read.Events), read.Truncated, read.Gaps, srv.Calls("LookupEvents"))
			}
			if g := read.Gaps[0]; g.Name != "UpdateAccessKey" || !errors.Is(g.Err, c.want) || g.Err.Error() != "LookupEvents: "+c.want.Error() {
				t.Errorf("gap %+v: %v", g, g.Err)
			}
		})
	}
}

// TestIAMEventsOneEachNamed: an event that the reply gives without its
// EventName is the event its query asked for, and an event that two
// queries give is read once (round 117).
func TestIAMEventsOneEachNamed(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: now})
	record, _ := json.Marshal(`{"userIdentity":{"type":"Root","arn":"arn:aws:iam::123456789012:root"},"eventName":"UploadSSHPublicKey"}`)
	srv.RawReply("LookupEvents", fmt.Appendf(nil, `{"Events":[{"EventId":"e1","EventTime":%d,"CloudTrailEvent":%s}]}`,
		now.Add(-time.Hour).Unix(), record), nil, -1)
	for _, names := range [][]string{{"UploadSSHPublicKey"}, {"UploadSSHPublicKey", "UpdateAccessKey"}} {
		read, err := IAMEvents(context.Background(), ctClient(srv, 1), EventsQuery{
			Names: names, Start: now.AddDate(0, 0, -1), End: now, Pacer: unpaced(srv),
		})
		if err != nil || len(read.Events) != 1 || read.Events[0].ID != "e1" || read.Events[0].Name == "" {
			t.Fatalf("%v: got %+v, %v", names, read, err)
		}
		if len(names) == 1 && read.Events[0].Name != names[0] {
			t.Errorf("the event is named %q, want %q", read.Events[0].Name, names[0])
		}
	}
}

// TestIAMEventsUnreadableRecord: an event whose CloudTrail record does not
// parse (cut short), or names no caller, keeps LookupEvents' own fields
// and is Unreadable, so the rules report it as a gap: an UpdateAccessKey to
// Active by root, read without its record, would otherwise pass as a call
// that set no status. So is a successful UpdateAccessKey without a status.
func TestIAMEventsUnreadableRecord(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: now, Events: []iamtest.Event{
		{ID: "cut", Name: "UpdateAccessKey", Time: now.Add(-time.Hour), Username: "root", PrincipalType: "Root",
			CloudTrailEvent: `{"eventVersion":"1.08","userIdentity":{"type":"Root"`},
		{ID: "whole", Name: "UpdateAccessKey", Time: now.Add(-2 * time.Hour), Username: "alice",
			RequestParameters: map[string]any{"accessKeyId": "AKIAOLD", "status": "Inactive"}},
		// Records that parse but name no caller (round 103).
		{ID: "null", Name: "UpdateAccessKey", Time: now.Add(-3 * time.Hour), Username: "root", CloudTrailEvent: "null"},
		{ID: "empty", Name: "UpdateAccessKey", Time: now.Add(-4 * time.Hour), Username: "root", CloudTrailEvent: "{}"},
		// A record of a call that succeeded, without the status it set.
		{ID: "nostatus", Name: "UpdateAccessKey", Time: now.Add(-5 * time.Hour), Username: "alice"},
	}})
	read, err := IAMEvents(context.Background(), ctClient(srv, 1), EventsQuery{
		Names: []string{"UpdateAccessKey"}, Start: now.AddDate(0, 0, -1), End: now, Pacer: unpaced(srv),
	})
	if err != nil || len(read.Events) != 5 {
		t.Fatalf("%+v: %v", read, err)
	}
	for _, e := range read.Events {
		if unreadable := e.ID == "cut" || e.ID == "null" || e.ID == "empty"; e.Unreadable != unreadable {
			t.Errorf("record %s: unreadable %v, want %v", e.ID, e.Unreadable, unreadable)
		}
	}
	var gaps []string
	for _, f := range rules.EvaluateEvents(read.Events, rules.DefaultBaseline(), nil) {
		if f.Rule != rules.CheckIncomplete {
			t.Errorf("finding %+v, want IG806 gaps alone", f)
		}
		gaps = append(gaps, f.Subject)
	}
	if strings.Join(gaps, " ") != "cut null empty nostatus" {
		t.Errorf("gaps for %v, want cut null empty nostatus", gaps)
	}
}

// TestIAMEventsSessionIssuer: a federated session's issuer, root among
// them, is read from the record's session context (round 303).
func TestIAMEventsSessionIssuer(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: now})
	record, _ := json.Marshal(`{"userIdentity":{"type":"FederatedUser","arn":"arn:aws:sts::123456789012:federated-user/b",` +
		`"sessionContext":{"sessionIssuer":{"type":"Root","arn":"arn:aws:iam::123456789012:root"}}},"eventName":"UploadSSHPublicKey"}`)
	srv.RawReply("LookupEvents", fmt.Appendf(nil, `{"Events":[{"EventId":"e1","EventName":"UploadSSHPublicKey","EventTime":%d,"CloudTrailEvent":%s}]}`,
		now.Add(-time.Hour).Unix(), record), nil, -1)
	read, err := IAMEvents(context.Background(), ctClient(srv, 1), EventsQuery{
		Names: []string{"UploadSSHPublicKey"}, Start: now.AddDate(0, 0, -1), End: now, Pacer: unpaced(srv),
	})
	if err != nil || len(read.Events) != 1 || !read.Events[0].Root() || read.Events[0].IssuerARN != "arn:aws:iam::123456789012:root" {
		t.Fatalf("got %+v, %v; want root's session", read, err)
	}
}
