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
// second. The floor is pages / 2 s. Each request takes benchLatency (as the
// other benchmarks) or 200 ms, nearer a real LookupEvents: the pacer's
// guard waits a second from a reply, so latency shows in the total.
func BenchmarkIAMEvents(b *testing.B) {
	for _, latency := range []time.Duration{benchLatency, 200 * time.Millisecond} {
		b.Run("latency="+latency.String(), func(b *testing.B) { benchIAMEvents(b, latency) })
	}
}

func benchIAMEvents(b *testing.B, latency time.Duration) {
	srv := iamtest.New(b, eventsAccount(1000, rules.GuardedEvents...))
	srv.SetLatency(latency)
	srv.SetRateLimit("LookupEvents", iamtest.LookupEventsRate)
	c := ctClient(srv, 3)
	start := time.Now()
	for range b.N {
		read, err := IAMEvents(context.Background(), c, EventsQuery{
			Names: rules.GuardedEvents, Start: now.AddDate(0, 0, -7), End: now, Pacer: NewLookupEventsPacer(),
		})
		if err != nil || len(read.Events) != 5000 {
			b.Fatal(read, err)
		}
	}
	wall := time.Since(start) / time.Duration(b.N)
	reqs := srv.Requests("LookupEvents")
	pages := len(reqs) / b.N
	floor := time.Duration(pages) * time.Second / 2
	b.ReportMetric(float64(pages), "pages/op")
	b.ReportMetric(wall.Seconds(), "wall-s/op")
	b.ReportMetric(floor.Seconds(), "floor-s/op")
	b.ReportMetric(float64(srv.MaxPerSecond("LookupEvents")), "max-per-second")
	b.ReportMetric(float64(srv.Throttled("LookupEvents")), "throttled")
	b.Logf("%d pages in %s; floor at 2/s %s (%.1f%% above); at most %d requests in any second; %d throttled",
		pages, wall.Round(time.Millisecond), floor, 100*(wall.Seconds()/floor.Seconds()-1), srv.MaxPerSecond("LookupEvents"), srv.Throttled("LookupEvents"))
	if m := srv.MaxPerSecond("LookupEvents"); m > 2 {
		b.Errorf("iamtest saw %d LookupEvents within one second", m)
	}
}
