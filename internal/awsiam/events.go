package awsiam

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
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
// paginator would read pages for ever: a NextToken it has already followed,
// a new one that brings only events already given (the list started over),
// a run of empty pages each with a new NextToken, or more pages than any
// account's event history fills.
var (
	ErrRepeatedToken  = errors.New("CloudTrail answered a NextToken it had already given, so the list would never end")
	ErrRepeatedEvents = errors.New("CloudTrail answered a page of events it had already given, so the list would never end")
	ErrEmptyPages     = fmt.Errorf("CloudTrail answered %d pages in a row without events, each with a new NextToken, so the list might never end", lookupEventsMaxEmptyPages)
	ErrTooManyEvents  = fmt.Errorf("CloudTrail answered more than %d pages for one event name, more than 90 days of any account's history, so the list might never end", lookupEventsMaxPages)
)

// Bounds on one LookupEvents query, whatever CloudTrail answers. A page
// of events already read ends the query (ErrRepeatedEvents), so every page
// read brings a new event or none.
//
// lookupEventsMaxPages: 10,000 full pages are 500,000 events of one name
// in the 90 days LookupEvents sees, thousands a day of one credential
// change, and take 83 minutes at CloudTrail's two requests a second.
//
// lookupEventsMaxEmptyPages: a page without events that still gives a
// NextToken is allowed by the API, but ten in a row mean the list no longer
// advances; these are the only pages that bring nothing new.
var (
	lookupEventsMaxPages      = 10_000
	lookupEventsMaxEmptyPages = 10
)

// EventsRead is what IAMEvents read.
type EventsRead struct {
	Events []rules.Event // newest first
	// Truncated reports that MaxEvents cut the list: an event past the
	// newest MaxEvents was seen.
	Truncated bool
	// Gaps are the queries whose pages did not chain, by event name (Gap.Name):
	// each was read up to the page that showed it (ErrRepeatedToken,
	// ErrRepeatedEvents, ErrEmptyPages, ErrTooManyEvents), and no further.
	// Their events read so far are in Events.
	Gaps []Gap
}

// IAMEvents looks up the named events with CloudTrail LookupEvents in
// us-east-1 (IAM is global; its events are recorded there), one query per
// event name since LookupEvents takes one lookup attribute. The queries run
// at once, but every request, retries included, waits for the one pacer, so
// together they never exceed CloudTrail's rate. Events come back newest
// first, each event once (told apart by EventId, else by content). A query
// that is given a NextToken it has already followed, a page of only events
// it has already read, lookupEventsMaxEmptyPages empty pages in a row or
// more than lookupEventsMaxPages pages stops there and is a Gap, not a loop
// nor a complete list: whatever CloudTrail answers, every query ends.
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
		mu     sync.Mutex
		out    EventsRead
		merged = map[string]bool{} // the events of all queries, by eventKey
	)
	g, gctx := errgroup.WithContext(ctx)
	names := slices.Compact(slices.Sorted(slices.Values(q.Names)))
	for _, name := range names {
		g.Go(func() error {
			in := &cloudtrail.LookupEventsInput{
				LookupAttributes: []cttypes.LookupAttribute{{AttributeKey: cttypes.LookupAttributeKeyEventName, AttributeValue: aws.String(name)}},
				StartTime:        aws.Time(q.Start), EndTime: aws.Time(q.End),
				MaxResults: aws.Int32(pageSize),
			}
			var (
				mine []rules.Event
				keys []string // mine's eventKeys
				gap  *Gap
			)
			seen := map[string]bool{}  // the NextTokens followed
			given := map[string]bool{} // the events read, by eventKey
			stop := func(err error) {
				gap = &Gap{Name: name, Item: fmt.Sprintf("the %s events past the newest %d", name, len(mine)),
					Err: &Error{Service: "cloudtrail", Action: "LookupEvents", Err: err}}
			}
			for pages, empty := 0, 0; ; pages++ {
				// Each query keeps its newest MaxEvents, and one more
				// when there is one: the newest MaxEvents of all queries
				// are among them, and the one more shows the cut. Having
				// MaxEvents, the query asks for that one alone: a
				// NextToken with a full page does not say there is more.
				if q.MaxEvents > 0 && len(mine) > q.MaxEvents {
					break
				}
				if q.MaxEvents > 0 {
					// In int, then narrowed: a MaxEvents past 2^31 wrapped
					// to a size CloudTrail refuses (round 136).
					in.MaxResults = aws.Int32(int32(min(int(pageSize)-1, q.MaxEvents-len(mine)) + 1))
				}
				if pages == lookupEventsMaxPages {
					stop(ErrTooManyEvents)
					break
				}
				page, err := api.LookupEvents(gctx, in, opts)
				if err != nil {
					return wrap("LookupEvents", err)
				}
				fresh := 0
				for _, e := range page.Events {
					k := eventKey(e)
					if given[k] {
						continue // an event given twice is one event
					}
					given[k] = true
					ev := event(e)
					if ev.Name == "" {
						ev.Name = name // what the query asked for, which the reply left out
					}
					mine, keys = append(mine, ev), append(keys, k)
					fresh++
				}
				t := aws.ToString(page.NextToken)
				switch {
				case t == "":
				case fresh == 0 && len(page.Events) > 0:
					stop(ErrRepeatedEvents)
				case seen[t]:
					stop(ErrRepeatedToken)
				case len(page.Events) == 0 && empty+1 == lookupEventsMaxEmptyPages:
					stop(ErrEmptyPages)
				}
				if t == "" || gap != nil {
					break
				}
				if len(page.Events) == 0 {
					empty++
				} else {
					empty = 0
				}
				seen[t] = true
				in.NextToken = aws.String(t)
			}
			mu.Lock()
			defer mu.Unlock()
			for i, ev := range mine {
				if !merged[keys[i]] { // an event that two queries give is one event
					merged[keys[i]] = true
					out.Events = append(out.Events, ev)
				}
			}
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

// eventKey tells events apart: by EventId, or where the reply left it out
// by a digest of the event, whose CloudTrail record names the event.
func eventKey(e cttypes.Event) string {
	if id := aws.ToString(e.EventId); id != "" {
		return "id " + id
	}
	h := sha256.New()
	for _, s := range []string{aws.ToString(e.EventName), aws.ToTime(e.EventTime).UTC().Format(time.RFC3339Nano),
		aws.ToString(e.Username), aws.ToString(e.AccessKeyId), aws.ToString(e.CloudTrailEvent)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return "sha256 " + hex.EncodeToString(h.Sum(nil))
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
				Type string `json:"type"`
				ARN  string `json:"arn"`
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
// that does not parse, or names no caller, leaves only LookupEvents' own
// fields, and is Unreadable.
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
	// Every record names who made the call (userIdentity.type); one that
	// does not parse, or says nothing of that (null, {}), tells nothing.
	if json.Unmarshal([]byte(aws.ToString(e.CloudTrailEvent)), &r) != nil || r.UserIdentity.Type == "" {
		out.Unreadable = true
		return out
	}
	id := r.UserIdentity
	out.PrincipalType, out.PrincipalARN = id.Type, id.ARN
	out.IssuerType, out.IssuerARN = id.SessionContext.SessionIssuer.Type, id.SessionContext.SessionIssuer.ARN
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
