package iamtest_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"

	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
)

// BenchmarkPerUserCalls measures the server's own cost for the per-user
// pattern: 5,000 users, ListAccessKeys and GetAccessKeyLastUsed for each,
// 16 calls in flight, no added latency.
func BenchmarkPerUserCalls(b *testing.B) {
	users := make([]iamtest.User, 5000)
	for i := range users {
		users[i] = iamtest.User{Name: fmt.Sprintf("user%04d", i), Created: t0,
			AccessKeys: []iamtest.AccessKey{{ID: fmt.Sprintf("AKIA%012d", i), Created: t0}}}
	}
	s := iamtest.New(b, &iamtest.Account{Users: users})
	c := iamClient(s, 1)
	ctx := context.Background()
	for b.Loop() {
		names := make(chan string)
		var wg sync.WaitGroup
		for range 16 {
			wg.Go(func() {
				for name := range names {
					keys, err := c.ListAccessKeys(ctx, &iam.ListAccessKeysInput{UserName: aws.String(name)})
					if err != nil {
						b.Error(err)
						continue
					}
					for _, k := range keys.AccessKeyMetadata {
						if _, err := c.GetAccessKeyLastUsed(ctx, &iam.GetAccessKeyLastUsedInput{AccessKeyId: k.AccessKeyId}); err != nil {
							b.Error(err)
						}
					}
				}
			})
		}
		for _, u := range users {
			names <- u.Name
		}
		close(names)
		wg.Wait()
	}
	b.ReportMetric(float64(s.TotalCalls())/float64(b.N), "calls/op")
}
