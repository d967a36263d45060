package provider

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/iam"

	"github.com/iamguard/terraform-provider-iamguard/internal/awsiam"
	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// BenchmarkAccountCompliance reads and judges an account of 5,000 users
// (every tenth with an SSH key), 500 server certificates and 10 trails, at
// 20 ms a call, as iamguard_account_compliance does. The IAM pacer runs at
// 1,000 calls a second: at the default 20 a second the pacing, not the
// reads, sets the time (see the README).
func BenchmarkAccountCompliance(b *testing.B) {
	acct := &iamtest.Account{Now: testNow, PasswordPolicy: strongPolicy(), Root: iamtest.Root{Created: daysAgo(1000), MFAEnabled: true}}
	for i := range 5000 {
		u := iamtest.User{Name: fmt.Sprintf("user%04d", i), Created: daysAgo(100)}
		if i%10 == 0 {
			body, _ := sshKey(b)
			u.SSHPublicKeys = []iamtest.SSHPublicKey{{ID: fmt.Sprintf("APKA%016d", i), Body: body}}
		}
		acct.Users = append(acct.Users, u)
	}
	for i := range 500 {
		acct.ServerCertificates = append(acct.ServerCertificates, caIssued(b, fmt.Sprintf("www%03d.example.com", i)))
	}
	for i := range 10 {
		acct.Trails = append(acct.Trails, goodTrail(fmt.Sprintf("trail%d", i), "us-east-1"))
	}
	srv := iamtest.New(b, acct)
	srv.SetLatency(20 * time.Millisecond)

	httpClient := awshttp.NewBuildableClient().WithTransportOptions(func(t *http.Transport) { t.MaxIdleConnsPerHost = 64 })
	creds := credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", "test-secret", "")
	c := &client{
		baseline: rules.DefaultBaseline(), now: func() time.Time { return testNow }, compliantAt: rules.Low,
		report: awsiam.ReportOptions{MinInterval: time.Millisecond},
		iam: iam.New(iam.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), Credentials: creds, HTTPClient: httpClient},
			awsiam.NewPacer(1000, 100).Apply),
		cloudtrail: cloudtrail.New(cloudtrail.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), Credentials: creds, HTTPClient: httpClient}),
	}
	start := time.Now()
	for range b.N {
		ctx := context.Background()
		for _, res := range newAccountRead(ctx, c, nil).readAreas(ctx) {
			if !res.read || len(res.findings) != 0 {
				b.Fatalf("%s: read %v, findings %+v", res.name, res.read, res.findings)
			}
		}
	}
	wall := time.Since(start) / time.Duration(b.N)
	calls := srv.TotalCalls() / b.N
	b.ReportMetric(wall.Seconds(), "wall-s/op")
	b.ReportMetric(float64(calls), "calls/op")
	b.ReportMetric(float64(srv.MaxInFlight()), "max-in-flight")
	b.Logf("%d calls (%d ListSSHPublicKeys, %d GetServerCertificate), at most %d in flight, wall %s",
		calls, srv.Calls("ListSSHPublicKeys")/b.N, srv.Calls("GetServerCertificate")/b.N, srv.MaxInFlight(), wall.Round(time.Millisecond))
}
