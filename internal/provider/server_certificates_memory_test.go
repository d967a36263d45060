package provider

import (
	"context"
	"fmt"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/iam"

	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// TestServerCertificatesMaterialLetGo: each certificate is judged as it is
// read and its material let go, so 200 chains of 1 MiB are never all held
// at once (500 chains of 2 MiB, IAM's limit, held 2.1 GB; round 138).
func TestServerCertificatesMaterialLetGo(t *testing.T) {
	const n, chainBytes = 200, 1 << 20
	acct := &iamtest.Account{Now: testNow}
	padding := strings.Repeat(" ", chainBytes) // text around PEM blocks is passed over
	for i := range n {
		c := caIssued(t, fmt.Sprintf("www%03d.example.com", i))
		c.Chain += padding
		acct.ServerCertificates = append(acct.ServerCertificates, c)
	}
	srv := iamtest.New(t, acct)
	cl := &client{baseline: rules.DefaultBaseline(), now: func() time.Time { return testNow }, compliantAt: rules.Low,
		iam: iam.New(iam.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL),
			Credentials: credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", "test-secret", "")})}

	// The live heap at each collection, its peak sampled while the area is
	// read, above what the test's own account holds.
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	runtime.GC()
	metrics.Read(sample)
	before := sample[0].Value.Uint64()
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	certs, fs, err := cl.serverCertificatesArea(context.Background(), "", nil)
	close(done)
	if err != nil || len(certs) != n {
		t.Fatalf("%d certificates, %v", len(certs), err)
	}
	for _, f := range fs {
		if f.RuleID.ValueString() != "IG310" { // each chain ends at its own test CA
			t.Errorf("finding %s: %s", f.RuleID.ValueString(), f.Message.ValueString())
		}
	}
	t.Logf("live heap grew by %d MiB", (peak.Load()-min(before, peak.Load()))>>20)
	if held := peak.Load() - min(before, peak.Load()); held > n*chainBytes/3 {
		t.Errorf("the live heap grew by %d MiB while reading %d MiB of chains", held>>20, n*chainBytes>>20)
	}
}
