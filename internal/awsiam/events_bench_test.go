package awsiam

import (
	"context"
	"testing"
	"time"

	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// BenchmarkIAMEvents: 5,000 matching events, 1,000 of each guarded event,
// 50 a page: 100 LookupEvents requests that iamtest refuses above 2 a
// second. The floor is pages / 2 s; each request also takes benchLatency.
func BenchmarkIAMEvents(b *testing.B) {
	srv := iamtest.New(b, eventsAccount(1000, rules.GuardedEvents...))
	srv.SetLatency(benchLatency)
	srv.SetRateLimit("LookupEvents", iamtest.LookupEventsRate)
	c := ctClient(srv, 3)
	start := time.Now()
	for range b.N {
		events, _, err := IAMEvents(context.Background(), c, EventsQuery{
			Names: rules.GuardedEvents, Start: now.AddDate(0, 0, -7), End: now, Pacer: NewLookupEventsPacer(),
		})
		if err != nil || len(events) != 5000 {
			b.Fatal(len(events), err)
		}
	}
	wall := time.Since(start) / time.Duration(b.N)
	reqs := srv.Requests("LookupEvents")
	pages := len(reqs) / b.N
	floor := time.Duration(pages) * time.Second / 2
	b.ReportMetric(float64(pages), "pages/op")
	b.ReportMetric(wall.Seconds(), "wall-s/op")
	b.ReportMetric(floor.Seconds(), "floor-s/op")
	b.ReportMetric(float64(maxPerSecond(reqs)), "max-per-second")
	b.ReportMetric(float64(srv.Throttled("LookupEvents")), "throttled")
	b.Logf("%d pages in %s; floor at 2/s %s (%.1f%% above); at most %d requests in any second; %d throttled",
		pages, wall.Round(time.Millisecond), floor, 100*(wall.Seconds()/floor.Seconds()-1), maxPerSecond(reqs), srv.Throttled("LookupEvents"))
	if m := maxPerSecond(reqs); m > 2 {
		b.Errorf("iamtest saw %d LookupEvents within one second", m)
	}
}
