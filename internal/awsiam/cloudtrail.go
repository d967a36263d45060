package awsiam

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	cttypes "github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"
	"golang.org/x/sync/errgroup"

	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// TrailsAPI is the part of the CloudTrail client Trails needs.
type TrailsAPI interface {
	DescribeTrails(context.Context, *cloudtrail.DescribeTrailsInput, ...func(*cloudtrail.Options)) (*cloudtrail.DescribeTrailsOutput, error)
	GetTrailStatus(context.Context, *cloudtrail.GetTrailStatusInput, ...func(*cloudtrail.Options)) (*cloudtrail.GetTrailStatusOutput, error)
	GetEventSelectors(context.Context, *cloudtrail.GetEventSelectorsInput, ...func(*cloudtrail.Options)) (*cloudtrail.GetEventSelectorsOutput, error)
}

// Trail is a trail with its status: what rules.LiveTrail judges and the
// facts it does not.
type Trail struct {
	rules.LiveTrail
	KMSKeySet           bool
	LatestDeliveryTime  time.Time // zero: never delivered
	LatestDeliveryError string
	// Gap is why its status or selectors (LiveTrail.Unread) could not be
	// read: denied or throttled, as for one item of a listing.
	Gap error
}

// trailCallsInFlight bounds the GetTrailStatus and GetEventSelectors calls
// made at once.
const trailCallsInFlight = 8

// inRegion sends one call to region, whatever the client's own.
func inRegion(region string) func(*cloudtrail.Options) {
	return func(o *cloudtrail.Options) { o.Region = region }
}

// Trails lists the trails that can record IAM events: DescribeTrails in
// us-east-1, where IAM's global events are delivered, with shadow trails
// (multi-region and organization trails homed in other regions). Each
// trail's status and event selectors (basic or advanced) are read in its
// home region, by ARN; an organization trail whose owner alone can read
// them (seen from a member account) is ManagedElsewhere, with them
// unknown; one whose ARN names account, the caller's, is not (round 286: a
// trail of its own deleted since it was listed read as its organization's,
// and as recording). Trails come back ordered by name, then ARN.
func Trails(ctx context.Context, api TrailsAPI, account string) ([]Trail, error) {
	out, err := api.DescribeTrails(ctx, &cloudtrail.DescribeTrailsInput{IncludeShadowTrails: aws.Bool(true)}, inRegion(rules.USEast1))
	if err != nil {
		return nil, wrap("DescribeTrails", err)
	}
	trails := make([]Trail, len(out.TrailList))
	// Per trail, what its owner alone may read (an organization's trail
	// seen from a member account), and what was refused it: each call
	// writes its own.
	elsewhere := make([][2]bool, len(trails))
	refused := make([][2]error, len(trails))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(trailCallsInFlight)
	for i, t := range out.TrailList {
		trails[i] = Trail{
			LiveTrail: rules.LiveTrail{
				Name: aws.ToString(t.Name), ARN: aws.ToString(t.TrailARN), HomeRegion: aws.ToString(t.HomeRegion),
				Organization: aws.ToBool(t.IsOrganizationTrail),
				Trail: rules.Trail{
					IncludeGlobalServiceEvents: rules.Known(aws.ToBool(t.IncludeGlobalServiceEvents)),
					MultiRegion:                rules.Known(aws.ToBool(t.IsMultiRegionTrail)),
					LogFileValidation:          rules.Known(aws.ToBool(t.LogFileValidationEnabled)),
				},
			},
			KMSKeySet: aws.ToString(t.KmsKeyId) != "",
		}
		tr := &trails[i]
		id := orString(tr.ARN, tr.Name)
		home := orString(tr.HomeRegion, rules.USEast1)
		orgs := tr.Organization && rules.ARNAccount(tr.ARN) != account
		g.Go(func() error {
			st, err := api.GetTrailStatus(gctx, &cloudtrail.GetTrailStatusInput{Name: aws.String(id)}, inRegion(home))
			if orgs && ownedElsewhere(err) {
				tr.Logging, elsewhere[i][0] = rules.UnknownValue[bool](), true
				return nil
			}
			if err := wrap("GetTrailStatus", err); IsGap(err) {
				tr.Logging, refused[i][0] = rules.UnknownValue[bool](), err
				return nil
			} else if err != nil {
				return err
			}
			switch {
			case st.IsLogging != nil:
				tr.Logging = rules.Known(*st.IsLogging)
			case orgs:
				// What a member account may be told of its organization's
				// trail: not "logging off" (round 238).
				tr.Logging, elsewhere[i][0] = rules.UnknownValue[bool](), true
			default:
				return &Error{Service: "cloudtrail", Action: "GetTrailStatus", Err: fmt.Errorf("the reply for trail %q has no IsLogging, which CloudTrail always gives", id)}
			}
			tr.LatestDeliveryTime = aws.ToTime(st.LatestDeliveryTime).UTC()
			tr.LatestDeliveryError = aws.ToString(st.LatestDeliveryError)
			return nil
		})
		g.Go(func() error {
			sel, err := api.GetEventSelectors(gctx, &cloudtrail.GetEventSelectorsInput{TrailName: aws.String(id)}, inRegion(home))
			if orgs && ownedElsewhere(err) {
				tr.Selectors, elsewhere[i][1] = rules.UnknownValue[bool](), true
				return nil
			}
			if err := wrap("GetEventSelectors", err); IsGap(err) {
				tr.Selectors, refused[i][1] = rules.UnknownValue[bool](), err
				return nil
			} else if err != nil {
				return err
			}
			if why := incompleteSelectors(sel); why != "" {
				return &Error{Service: "cloudtrail", Action: "GetEventSelectors", Err: fmt.Errorf("the reply for trail %q %s", id, why)}
			}
			tr.EventSelectors = eventSelectors(sel.EventSelectors)
			tr.AdvancedSelectors = advancedSelectors(sel.AdvancedEventSelectors)
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	for i := range trails {
		tr := &trails[i]
		tr.ManagedElsewhere = elsewhere[i][0] || elsewhere[i][1]
		switch status, selectors := refused[i][0], refused[i][1]; {
		case status != nil && selectors != nil:
			tr.Unread, tr.Gap = "status and event selectors", status
		case status != nil:
			tr.Unread, tr.Gap = "status", status
		case selectors != nil:
			tr.Unread, tr.Gap = "event selectors", selectors
		}
	}
	slices.SortFunc(trails, func(a, b Trail) int {
		if c := strings.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		return strings.Compare(a.ARN, b.ARN)
	})
	return trails, nil
}

// ownedElsewhere reports whether a status or selectors call failed because
// another account owns the trail: what CloudTrail answers a member account
// about its organization's trail, which DescribeTrails lists.
func ownedElsewhere(err error) bool {
	switch code(err) {
	case "CloudTrailARNInvalidException", "TrailNotFoundException":
		return true
	}
	return false
}

// incompleteSelectors says what a GetEventSelectors reply lacks that
// CloudTrail always gives, or "" for none. CloudTrail answers a trail's
// selectors, its default one included, and each in full (PutEventSelectors
// takes neither an empty list nor an advanced selector without fields): a
// reply without them is cut short, or not CloudTrail's, and must not read
// as "every management event" (rounds 117 and 119).
func incompleteSelectors(sel *cloudtrail.GetEventSelectorsOutput) string {
	if len(sel.EventSelectors) == 0 && len(sel.AdvancedEventSelectors) == 0 {
		return "holds no selector, basic or advanced"
	}
	for _, s := range sel.EventSelectors {
		if s.ReadWriteType == "" || s.IncludeManagementEvents == nil {
			return "holds an event selector without ReadWriteType or IncludeManagementEvents"
		}
	}
	for _, s := range sel.AdvancedEventSelectors {
		if len(s.FieldSelectors) == 0 {
			return "holds an advanced event selector without field selectors"
		}
		for _, f := range s.FieldSelectors {
			// CloudTrail keeps a field selector only with a field and a
			// condition: one without would read as letting all through
			// (round 136).
			if aws.ToString(f.Field) == "" || len(f.Equals)+len(f.NotEquals)+len(f.StartsWith)+len(f.NotStartsWith)+len(f.EndsWith)+len(f.NotEndsWith) == 0 {
				return "holds a field selector without a field or a condition"
			}
		}
	}
	return ""
}

func eventSelectors(in []cttypes.EventSelector) []rules.EventSelector {
	var out []rules.EventSelector
	for _, s := range in {
		out = append(out, rules.EventSelector{
			ReadWriteType:                 string(s.ReadWriteType),
			IncludeManagementEvents:       rules.Known(aws.ToBool(s.IncludeManagementEvents)),
			ExcludeManagementEventSources: s.ExcludeManagementEventSources,
		})
	}
	return out
}

func advancedSelectors(in []cttypes.AdvancedEventSelector) []rules.AdvancedSelector {
	var out []rules.AdvancedSelector
	for _, s := range in {
		var sel rules.AdvancedSelector
		for _, f := range s.FieldSelectors {
			sel.Fields = append(sel.Fields, rules.FieldSelector{
				Field:  aws.ToString(f.Field),
				Equals: f.Equals, NotEquals: f.NotEquals,
				StartsWith: f.StartsWith, NotStartsWith: f.NotStartsWith,
				EndsWith: f.EndsWith, NotEndsWith: f.NotEndsWith,
			})
		}
		out = append(out, sel)
	}
	return out
}

func orString(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
