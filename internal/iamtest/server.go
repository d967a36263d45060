package iamtest

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Fault is an error the server can be told to answer with.
type Fault int

// The faults, with the error code and HTTP status each protocol gives them.
const (
	// Throttling: IAM and STS "Throttling", CloudTrail "ThrottlingException"; HTTP 400.
	Throttling Fault = iota + 1
	// AccessDenied: IAM and STS "AccessDenied" (HTTP 403), CloudTrail "AccessDeniedException" (HTTP 400).
	AccessDenied
	// InternalError: IAM "ServiceFailure", STS and CloudTrail "InternalFailure"; HTTP 500.
	InternalError
	// NoSuchEntity: IAM and STS "NoSuchEntity", CloudTrail "TrailNotFoundException"; HTTP 404 (CloudTrail 400).
	NoSuchEntity
)

func (f Fault) String() string {
	switch f {
	case Throttling:
		return "Throttling"
	case AccessDenied:
		return "AccessDenied"
	case InternalError:
		return "InternalError"
	case NoSuchEntity:
		return "NoSuchEntity"
	}
	return "Fault(" + strconv.Itoa(int(f)) + ")"
}

// Server is a running fake. URL answers IAM, STS and CloudTrail alike.
type Server struct {
	URL string

	mu      sync.Mutex
	acct    *Account
	faults  map[string]*fault
	items   map[itemKey]Fault // FailItem
	pageCap int
	latency time.Duration
	calls   map[string]int
	log     []Request
	total   int
	report  *credentialReport
	pending int // GenerateCredentialReport calls answered STARTED/INPROGRESS so far
	reqSeq  int
	index   *index // nil until first needed; dropped by Update

	pageFaults   map[string]PageFault   // SetPageFault
	dropEventIDs bool                   // DropEventIDs
	dropKeyDates bool                   // DropKeyDates
	reportTime   *time.Time             // SetReportTime
	rates        map[string]*rateWindow // per action, set by SetRateLimit
	callRegion   string                 // signing region of the call being handled, under mu

	inFlight    atomic.Int64
	maxInFlight atomic.Int64
}

type fault struct {
	f      Fault
	custom *apiError // FailHTTP's reply, in place of f
	raw    *rawReply // EmptyReply, RawReply: HTTP 200 with this body, in place of f
	times  int       // remaining; < 0 means always
}

// New starts a server answering from acct (nil means an empty account) and
// closes it when the test ends. The server keeps acct; change it later only
// through Update.
func New(t testing.TB, acct *Account) *Server {
	t.Helper()
	if acct == nil {
		acct = &Account{}
	}
	s := &Server{acct: acct, faults: map[string]*fault{}, calls: map[string]int{}}
	s.SetRateLimit("LookupEvents", LookupEventsRate) // CloudTrail's own limit
	ts := httptest.NewServer(http.HandlerFunc(s.serveHTTP))
	t.Cleanup(ts.Close)
	s.URL = ts.URL
	return s
}

// Update runs f with the account while holding the server's lock, so a test
// can change state between (or during) requests.
func (s *Server) Update(f func(*Account)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f(s.acct)
	s.index = nil
}

// Fail makes the next times calls of action answer with f; times < 0 means
// every call until Fail is called again for that action (times 0 clears it).
// action is the API operation name, e.g. "ListUsers" or "LookupEvents";
// "*" applies to every action that has no fault of its own.
func (s *Server) Fail(action string, f Fault, times int) {
	s.setFault(action, fault{f: f, times: times})
}

// setFault makes f action's fault, or clears action's when f.times is 0.
func (s *Server) setFault(action string, f fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f.times == 0 {
		delete(s.faults, action)
		return
	}
	s.faults[action] = &f
}

// SetPageSize caps the page size of every paginated operation (IAM MaxItems,
// CloudTrail MaxResults): a request asking for more gets at most n items and
// a marker. n <= 0 removes the cap.
func (s *Server) SetPageSize(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pageCap = n
}

// SetLatency adds d to every call, faulted ones included.
func (s *Server) SetLatency(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.latency = d
}

// Calls reports how many requests named action the server received,
// retries and faulted calls included.
func (s *Server) Calls(action string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[action]
}

// Operations reports how many operations named action the server received:
// the SDK's retries of one operation count once (by their shared
// invocation ID), so a test that counts calls per read is not thrown by a
// retry a busy machine's transport makes. Faulted calls count; "" counts
// every operation.
func (s *Server) Operations(action string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n, seen := 0, map[string]bool{}
	for _, r := range s.log {
		if action != "" && r.Action != action || r.Invocation != "" && seen[r.Invocation] {
			continue
		}
		seen[r.Invocation] = true
		n++
	}
	return n
}

// TotalCalls reports how many requests the server received.
func (s *Server) TotalCalls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.total
}

// Request is one call the server received.
type Request struct {
	Action string
	Params url.Values // query-protocol parameters (IAM, STS); nil for CloudTrail
	Body   []byte     // CloudTrail's JSON body; nil for IAM and STS
	Region string     // signing region from the Authorization header, "" if unsigned
	Time   time.Time  // when the request arrived
	// UserAgent is the User-Agent header the client sent.
	UserAgent string
	// Invocation is the SDK's amz-sdk-invocation-id header, one for all
	// the attempts of one operation; "" if the client sent none.
	Invocation string
}

// Requests returns the calls received for action, oldest first; "" returns
// every call.
func (s *Server) Requests(action string) []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Request
	for _, r := range s.log {
		if action == "" || r.Action == action {
			out = append(out, r)
		}
	}
	return out
}

// MaxInFlight reports the largest number of requests served at once.
func (s *Server) MaxInFlight() int { return int(s.maxInFlight.Load()) }

// ResetCounters sets Calls, TotalCalls and MaxInFlight back to zero and
// forgets Requests.
func (s *Server) ResetCounters() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls = map[string]int{}
	s.log = nil
	s.total = 0
	s.maxInFlight.Store(0)
}

// apiError is an error reply in protocol-neutral form.
type apiError struct {
	status  int
	code    string
	message string
}

func (e *apiError) Error() string { return e.code + ": " + e.message }

// protocol says how one family of operations is parsed and answered.
type protocol interface {
	// handle answers an operation with a value for write, or an error.
	handle(s *Server, action string, req request) (any, *apiError)
	// faultError translates an injected fault.
	faultError(f Fault, action string, acct string) *apiError
	write(w http.ResponseWriter, action, requestID string, result any)
	writeError(w http.ResponseWriter, requestID string, e *apiError)
}

// request carries the parameters of one call: form values for the query
// protocol, the raw JSON body for CloudTrail.
type request struct {
	form url.Values
	body []byte
}

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	arrived := time.Now()
	n := s.inFlight.Add(1)
	defer s.inFlight.Add(-1)
	for {
		m := s.maxInFlight.Load()
		if n <= m || s.maxInFlight.CompareAndSwap(m, n) {
			break
		}
	}

	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}

	var (
		p      protocol
		action string
		req    request
	)
	if target := r.Header.Get("X-Amz-Target"); target != "" {
		// CloudTrail: "CloudTrail_20131101.DescribeTrails" (or the long
		// com.amazonaws... prefix).
		p, action, req = cloudTrailProtocol{}, target[strings.LastIndex(target, ".")+1:], request{body: body}
	} else {
		form, err := url.ParseQuery(string(body))
		if err != nil || r.Method != http.MethodPost {
			http.Error(w, "iamtest: expected a POST with a form body", http.StatusBadRequest)
			return
		}
		action, req = form.Get("Action"), request{form: form}
		if form.Get("Version") == stsVersion {
			p = queryProtocol{namespace: stsNamespace, sts: true}
		} else {
			p = queryProtocol{namespace: iamNamespace}
		}
	}

	s.mu.Lock()
	s.calls[action]++
	s.log = append(s.log, Request{Action: action, Params: req.form, Body: req.body, Region: signingRegion(r), Time: arrived, UserAgent: r.UserAgent(),
		Invocation: r.Header.Get("Amz-Sdk-Invocation-Id")})
	s.total++
	s.reqSeq++
	requestID := fmt.Sprintf("00000000-0000-4000-8000-%012d", s.reqSeq)
	latency := s.latency
	injected, custom, raw := s.takeFault(action)
	if injected == 0 && custom == nil && raw == nil && s.overRate(action, arrived) {
		injected = Throttling
	}
	s.mu.Unlock()

	if latency > 0 {
		select {
		case <-time.After(latency):
		case <-r.Context().Done():
			return
		}
	}

	s.mu.Lock()
	// The reply's Date is the service's clock, as the SDK reads it
	// (aws/middleware GetServerTime).
	w.Header().Set("Date", s.acct.now().Format(http.TimeFormat))
	var (
		result any
		apiErr *apiError
	)
	switch {
	case raw != nil:
	case custom != nil:
		apiErr = custom
	case injected != 0:
		apiErr = p.faultError(injected, action, s.acct.accountID())
	default:
		s.callRegion = signingRegion(r)
		result, apiErr = p.handle(s, action, req)
	}
	s.mu.Unlock()

	if raw != nil {
		for k, v := range raw.header {
			w.Header()[k] = v
		}
		w.WriteHeader(http.StatusOK)
		w.Write(raw.body)
		return
	}
	if apiErr != nil {
		p.writeError(w, requestID, apiErr)
		return
	}
	p.write(w, action, requestID, result)
}

// signingRegion reads the region from a SigV4 Authorization header:
// "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/iam/aws4_request, ...".
func signingRegion(r *http.Request) string {
	_, cred, ok := strings.Cut(r.Header.Get("Authorization"), "Credential=")
	if !ok {
		return ""
	}
	parts := strings.Split(cred, "/")
	if len(parts) < 3 {
		return ""
	}
	return parts[2]
}

// takeFault returns the fault to inject for action, if any, and uses up one
// of its times. The caller holds s.mu.
func (s *Server) takeFault(action string) (Fault, *apiError, *rawReply) {
	f := s.faults[action]
	if f == nil {
		f = s.faults["*"]
	}
	if f == nil {
		return 0, nil, nil
	}
	if f.times > 0 {
		f.times--
		if f.times == 0 {
			for k, v := range s.faults {
				if v == f {
					delete(s.faults, k)
				}
			}
		}
	}
	return f.f, f.custom, f.raw
}

// pageSize is the number of items to return for a request that asked for
// asked (0 = not given), the service default being def.
func (s *Server) pageSize(asked, def int) int {
	n := def
	if asked > 0 {
		n = asked
	}
	if s.pageCap > 0 && s.pageCap < n {
		n = s.pageCap
	}
	return n
}

// paginate picks the window of a list of total items that starts at the
// opaque marker (an index) and holds at most size items. next is "" on the
// last page.
func paginate(total int, marker string, size int) (start, end int, next string, err *apiError) {
	if marker != "" {
		i, convErr := strconv.Atoi(marker)
		if convErr != nil || i < 0 || i > total {
			return 0, 0, "", &apiError{status: 400, code: "InvalidInput", message: "Invalid Marker: " + marker}
		}
		start = i
	}
	end = min(start+size, total)
	if end < total {
		next = strconv.Itoa(end)
	}
	return start, end, next, nil
}

// iso formats a time the way IAM's XML does; the zero time gives "".
func iso(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02T15:04:05Z")
}

const (
	iamVersion   = "2010-05-08"
	iamNamespace = "https://iam.amazonaws.com/doc/2010-05-08/"
	stsVersion   = "2011-06-15"
	stsNamespace = "https://sts.amazonaws.com/doc/2011-06-15/"
)

// queryProtocol is the AWS query protocol shared by IAM and STS.
type queryProtocol struct {
	namespace string
	sts       bool
}

func (q queryProtocol) handle(s *Server, action string, req request) (any, *apiError) {
	var h func(*Server, url.Values) (any, *apiError)
	if q.sts {
		h = stsActions[action]
	} else {
		h = iamActions[action]
	}
	if h == nil {
		version := iamVersion
		if q.sts {
			version = stsVersion
		}
		return nil, &apiError{status: 400, code: "InvalidAction",
			message: fmt.Sprintf("Could not find operation %q for version %s", action, version)}
	}
	if f := s.itemFault(action, req.form); f != 0 {
		return nil, q.faultError(f, action, s.acct.accountID())
	}
	return h(s, req.form)
}

func (q queryProtocol) faultError(f Fault, action, acct string) *apiError {
	service := "iam"
	if q.sts {
		service = "sts"
	}
	switch f {
	case Throttling:
		return &apiError{status: 400, code: "Throttling", message: "Rate exceeded"}
	case AccessDenied:
		return &apiError{status: 403, code: "AccessDenied", message: fmt.Sprintf(
			"User: arn:aws:iam::%s:user/iamtest is not authorized to perform: %s:%s on resource: *", acct, service, action)}
	case NoSuchEntity:
		return &apiError{status: 404, code: "NoSuchEntity", message: "The requested entity cannot be found."}
	}
	code := "ServiceFailure"
	if q.sts {
		code = "InternalFailure"
	}
	return &apiError{status: 500, code: code, message: "We encountered an internal error. Please try again."}
}

func (q queryProtocol) write(w http.ResponseWriter, action, requestID string, result any) {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "<%sResponse xmlns=%q>\n", action, q.namespace)
	enc := xml.NewEncoder(&buf)
	if err := enc.EncodeElement(result, xml.StartElement{Name: xml.Name{Local: action + "Result"}}); err != nil {
		http.Error(w, "iamtest: "+err.Error(), http.StatusInternalServerError)
		return
	}
	fmt.Fprintf(&buf, "\n<ResponseMetadata><RequestId>%s</RequestId></ResponseMetadata>\n</%sResponse>\n", requestID, action)
	w.Header().Set("Content-Type", "text/xml")
	w.Header().Set("X-Amzn-Requestid", requestID)
	w.Write(buf.Bytes())
}

func (q queryProtocol) writeError(w http.ResponseWriter, requestID string, e *apiError) {
	typ := "Sender"
	if e.status >= 500 {
		typ = "Receiver"
	}
	var msg bytes.Buffer
	xml.EscapeText(&msg, []byte(e.message))
	w.Header().Set("Content-Type", "text/xml")
	w.Header().Set("X-Amzn-Requestid", requestID)
	w.WriteHeader(e.status)
	fmt.Fprintf(w, "<ErrorResponse xmlns=%q>\n<Error><Type>%s</Type><Code>%s</Code><Message>%s</Message></Error>\n<RequestId>%s</RequestId>\n</ErrorResponse>\n",
		q.namespace, typ, e.code, msg.String(), requestID)
}

// index finds users and access keys without scanning the account. Every hit
// is checked against the account, so an index made stale by a change
// outside Update only costs a scan.
type index struct {
	users map[string]int // user name -> position in Users
	keys  map[string]int // access key ID -> position of its user in Users
}

func (s *Server) lookup() *index {
	if s.index == nil {
		ix := &index{users: map[string]int{}, keys: map[string]int{}}
		for i, u := range s.acct.Users {
			ix.users[u.Name] = i
			for _, k := range u.AccessKeys {
				ix.keys[k.ID] = i
			}
		}
		s.index = ix
	}
	return s.index
}

// findUser returns the named user, or nil. The caller holds s.mu.
func (s *Server) findUser(name string) *User {
	users := s.acct.Users
	if i, ok := s.lookup().users[name]; ok && i < len(users) && users[i].Name == name {
		return &users[i]
	}
	for i := range users {
		if users[i].Name == name {
			return &users[i]
		}
	}
	return nil
}

// findKey returns the access key with the given ID and its owner's name
// ("" for the root user), or nil. The caller holds s.mu.
func (s *Server) findKey(id string) (*AccessKey, string) {
	users := s.acct.Users
	if i, ok := s.lookup().keys[id]; ok && i < len(users) {
		for j := range users[i].AccessKeys {
			if users[i].AccessKeys[j].ID == id {
				return &users[i].AccessKeys[j], users[i].Name
			}
		}
	}
	for i := range users {
		for j := range users[i].AccessKeys {
			if users[i].AccessKeys[j].ID == id {
				return &users[i].AccessKeys[j], users[i].Name
			}
		}
	}
	for _, k := range s.acct.rootKeys() {
		if k.ID == id {
			return &k, ""
		}
	}
	return nil, ""
}
