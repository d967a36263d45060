package iamtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// cloudTrailProtocol is the AWS JSON 1.1 protocol CloudTrail speaks:
// operation in X-Amz-Target, JSON request and reply bodies, errors as
// {"__type": code, "message": ...}.
type cloudTrailProtocol struct{}

var cloudTrailActions = map[string]func(*Server, []byte) (any, *apiError){
	"DescribeTrails":    describeTrails,
	"GetTrailStatus":    getTrailStatus,
	"GetEventSelectors": getEventSelectors,
	"LookupEvents":      lookupEvents,
}

func (p cloudTrailProtocol) handle(s *Server, action string, req request) (any, *apiError) {
	h := cloudTrailActions[action]
	if h == nil {
		return nil, &apiError{status: 400, code: "UnknownOperationException", message: "Unknown operation " + action}
	}
	// FailItem's parameters are the JSON request's top-level strings.
	var params map[string]any
	if json.Unmarshal(req.body, &params) == nil {
		form := url.Values{}
		for k, v := range params {
			if v, ok := v.(string); ok {
				form.Set(k, v)
			}
		}
		if f := s.itemFault(action, form); f != 0 {
			return nil, p.faultError(f, action, s.acct.accountID())
		}
	}
	return h(s, req.body)
}

func (cloudTrailProtocol) faultError(f Fault, action, acct string) *apiError {
	switch f {
	case Throttling:
		return &apiError{status: 400, code: "ThrottlingException", message: "Rate exceeded"}
	case AccessDenied:
		return &apiError{status: 400, code: "AccessDeniedException", message: fmt.Sprintf(
			"User: arn:aws:iam::%s:user/iamtest is not authorized to perform: cloudtrail:%s", acct, action)}
	case NoSuchEntity:
		return &apiError{status: 400, code: "TrailNotFoundException", message: "Unknown trail for this account."}
	}
	return &apiError{status: 500, code: "InternalFailure", message: "We encountered an internal error. Please try again."}
}

func (cloudTrailProtocol) write(w http.ResponseWriter, _, requestID string, result any) {
	body, err := json.Marshal(result)
	if err != nil {
		http.Error(w, "iamtest: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	w.Header().Set("X-Amzn-Requestid", requestID)
	w.Write(body)
}

func (cloudTrailProtocol) writeError(w http.ResponseWriter, requestID string, e *apiError) {
	body, _ := json.Marshal(map[string]string{"__type": e.code, "message": e.message})
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	w.Header().Set("X-Amzn-Requestid", requestID)
	w.Header().Set("X-Amzn-ErrorType", e.code)
	w.WriteHeader(e.status)
	w.Write(body)
}

func decode(body []byte, v any) *apiError {
	if len(body) == 0 {
		return nil
	}
	if err := json.Unmarshal(body, v); err != nil {
		return &apiError{status: 400, code: "SerializationException", message: err.Error()}
	}
	return nil
}

func trailNotFound(name string) *apiError {
	return &apiError{status: 400, code: "TrailNotFoundException", message: "Unknown trail: " + name + " for the user"}
}

// foreignTrail is CloudTrail's answer to a status or selectors call on a
// trail another account owns, such as an organization trail seen from a
// member account: DescribeTrails lists it, these calls refuse it.
func foreignTrail(a *Account, t *Trail) *apiError {
	arn := a.trailARN(t)
	if parts := strings.Split(arn, ":"); len(parts) > 4 && parts[4] != a.accountID() {
		return &apiError{status: 400, code: "CloudTrailARNInvalidException", message: "AccountID in ARN is wrong: " + arn}
	}
	return nil
}

// epoch is how the JSON protocol writes timestamps: seconds since 1970.
func epoch(t time.Time) float64 { return float64(t.UnixMilli()) / 1000 }

func describeTrails(s *Server, body []byte) (any, *apiError) {
	var in struct {
		TrailNameList       []string `json:"trailNameList"`
		IncludeShadowTrails *bool    `json:"includeShadowTrails"`
	}
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	type trail struct {
		Name                       string
		TrailARN                   string
		HomeRegion                 string
		S3BucketName               string `json:",omitempty"`
		KmsKeyId                   string `json:",omitempty"`
		IncludeGlobalServiceEvents bool
		IsMultiRegionTrail         bool
		LogFileValidationEnabled   bool
		IsOrganizationTrail        bool
		HasCustomEventSelectors    bool
		HasInsightSelectors        bool
	}
	a := s.acct
	out := []trail{}
	for i := range a.Trails {
		t := &a.Trails[i]
		if len(in.TrailNameList) > 0 && !nameListed(a, t, in.TrailNameList) {
			continue
		}
		if !s.visibleHere(t, in.IncludeShadowTrails) {
			continue
		}
		out = append(out, trail{
			Name:                       t.Name,
			TrailARN:                   a.trailARN(t),
			HomeRegion:                 a.trailRegion(t),
			S3BucketName:               t.S3BucketName,
			KmsKeyId:                   t.KMSKeyID,
			IncludeGlobalServiceEvents: t.IncludeGlobalServiceEvents,
			IsMultiRegionTrail:         t.IsMultiRegionTrail,
			LogFileValidationEnabled:   t.LogFileValidationEnabled,
			IsOrganizationTrail:        t.IsOrganizationTrail,
			HasCustomEventSelectors:    len(t.EventSelectors) > 0 || len(t.AdvancedEventSelectors) > 0,
		})
	}
	return map[string]any{"trailList": out}, nil
}

func nameListed(a *Account, t *Trail, names []string) bool {
	for _, n := range names {
		if n == t.Name || n == a.trailARN(t) {
			return true
		}
	}
	return false
}

func getTrailStatus(s *Server, body []byte) (any, *apiError) {
	var in struct{ Name string }
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	t := s.acct.findTrail(in.Name)
	if t == nil {
		return nil, trailNotFound(in.Name)
	}
	if err := foreignTrail(s.acct, t); err != nil {
		return nil, err
	}
	return trailStatus(s.acct, t), nil
}

func getEventSelectors(s *Server, body []byte) (any, *apiError) {
	var in struct{ TrailName string }
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	a := s.acct
	t := a.findTrail(in.TrailName)
	if t == nil {
		return nil, trailNotFound(in.TrailName)
	}
	if err := foreignTrail(a, t); err != nil {
		return nil, err
	}
	out := map[string]any{"TrailARN": a.trailARN(t)}
	if len(t.AdvancedEventSelectors) > 0 {
		out["AdvancedEventSelectors"] = t.AdvancedEventSelectors
		return out, nil
	}
	selectors := t.EventSelectors
	if len(selectors) == 0 {
		selectors = []EventSelector{{ReadWriteType: "All", IncludeManagementEvents: true}}
	}
	type eventSelector struct {
		ReadWriteType                 string
		IncludeManagementEvents       bool
		DataResources                 []any
		ExcludeManagementEventSources []string
	}
	list := make([]eventSelector, 0, len(selectors))
	for _, sel := range selectors {
		list = append(list, eventSelector{orDefault(sel.ReadWriteType, "All"), sel.IncludeManagementEvents,
			[]any{}, append([]string{}, sel.ExcludeManagementEventSources...)})
	}
	out["EventSelectors"] = list
	return out, nil
}

// lookupEvents filters by one lookup attribute (EventName, EventSource,
// Username, EventId, ReadOnly or AccessKeyId) and the time range, newest
// first, MaxResults up to 50.
func lookupEvents(s *Server, body []byte) (any, *apiError) {
	var in struct {
		LookupAttributes []struct{ AttributeKey, AttributeValue string }
		StartTime        *float64
		EndTime          *float64
		MaxResults       *int // given, from 1 to 50
		NextToken        string
	}
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	if len(in.LookupAttributes) > 1 {
		return nil, &apiError{status: 400, code: "InvalidLookupAttributesException", message: "Only one lookup attribute is allowed"}
	}
	maxResults := 0
	if in.MaxResults != nil {
		if maxResults = *in.MaxResults; maxResults < 1 || maxResults > 50 {
			return nil, &apiError{status: 400, code: "InvalidMaxResultsException", message: "MaxResults must be between 1 and 50"}
		}
	}
	a := s.acct
	var events []Event
	for _, e := range a.Events {
		e = withEventDefaults(e)
		if in.StartTime != nil && epoch(e.Time) < *in.StartTime || in.EndTime != nil && epoch(e.Time) > *in.EndTime {
			continue
		}
		if len(in.LookupAttributes) == 1 && !eventMatches(e, in.LookupAttributes[0].AttributeKey, in.LookupAttributes[0].AttributeValue) {
			continue
		}
		events = append(events, e)
	}
	sort.SliceStable(events, func(i, j int) bool { return events[i].Time.After(events[j].Time) })

	token := in.NextToken
	if s.pageFaults["LookupEvents"] == TrailingToken && token == trailingToken {
		return map[string]any{"Events": []any{}}, nil
	}
	if f := s.pageFaults["LookupEvents"]; f == RestartMarker || f == EmptyPages {
		token = "" // any token restarts the list, or is ignored, below
	}
	start, end, next, err := paginate(len(events), token, s.pageSize(maxResults, 50))
	if err != nil {
		return nil, &apiError{status: 400, code: "InvalidNextTokenException", message: "Invalid NextToken"}
	}
	type resource struct{ ResourceType, ResourceName string }
	type event struct {
		EventId         string `json:",omitempty"`
		EventName       string
		ReadOnly        string
		AccessKeyId     string `json:",omitempty"`
		EventTime       float64
		EventSource     string
		Username        string `json:",omitempty"`
		Resources       []resource
		CloudTrailEvent string
	}
	out := make([]event, 0, end-start)
	if s.pageFaults["LookupEvents"] == EmptyPages {
		start, end, next = 0, 0, fmt.Sprintf("empty-%d", s.reqSeq)
	}
	for _, e := range events[start:end] {
		resources := make([]resource, 0, len(e.Resources))
		for _, r := range e.Resources {
			resources = append(resources, resource{r.Type, r.Name})
		}
		id := e.ID
		if s.dropEventIDs {
			id = "" // the record keeps its eventID
		}
		out = append(out, event{id, e.Name, strconv.FormatBool(e.ReadOnly), e.AccessKeyID, epoch(e.Time),
			e.Source, e.Username, resources, cloudTrailRecord(a, e)})
	}
	reply := map[string]any{"Events": out}
	switch s.pageFaults["LookupEvents"] {
	case RepeatMarker:
		if in.NextToken != "" {
			next = in.NextToken
		}
	case RestartMarker:
		if in.NextToken != "" {
			start, end = 0, min(s.pageSize(maxResults, 50), len(events))
			next = fmt.Sprintf("restart-%d", s.reqSeq)
		}
	case TrailingToken:
		if next == "" && end-start == s.pageSize(maxResults, 50) {
			next = trailingToken
		}
	}
	if next != "" {
		reply["NextToken"] = next
	}
	return reply, nil
}

// trailingToken is the NextToken TrailingToken gives with a full last page.
const trailingToken = "trailing"

func withEventDefaults(e Event) Event {
	e.Source = orDefault(e.Source, "iam.amazonaws.com")
	if e.ID == "" {
		e.ID = stableUUID(e.Name + e.Time.String() + e.Username)
	}
	return e
}

func eventMatches(e Event, key, value string) bool {
	switch key {
	case "EventName":
		return e.Name == value
	case "EventSource":
		return e.Source == value
	case "Username":
		return e.Username == value
	case "EventId":
		return e.ID == value
	case "ReadOnly":
		return strconv.FormatBool(e.ReadOnly) == value
	case "AccessKeyId":
		return e.AccessKeyID == value
	}
	return false
}

// cloudTrailRecord is the raw JSON record of an event, made up from its
// fields (record.go) unless the test supplied one.
func cloudTrailRecord(a *Account, e Event) string {
	if e.CloudTrailEvent != "" {
		return e.CloudTrailEvent
	}
	return generatedRecord(a, e)
}

// Actions lists every IAM and CloudTrail operation the server answers,
// each as its service's IAM policy action ("iam:ListUsers").
func Actions() []string {
	var out []string
	for a := range iamActions {
		out = append(out, "iam:"+a)
	}
	for a := range cloudTrailActions {
		out = append(out, "cloudtrail:"+a)
	}
	slices.Sort(out)
	return out
}
