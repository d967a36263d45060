package awsiam

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	cttypes "github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"
	"golang.org/x/sync/errgroup"

	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// MaxLookback is how far back LookupEvents can see: CloudTrail keeps 90
// days of management events in its event history.
const MaxLookback = 90 * 24 * time.Hour

// lookupEventsPageSize is LookupEvents' largest page.
const lookupEventsPageSize = 50

// lookupEventsPacer paces every read in this process that brings no pacer
// of its own: the limit is the account's, not one read's, and in Terraform
// one process serves one command.
var lookupEventsPacer = NewLookupEventsPacer()

// EventsQuery says which events IAMEvents looks up.
type EventsQuery struct {
	Names      []string  // event names, one LookupEvents query each
	Start, End time.Time // time range
	MaxEvents  int       // keep at most this many, newest first; 0: all
	// Pacer spaces the requests; nil shares the process's pacer.
	Pacer *EventPacer
}

// Errors of a LookupEvents query whose pages do not chain, where the SDK's
// paginator would read the same pages for ever: a NextToken it has already
// followed, or a new one that brings only events already given.
var (
	ErrRepeatedToken  = errors.New("CloudTrail answered a NextToken it had already given, so the list would never end")
	ErrRepeatedEvents = errors.New("CloudTrail answered a page of events it had already given, so the list would never end")
)

// EventsRead is what IAMEvents read.
type EventsRead struct {
	Events []rules.Event // newest first
	// Truncated reports that MaxEvents cut the list.
	Truncated bool
	// Gaps are the queries whose pages did not chain, by event name (Gap.Name):
	// each was read up to the page that repeated a NextToken, and no further.
	// Their events read so far are in Events.
	Gaps []Gap
}

// IAMEvents looks up the named events with CloudTrail LookupEvents in
// us-east-1 (IAM is global; its events are recorded there), one query per
// event name since LookupEvents takes one lookup attribute. The queries run
// at once, but every request, retries included, waits for the one pacer, so
// together they never exceed CloudTrail's rate. Events come back newest
// first, each event once. A query that is given a NextToken it has already
// followed, or a page of only events it has already read, stops there and
// is a Gap, not a loop nor a complete list.
func IAMEvents(ctx context.Context, api cloudtrail.LookupEventsAPIClient, q EventsQuery) (*EventsRead, error) {
	pacer := q.Pacer
	if pacer == nil {
		pacer = lookupEventsPacer
	}
	opts := func(o *cloudtrail.Options) {
		o.Region = rules.USEast1
		o.APIOptions = append(o.APIOptions, paceAttempts("iamguard.PaceLookupEvents", pacer.acquire))
	}
	pageSize := int32(lookupEventsPageSize)
	if q.MaxEvents > 0 && q.MaxEvents < lookupEventsPageSize {
		pageSize = int32(q.MaxEvents)
	}
	var (
		mu  sync.Mutex
		out EventsRead
	)
	g, gctx := errgroup.WithContext(ctx)
	names := slices.Compact(slices.Sorted(slices.Values(q.Names)))
	for _, name := range names {
		g.Go(func() error {
			p := cloudtrail.NewLookupEventsPaginator(api, &cloudtrail.LookupEventsInput{
				LookupAttributes: []cttypes.LookupAttribute{{AttributeKey: cttypes.LookupAttributeKeyEventName, AttributeValue: aws.String(name)}},
				StartTime:        aws.Time(q.Start), EndTime: aws.Time(q.End),
				MaxResults: aws.Int32(pageSize),
			})
			var (
				mine []rules.Event
				cut  bool
				gap  *Gap
			)
			seen := map[string]bool{}  // the NextTokens followed
			given := map[string]bool{} // the event IDs read
			stop := func(err error) {
				gap = &Gap{Name: name, Item: fmt.Sprintf("the %s events past the newest %d", name, len(mine)),
					Err: &Error{Service: "cloudtrail", Action: "LookupEvents", Err: err}}
			}
			for p.HasMorePages() {
				// Each query keeps its newest MaxEvents: the newest
				// MaxEvents of all queries are among them.
				if q.MaxEvents > 0 && len(mine) >= q.MaxEvents {
					cut = true
					break
				}
				page, err := p.NextPage(gctx, opts)
				if err != nil {
					return wrap("LookupEvents", err)
				}
				fresh := 0
				for _, e := range page.Events {
					ev := event(e)
					if ev.ID != "" && given[ev.ID] {
						continue // an event given twice is one event
					}
					given[ev.ID] = true
					mine = append(mine, ev)
					fresh++
				}
				t := aws.ToString(page.NextToken)
				if t != "" && fresh == 0 && len(page.Events) > 0 {
					stop(ErrRepeatedEvents)
					break
				}
				if t != "" && seen[t] {
					stop(ErrRepeatedToken)
					break
				}
				seen[t] = true
			}
			mu.Lock()
			defer mu.Unlock()
			out.Events = append(out.Events, mine...)
			out.Truncated = out.Truncated || cut
			if gap != nil {
				out.Gaps = append(out.Gaps, *gap)
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	slices.SortStableFunc(out.Events, func(a, b rules.Event) int {
		if c := b.Time.Compare(a.Time); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	slices.SortFunc(out.Gaps, func(a, b Gap) int { return strings.Compare(a.Name, b.Name) })
	if q.MaxEvents > 0 && len(out.Events) > q.MaxEvents {
		out.Events, out.Truncated = out.Events[:q.MaxEvents], true
	}
	return &out, nil
}

// record is the part of a CloudTrail record iamguard reads. Request
// parameters are decoded only to pass through rules.SafeParameters.
type record struct {
	UserIdentity struct {
		Type           string `json:"type"`
		ARN            string `json:"arn"`
		AccessKeyID    string `json:"accessKeyId"`
		UserName       string `json:"userName"`
		SessionContext struct {
			SessionIssuer struct {
				ARN string `json:"arn"`
			} `json:"sessionIssuer"`
		} `json:"sessionContext"`
	} `json:"userIdentity"`
	SourceIPAddress   string         `json:"sourceIPAddress"`
	UserAgent         string         `json:"userAgent"`
	ErrorCode         string         `json:"errorCode"`
	RequestParameters map[string]any `json:"requestParameters"`
	ResponseElements  map[string]any `json:"responseElements"`
}

// event turns a LookupEvents result into the rules' view of it. A record
// that does not parse leaves only LookupEvents' own fields.
func event(e cttypes.Event) rules.Event {
	out := rules.Event{
		ID:          aws.ToString(e.EventId),
		Name:        aws.ToString(e.EventName),
		Time:        aws.ToTime(e.EventTime).UTC(),
		UserName:    aws.ToString(e.Username),
		AccessKeyID: aws.ToString(e.AccessKeyId),
		ReadOnly:    aws.ToString(e.ReadOnly) == "true",
	}
	var r record
	if json.Unmarshal([]byte(aws.ToString(e.CloudTrailEvent)), &r) != nil {
		return out
	}
	id := r.UserIdentity
	out.PrincipalType, out.PrincipalARN, out.IssuerARN = id.Type, id.ARN, id.SessionContext.SessionIssuer.ARN
	if out.AccessKeyID == "" {
		out.AccessKeyID = id.AccessKeyID
	}
	if out.UserName == "" {
		out.UserName = id.UserName
	}
	out.SourceIP, out.UserAgent, out.ErrorCode = r.SourceIPAddress, r.UserAgent, r.ErrorCode
	out.Parameters = rules.SafeParameters(out.Name, r.RequestParameters, r.ResponseElements)
	return out
}
