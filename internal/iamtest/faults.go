package iamtest

import (
	"fmt"
	"net/http"
	"net/url"
	"time"
)

// PageFault breaks the pagination of an IAM listing or of CloudTrail's
// LookupEvents, as a faulty service or proxy could.
type PageFault int

const (
	// RepeatMarker answers a request that carries a Marker with
	// IsTruncated=true and that same Marker again, for ever. For
	// LookupEvents: a request with a NextToken gets its page and that same
	// NextToken again.
	RepeatMarker PageFault = iota + 1
	// DropMarker answers every page with IsTruncated=true and no Marker
	// (IAM listings only: LookupEvents has no IsTruncated).
	DropMarker
	// RestartMarker answers a request that carries a Marker (NextToken)
	// with the first page again, IsTruncated=true and a Marker never given
	// before, for ever: the list starts over.
	RestartMarker
	// EmptyPages answers every request with no items, IsTruncated=true and
	// a Marker (NextToken) never given before, for ever.
	EmptyPages
	// TrailingToken gives a NextToken with the last page of LookupEvents
	// when that page is full, as CloudTrail may; the page it leads to is
	// empty and the last (LookupEvents only).
	TrailingToken
	// OverlapPages starts every page after the first with the last item
	// of the page before it, which a page thus repeats (IAM listings
	// only).
	OverlapPages
)

// SetPageFault makes the listing action (an IAM List* or LookupEvents)
// break its pagination as f says; 0 restores it.
func (s *Server) SetPageFault(action string, f PageFault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.pageFaults == nil {
		s.pageFaults = map[string]PageFault{}
	}
	s.pageFaults[action] = f
}

// breakPage applies the page fault of the request's action, if any, to
// the page [start, end) of a list of n items, size a page, and its list
// continuation l. The caller holds s.mu.
func (s *Server) breakPage(form url.Values, n, size, start, end int, l list) (int, int, list) {
	m := form.Get("Marker")
	switch s.pageFaults[form.Get("Action")] {
	case RepeatMarker:
		if m != "" {
			return start, end, list{IsTruncated: true, Marker: m}
		}
	case DropMarker:
		return start, end, list{IsTruncated: true}
	case RestartMarker:
		if m != "" {
			return 0, min(size, n), list{IsTruncated: true, Marker: fmt.Sprintf("restart-%d", s.reqSeq)}
		}
	case EmptyPages:
		return 0, 0, list{IsTruncated: true, Marker: fmt.Sprintf("empty-%d", s.reqSeq)}
	case OverlapPages:
		if m != "" && start > 0 {
			return start - 1, end, l
		}
	}
	return start, end, l
}

// DropEventIDs makes LookupEvents leave EventId out of every event it
// answers, as a faulty service or proxy could; false restores it.
func (s *Server) DropEventIDs(drop bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.dropEventIDs = drop
}

// DropKeyDates makes ListAccessKeys leave CreateDate out of every key it
// answers, as a faulty service or proxy could; false restores it.
func (s *Server) DropKeyDates(drop bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.dropKeyDates = drop
}

// EmptyReply makes the next times calls of action (or "*") answer HTTP 200
// with an empty body, as a faulty proxy could: no IAM, STS or CloudTrail
// reply is empty, yet the SDK reads one as a result with nothing in it.
// times < 0 means every call; 0 clears it.
func (s *Server) EmptyReply(action string, times int) {
	s.setFault(action, fault{times: times, raw: &rawReply{}})
}

// RawReply makes the next times calls of action (or "*") answer HTTP 200
// with body and the header fields in header (nil for none), whatever the
// action's reply would be, as a faulty proxy could: for instance an XML
// declaration alone, "OK", or {} in place of a result. times < 0 means
// every call; 0 clears it.
func (s *Server) RawReply(action string, body []byte, header http.Header, times int) {
	s.setFault(action, fault{times: times, raw: &rawReply{body: append([]byte(nil), body...), header: header.Clone()}})
}

// rawReply is the HTTP 200 reply EmptyReply and RawReply send.
type rawReply struct {
	body   []byte
	header http.Header
}

// FailHTTP makes the next times calls of action (or "*") answer with HTTP
// status and error code, whatever they are: for codes the SDK has no model
// for, such as a 403 that is an AccessDenied under another name. An empty
// code sends an error body without a Code, which the SDK reads as
// "UnknownError". times < 0 means every call.
func (s *Server) FailHTTP(action string, status int, code string, times int) {
	s.setFault(action, fault{times: times, custom: &apiError{status: status, code: code, message: "injected by iamtest"}})
}

// SetReportTime makes GetCredentialReport answer GeneratedTime t whatever
// report it serves and whatever GenerateCredentialReport said, as a faulty
// service or proxy could: an old t after COMPLETE, or the zero time, which
// leaves GeneratedTime out of the reply. ClearReportTime restores it.
func (s *Server) SetReportTime(t time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reportTime = &t
}

// ClearReportTime undoes SetReportTime.
func (s *Server) ClearReportTime() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reportTime = nil
}
