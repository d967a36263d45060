package awsiam

import (
	"context"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"testing"
	"time"

	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
)

// TestPacerUnderJitter puts a link in front of iamtest that delays each
// request by 0-300 ms on its way there, as a slow network or a starved
// scheduler would. A token bucket alone would let such delays bunch three
// requests into one second at the server; the pacer's guard does not.
func TestPacerUnderJitter(t *testing.T) {
	srv := iamtest.New(t, eventsAccount(12, "UpdateAccessKey", "UploadSSHPublicKey", "DeleteSigningCertificate"))
	srv.SetPageSize(4)
	target, _ := url.Parse(srv.URL)
	proxy := httputil.NewSingleHostReverseProxy(target)
	rng := rand.New(rand.NewPCG(1, 2)) // the same delays every run
	delays := make(chan time.Duration, 64)
	for range cap(delays) {
		delays <- time.Duration(rng.IntN(300)) * time.Millisecond
	}
	link := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(<-delays)
		proxy.ServeHTTP(w, r)
	}))
	defer link.Close()
	read, err := IAMEvents(context.Background(), ctClientAt(link.URL, 1), EventsQuery{
		Names: []string{"UpdateAccessKey", "UploadSSHPublicKey", "DeleteSigningCertificate"},
		Start: now.AddDate(0, 0, -1), End: now, Pacer: NewLookupEventsPacer(),
	})
	if err != nil || len(read.Events) != 36 {
		t.Fatalf("%+v: %v", read, err)
	}
	if m, n := srv.MaxPerSecond("LookupEvents"), srv.Calls("LookupEvents"); m > 2 || n != 9 || srv.Throttled("LookupEvents") != 0 {
		t.Errorf("%d calls, up to %d within one second, %d throttled", n, m, srv.Throttled("LookupEvents"))
	}
}
