package iamtest_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"

	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
)

func TestDescribeTrailsShadow(t *testing.T) {
	ctx := context.Background()
	s := iamtest.New(t, &iamtest.Account{Trails: []iamtest.Trail{
		{Name: "home"},
		{Name: "multi", HomeRegion: "eu-west-1", IsMultiRegionTrail: true, KMSKeyID: "arn:aws:kms:eu-west-1:123456789012:key/k"},
		{Name: "local", HomeRegion: "eu-west-1"},
		{Name: "org", HomeRegion: "us-west-2", IsOrganizationTrail: true, ARN: "arn:aws:cloudtrail:us-west-2:999988887777:trail/org"},
	}})
	c := cloudTrailClient(s, 1)
	names := func(in *cloudtrail.DescribeTrailsInput) string {
		out, err := c.DescribeTrails(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		var n []string
		for _, tr := range out.TrailList {
			n = append(n, aws.ToString(tr.Name))
		}
		return strings.Join(n, ",")
	}
	if got := names(&cloudtrail.DescribeTrailsInput{IncludeShadowTrails: aws.Bool(true)}); got != "home,multi,org" {
		t.Errorf("us-east-1 with shadow trails: %s", got)
	}
	if got := names(&cloudtrail.DescribeTrailsInput{IncludeShadowTrails: aws.Bool(false)}); got != "home" {
		t.Errorf("us-east-1 without shadow trails: %s", got)
	}
	if got := names(&cloudtrail.DescribeTrailsInput{}); got != "home,multi,local,org" {
		t.Errorf("without the parameter: %s", got)
	}
	out, _ := c.DescribeTrails(ctx, &cloudtrail.DescribeTrailsInput{TrailNameList: []string{"multi"}})
	if len(out.TrailList) != 1 || aws.ToString(out.TrailList[0].KmsKeyId) == "" {
		t.Errorf("KmsKeyId missing: %+v", out.TrailList)
	}
}

func TestTrailStatusShape(t *testing.T) {
	delivered := time.Date(2026, 5, 31, 23, 0, 0, 0, time.UTC)
	s := iamtest.New(t, &iamtest.Account{Now: now, Trails: []iamtest.Trail{{Name: "main", IsLogging: true,
		LatestDeliveryTime: delivered, LatestDeliveryError: "AccessDenied"}}})
	st, err := cloudTrailClient(s, 1).GetTrailStatus(context.Background(), &cloudtrail.GetTrailStatusInput{Name: aws.String("main")})
	if err != nil || !aws.ToBool(st.IsLogging) || !aws.ToTime(st.LatestDeliveryTime).Equal(delivered) ||
		aws.ToString(st.LatestDeliveryError) != "AccessDenied" || st.StartLoggingTime == nil {
		t.Errorf("GetTrailStatus = %+v, %v", st, err)
	}
}

func TestLookupEventsRateLimit(t *testing.T) {
	ctx := context.Background()
	s := iamtest.New(t, &iamtest.Account{})
	s.SetRateLimit("LookupEvents", iamtest.LookupEventsRate)
	c := cloudTrailClient(s, 1)
	for i := range 3 {
		_, err := c.LookupEvents(ctx, &cloudtrail.LookupEventsInput{})
		if i < 2 && err != nil || i == 2 && apiCode(t, err) != "ThrottlingException" {
			t.Errorf("call %d: %v", i, err)
		}
	}
	if s.Throttled("LookupEvents") != 1 {
		t.Errorf("Throttled = %d", s.Throttled("LookupEvents"))
	}
	time.Sleep(time.Second)
	if _, err := c.LookupEvents(ctx, &cloudtrail.LookupEventsInput{}); err != nil {
		t.Errorf("after a second: %v", err)
	}
	reqs := s.Requests("LookupEvents")
	if len(reqs) != 4 || reqs[3].Time.Sub(reqs[0].Time) < time.Second {
		t.Errorf("request times: %+v", reqs)
	}
}

// TestGuardedEventRecords: each of the five guarded events comes back as a
// record with CloudTrail's fields.
func TestGuardedEventRecords(t *testing.T) {
	at := time.Date(2026, 5, 30, 8, 0, 0, 0, time.UTC)
	s := iamtest.New(t, &iamtest.Account{ID: "111122223333", Events: []iamtest.Event{
		{Name: "UpdateAccountPasswordPolicy", Time: at, PrincipalType: "Root", AccessKeyID: "ASIAROOT",
			RequestParameters: map[string]any{"minimumPasswordLength": 8, "requireSymbols": false}},
		{Name: "UpdateAccessKey", Time: at.Add(time.Minute), Username: "alice", AccessKeyID: "AKIAALICE",
			RequestParameters: map[string]any{"accessKeyId": "AKIAOLD", "status": "Active", "userName": "bob"}},
		{Name: "UploadServerCertificate", Time: at.Add(2 * time.Minute), PrincipalType: "AssumedRole", RoleARN: "arn:aws:iam::111122223333:role/deployer",
			RequestParameters: map[string]any{"serverCertificateName": "web", "certificateBody": "-----BEGIN CERTIFICATE-----", "privateKey": "HIDDEN_DUE_TO_SECURITY_REASONS"}},
		{Name: "UploadSSHPublicKey", Time: at.Add(3 * time.Minute), Username: "alice",
			RequestParameters: map[string]any{"userName": "bob", "sSHPublicKeyBody": "ssh-ed25519 AAAA"}},
		{Name: "DeleteSigningCertificate", Time: at.Add(4 * time.Minute), Username: "alice", ErrorCode: "AccessDenied",
			RequestParameters: map[string]any{"userName": "bob", "certificateId": "CERT1"}},
	}})
	out, err := cloudTrailClient(s, 1).LookupEvents(context.Background(), &cloudtrail.LookupEventsInput{})
	if err != nil || len(out.Events) != 5 {
		t.Fatalf("%v, %v", out, err)
	}
	records := map[string]map[string]any{}
	for _, e := range out.Events {
		var r map[string]any
		if err := json.Unmarshal([]byte(aws.ToString(e.CloudTrailEvent)), &r); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"eventVersion", "userIdentity", "eventTime", "eventSource", "eventName", "awsRegion",
			"sourceIPAddress", "userAgent", "requestParameters", "responseElements", "requestID", "eventID", "readOnly",
			"eventType", "managementEvent", "recipientAccountId", "eventCategory"} {
			if _, ok := r[k]; !ok {
				t.Errorf("%s: no %s", aws.ToString(e.EventName), k)
			}
		}
		if r["eventID"] != aws.ToString(e.EventId) || r["eventType"] != "AwsApiCall" || r["eventCategory"] != "Management" {
			t.Errorf("%s: %v", aws.ToString(e.EventName), r)
		}
		records[aws.ToString(e.EventName)] = r
	}
	id := func(name string) map[string]any { return records[name]["userIdentity"].(map[string]any) }
	if u := id("UpdateAccountPasswordPolicy"); u["type"] != "Root" || u["arn"] != "arn:aws:iam::111122223333:root" || u["accessKeyId"] != "ASIAROOT" {
		t.Errorf("root identity: %v", u)
	}
	if u := id("UpdateAccessKey"); u["type"] != "IAMUser" || u["arn"] != "arn:aws:iam::111122223333:user/alice" || u["userName"] != "alice" {
		t.Errorf("user identity: %v", u)
	}
	u := id("UploadServerCertificate")
	issuer := u["sessionContext"].(map[string]any)["sessionIssuer"].(map[string]any)
	if u["type"] != "AssumedRole" || u["arn"] != "arn:aws:sts::111122223333:assumed-role/deployer/session" || issuer["arn"] != "arn:aws:iam::111122223333:role/deployer" {
		t.Errorf("assumed role identity: %v", u)
	}
	if m := records["UploadServerCertificate"]["responseElements"].(map[string]any)["serverCertificateMetadata"].(map[string]any); m["serverCertificateName"] != "web" {
		t.Errorf("server certificate response: %v", m)
	}
	if m := records["UploadSSHPublicKey"]["responseElements"].(map[string]any)["sSHPublicKey"].(map[string]any); m["userName"] != "bob" || m["sSHPublicKeyId"] == "" {
		t.Errorf("SSH key response: %v", m)
	}
	if r := records["DeleteSigningCertificate"]; r["errorCode"] != "AccessDenied" || r["responseElements"] != nil {
		t.Errorf("failed call: %v", r)
	}
}
