package iamtest_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	cttypes "github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"
	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
)

func cloudTrailClient(s *iamtest.Server, maxAttempts int) *cloudtrail.Client {
	return cloudtrail.NewFromConfig(awsConfig(maxAttempts), func(o *cloudtrail.Options) { o.BaseEndpoint = aws.String(s.URL) })
}

func trailAccount() *iamtest.Account {
	a := &iamtest.Account{
		ID: "111122223333",
		Trails: []iamtest.Trail{
			{Name: "main", S3BucketName: "logs", IncludeGlobalServiceEvents: true, IsMultiRegionTrail: true,
				LogFileValidationEnabled: true, IsLogging: true},
			{Name: "data", HomeRegion: "eu-west-1",
				EventSelectors: []iamtest.EventSelector{{ReadWriteType: "ReadOnly", ExcludeManagementEventSources: []string{"kms.amazonaws.com"}}}},
			{Name: "advanced", AdvancedEventSelectors: []iamtest.AdvancedEventSelector{{
				Name:           "management",
				FieldSelectors: []iamtest.FieldSelector{{Field: "eventCategory", Equals: []string{"Management"}}},
			}}},
		},
	}
	for i := range 12 {
		name := "CreateAccessKey"
		if i%3 == 0 {
			name = "DeleteSigningCertificate"
		}
		a.Events = append(a.Events, iamtest.Event{
			Name: name, Time: t0.Add(time.Duration(i) * time.Hour), Username: fmt.Sprintf("user%d", i),
			Resources: []iamtest.EventResource{{Type: "AWS::IAM::AccessKey", Name: "AKIA"}},
		})
	}
	return a
}

func TestCloudTrailActions(t *testing.T) {
	ctx := context.Background()
	s := iamtest.New(t, trailAccount())
	c := cloudTrailClient(s, 1)

	trails, err := c.DescribeTrails(ctx, &cloudtrail.DescribeTrailsInput{})
	if err != nil {
		t.Fatal(err)
	}
	if len(trails.TrailList) != 3 {
		t.Fatalf("%d trails", len(trails.TrailList))
	}
	main, data := trails.TrailList[0], trails.TrailList[1]
	if aws.ToString(main.TrailARN) != "arn:aws:cloudtrail:us-east-1:111122223333:trail/main" ||
		!aws.ToBool(main.IncludeGlobalServiceEvents) || !aws.ToBool(main.IsMultiRegionTrail) ||
		!aws.ToBool(main.LogFileValidationEnabled) || aws.ToBool(main.HasCustomEventSelectors) ||
		aws.ToString(main.S3BucketName) != "logs" {
		t.Errorf("main = %+v", main)
	}
	if aws.ToString(data.HomeRegion) != "eu-west-1" || !aws.ToBool(data.HasCustomEventSelectors) || aws.ToBool(data.IsMultiRegionTrail) {
		t.Errorf("data = %+v", data)
	}
	one, err := c.DescribeTrails(ctx, &cloudtrail.DescribeTrailsInput{TrailNameList: []string{"data"}})
	if err != nil || len(one.TrailList) != 1 {
		t.Errorf("filtered DescribeTrails = %v, %v", one, err)
	}

	status, err := c.GetTrailStatus(ctx, &cloudtrail.GetTrailStatusInput{Name: main.TrailARN})
	if err != nil || !aws.ToBool(status.IsLogging) {
		t.Errorf("GetTrailStatus(main) = %v, %v", status, err)
	}
	status, err = c.GetTrailStatus(ctx, &cloudtrail.GetTrailStatusInput{Name: aws.String("data")})
	if err != nil || aws.ToBool(status.IsLogging) {
		t.Errorf("GetTrailStatus(data) = %v, %v", status, err)
	}
	_, err = c.GetTrailStatus(ctx, &cloudtrail.GetTrailStatusInput{Name: aws.String("nope")})
	var notFound *cttypes.TrailNotFoundException
	if !errors.As(err, &notFound) {
		t.Errorf("unknown trail: %v", err)
	}

	sel, err := c.GetEventSelectors(ctx, &cloudtrail.GetEventSelectorsInput{TrailName: aws.String("main")})
	if err != nil {
		t.Fatal(err)
	}
	if len(sel.EventSelectors) != 1 || sel.EventSelectors[0].ReadWriteType != cttypes.ReadWriteTypeAll ||
		!aws.ToBool(sel.EventSelectors[0].IncludeManagementEvents) {
		t.Errorf("default selectors = %+v", sel.EventSelectors)
	}
	sel, err = c.GetEventSelectors(ctx, &cloudtrail.GetEventSelectorsInput{TrailName: aws.String("data")})
	if err != nil {
		t.Fatal(err)
	}
	if es := sel.EventSelectors; len(es) != 1 || es[0].ReadWriteType != cttypes.ReadWriteTypeReadOnly ||
		aws.ToBool(es[0].IncludeManagementEvents) || len(es[0].ExcludeManagementEventSources) != 1 {
		t.Errorf("data selectors = %+v", es)
	}
	sel, err = c.GetEventSelectors(ctx, &cloudtrail.GetEventSelectorsInput{TrailName: aws.String("advanced")})
	if err != nil {
		t.Fatal(err)
	}
	if as := sel.AdvancedEventSelectors; len(as) != 1 || len(sel.EventSelectors) != 0 ||
		aws.ToString(as[0].FieldSelectors[0].Field) != "eventCategory" || as[0].FieldSelectors[0].Equals[0] != "Management" {
		t.Errorf("advanced selectors = %+v", as)
	}
}

func TestLookupEventsPagination(t *testing.T) {
	ctx := context.Background()
	s := iamtest.New(t, trailAccount())
	s.SetPageSize(3)
	s.SetRateLimit("LookupEvents", 0) // unpaced client
	c := cloudTrailClient(s, 1)

	var got []cttypes.Event
	p := cloudtrail.NewLookupEventsPaginator(c, &cloudtrail.LookupEventsInput{
		LookupAttributes: []cttypes.LookupAttribute{{AttributeKey: cttypes.LookupAttributeKeyEventName, AttributeValue: aws.String("CreateAccessKey")}},
		StartTime:        aws.Time(t0.Add(2 * time.Hour)),
	})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, page.Events...)
	}
	req := s.Requests("LookupEvents")
	if len(req) != 3 || req[0].Region != "us-east-1" || !strings.Contains(string(req[0].Body), `"CreateAccessKey"`) || req[1].Params != nil {
		t.Errorf("recorded requests = %+v", req)
	}
	// CreateAccessKey at hours 1,2,4,5,7,8,10,11; from hour 2 on: 7 events.
	if len(got) != 7 || s.Calls("LookupEvents") != 3 {
		t.Fatalf("%d events in %d calls", len(got), s.Calls("LookupEvents"))
	}
	if !aws.ToTime(got[0].EventTime).Equal(t0.Add(11*time.Hour)) || !aws.ToTime(got[6].EventTime).Equal(t0.Add(2*time.Hour)) {
		t.Errorf("events not newest first: %v .. %v", got[0].EventTime, got[6].EventTime)
	}
	e := got[0]
	if aws.ToString(e.EventSource) != "iam.amazonaws.com" || aws.ToString(e.Username) != "user11" || aws.ToString(e.ReadOnly) != "false" ||
		len(e.Resources) != 1 || aws.ToString(e.EventId) == "" {
		t.Errorf("event = %+v", e)
	}
	var record map[string]any
	if err := json.Unmarshal([]byte(aws.ToString(e.CloudTrailEvent)), &record); err != nil || record["eventName"] != "CreateAccessKey" {
		t.Errorf("CloudTrailEvent = %s, %v", aws.ToString(e.CloudTrailEvent), err)
	}
}

// TestLookupEventsRepeatToken: with RepeatMarker, a request that carries a
// NextToken gets its page and that same NextToken back; with RestartMarker,
// the first page under a new NextToken.
func TestLookupEventsRepeatToken(t *testing.T) {
	ctx := context.Background()
	s := iamtest.New(t, trailAccount())
	s.SetPageSize(3)
	s.SetRateLimit("LookupEvents", 0) // unpaced client
	s.SetPageFault("LookupEvents", iamtest.RepeatMarker)
	c := cloudTrailClient(s, 1)
	first, err := c.LookupEvents(ctx, &cloudtrail.LookupEventsInput{})
	if err != nil || first.NextToken == nil {
		t.Fatalf("first page: %v, %v", first, err)
	}
	for range 2 {
		page, err := c.LookupEvents(ctx, &cloudtrail.LookupEventsInput{NextToken: first.NextToken})
		if err != nil || aws.ToString(page.NextToken) != aws.ToString(first.NextToken) || len(page.Events) != 3 {
			t.Fatalf("got %d events, NextToken %v, %v; want 3 and %q again", len(page.Events), page.NextToken, err, aws.ToString(first.NextToken))
		}
	}
	// RestartMarker: the first page again, under a new NextToken each time.
	s.SetPageFault("LookupEvents", iamtest.RestartMarker)
	tokens := map[string]bool{aws.ToString(first.NextToken): true}
	for range 2 {
		page, err := c.LookupEvents(ctx, &cloudtrail.LookupEventsInput{NextToken: first.NextToken})
		if err != nil || tokens[aws.ToString(page.NextToken)] || len(page.Events) != 3 ||
			aws.ToString(page.Events[0].EventId) != aws.ToString(first.Events[0].EventId) {
			t.Fatalf("got %d events, NextToken %v, %v; want page 1 again under a new token", len(page.Events), page.NextToken, err)
		}
		tokens[aws.ToString(page.NextToken)] = true
	}
}

// TestLookupEventsEmptyPagesAndNoIDs: with EmptyPages every page is empty
// under a new NextToken; with DropEventIDs the events come without EventId,
// their records still naming them.
func TestLookupEventsEmptyPagesAndNoIDs(t *testing.T) {
	ctx := context.Background()
	s := iamtest.New(t, trailAccount())
	s.SetRateLimit("LookupEvents", 0) // unpaced client
	s.SetPageFault("LookupEvents", iamtest.EmptyPages)
	c := cloudTrailClient(s, 1)
	in := &cloudtrail.LookupEventsInput{}
	tokens := map[string]bool{}
	for range 3 {
		page, err := c.LookupEvents(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Events) != 0 || page.NextToken == nil || tokens[aws.ToString(page.NextToken)] {
			t.Fatalf("got %d events, NextToken %v, %v; want none under a new token", len(page.Events), page.NextToken, err)
		}
		tokens[aws.ToString(page.NextToken)] = true
		in.NextToken = page.NextToken
	}
	s.SetPageFault("LookupEvents", 0)
	s.DropEventIDs(true)
	page, err := c.LookupEvents(ctx, &cloudtrail.LookupEventsInput{})
	if err != nil || len(page.Events) == 0 {
		t.Fatalf("%v, %v", page, err)
	}
	var record struct{ EventID string }
	e := page.Events[0]
	if e.EventId != nil || json.Unmarshal([]byte(aws.ToString(e.CloudTrailEvent)), &record) != nil || record.EventID == "" {
		t.Errorf("EventId %v, record %s", e.EventId, aws.ToString(e.CloudTrailEvent))
	}
}

func TestCloudTrailFaults(t *testing.T) {
	ctx := context.Background()
	s := iamtest.New(t, trailAccount())
	s.SetRateLimit("LookupEvents", 0) // unpaced client
	s.Fail("LookupEvents", iamtest.Throttling, 1)
	// At least two calls: on a busy machine the SDK may also retry a
	// dropped connection (aws-sdk-go-v2#2737), which is not this test's point.
	if _, err := cloudTrailClient(s, 3).LookupEvents(ctx, &cloudtrail.LookupEventsInput{}); err != nil || s.Calls("LookupEvents") < 2 {
		t.Errorf("throttled once: %v after %d calls", err, s.Calls("LookupEvents"))
	}
	for _, tc := range []struct {
		fault iamtest.Fault
		code  string
	}{
		{iamtest.Throttling, "ThrottlingException"},
		{iamtest.AccessDenied, "AccessDeniedException"},
		{iamtest.InternalError, "InternalFailure"},
	} {
		s.Fail("DescribeTrails", tc.fault, -1)
		_, err := cloudTrailClient(s, 1).DescribeTrails(ctx, &cloudtrail.DescribeTrailsInput{})
		if code := apiCode(t, err); code != tc.code {
			t.Errorf("%s: code %s", tc.fault, code)
		}
	}
}

func TestSTS(t *testing.T) {
	ctx := context.Background()
	s := iamtest.New(t, &iamtest.Account{ID: "111122223333", Now: now})
	c := sts.NewFromConfig(awsConfig(1), func(o *sts.Options) { o.BaseEndpoint = aws.String(s.URL) })

	id, err := c.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(id.Account) != "111122223333" || aws.ToString(id.Arn) != "arn:aws:iam::111122223333:root" {
		t.Errorf("GetCallerIdentity = %+v", id)
	}

	role, err := c.AssumeRole(ctx, &sts.AssumeRoleInput{
		RoleArn: aws.String("arn:aws:iam::444455556666:role/audit"), RoleSessionName: aws.String("iamguard"), DurationSeconds: aws.Int32(900),
	})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(role.AssumedRoleUser.Arn) != "arn:aws:sts::444455556666:assumed-role/audit/iamguard" ||
		!aws.ToTime(role.Credentials.Expiration).Equal(now.Add(15*time.Minute)) || aws.ToString(role.Credentials.SessionToken) == "" {
		t.Errorf("AssumeRole = %+v %+v", role.AssumedRoleUser, role.Credentials)
	}

	s.Fail("GetCallerIdentity", iamtest.AccessDenied, 1)
	_, err = c.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if code := apiCode(t, err); code != "AccessDenied" || !strings.Contains(err.Error(), "sts:GetCallerIdentity") {
		t.Errorf("denied GetCallerIdentity: %v", err)
	}
}

// TestWireErrors checks replies the SDK never provokes.
func TestWireErrors(t *testing.T) {
	s := iamtest.New(t, nil)
	resp, err := http.PostForm(s.URL, url.Values{"Action": {"Frobnicate"}, "Version": {"2010-05-08"}})
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct {
		Error struct{ Type, Code, Message string }
	}
	if err := xmlDecode(resp, &body); err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 400 || body.Error.Code != "InvalidAction" || body.Error.Type != "Sender" || !strings.Contains(body.Error.Message, "Frobnicate") {
		t.Errorf("unknown action: %d %+v", resp.StatusCode, body)
	}

	resp2, err := http.Get(s.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp2.Body.Close()
	if resp2.StatusCode != 400 {
		t.Errorf("GET: status %d", resp2.StatusCode)
	}
}

func xmlDecode(resp *http.Response, v any) error { return xml.NewDecoder(resp.Body).Decode(v) }
