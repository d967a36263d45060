package iamtest

import (
	"encoding/json"
	"strings"
	"time"
)

// LookupEventsRate is CloudTrail's documented limit for LookupEvents: two
// requests per second per account and region.
const LookupEventsRate = 2

// SetRateLimit makes action answer Throttling (ThrottlingException for
// CloudTrail) to any call that arrives when perSecond calls of it were
// already served in the second before; perSecond <= 0 removes the limit.
// The action "" limits every call together, as IAM does a fast caller.
// Throttled calls do not count against the limit. New servers apply
// CloudTrail's own limit to LookupEvents (LookupEventsRate); a test that
// calls it unpaced lifts it with s.SetRateLimit("LookupEvents", 0).
func (s *Server) SetRateLimit(action string, perSecond int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.rates == nil {
		s.rates = map[string]*rateWindow{}
	}
	if perSecond <= 0 {
		delete(s.rates, action)
		return
	}
	s.rates[action] = &rateWindow{limit: perSecond}
}

// Throttled reports how many calls of action SetRateLimit's limit refused.
func (s *Server) Throttled(action string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if w := s.rates[action]; w != nil {
		return w.refused
	}
	return 0
}

// rateWindow remembers when the calls served in the last second arrived.
type rateWindow struct {
	limit   int
	served  []time.Time
	refused int
}

// overRate reports whether a call of action arriving at t exceeds its
// limit or the limit on every call, and counts it as served when it does
// not. The caller holds s.mu.
func (s *Server) overRate(action string, t time.Time) bool {
	windows := []*rateWindow{s.rates[action], s.rates[""]}
	for _, w := range windows {
		if w != nil && w.full(t) {
			w.refused++
			return true
		}
	}
	for _, w := range windows {
		if w != nil {
			w.served = append(w.served, t)
		}
	}
	return false
}

// full forgets calls older than a second before t and reports whether the
// limit is reached.
func (w *rateWindow) full(t time.Time) bool {
	keep := w.served[:0]
	for _, at := range w.served {
		if t.Sub(at) < time.Second {
			keep = append(keep, at)
		}
	}
	w.served = keep
	return len(w.served) >= w.limit
}

// visibleHere says whether DescribeTrails, called in s.callRegion, lists t.
// Only when the caller sends includeShadowTrails (the SDK sends it when set)
// does the region matter, as in CloudTrail: a region lists its own trails
// and, with shadow trails included (true), the multi-region and
// organization trails whose home is elsewhere. Without the parameter, or
// unsigned, every trail is listed.
func (s *Server) visibleHere(t *Trail, includeShadow *bool) bool {
	if includeShadow == nil || s.callRegion == "" {
		return true
	}
	if s.acct.trailRegion(t) == s.callRegion {
		return true
	}
	return *includeShadow && (t.IsMultiRegionTrail || t.IsOrganizationTrail)
}

// trailStatus is GetTrailStatus's reply.
func trailStatus(a *Account, t *Trail) map[string]any {
	out := map[string]any{"IsLogging": t.IsLogging}
	if !t.LatestDeliveryTime.IsZero() {
		out["LatestDeliveryTime"] = epoch(t.LatestDeliveryTime)
		out["LatestDeliveryAttemptTime"] = t.LatestDeliveryTime.UTC().Format(time.RFC3339)
		out["LatestDeliveryAttemptSucceeded"] = t.LatestDeliveryTime.UTC().Format(time.RFC3339)
		out["LatestDigestDeliveryTime"] = epoch(t.LatestDeliveryTime)
	}
	if t.LatestDeliveryError != "" {
		out["LatestDeliveryError"] = t.LatestDeliveryError
	}
	if t.IsLogging {
		started := a.now().Add(-30 * 24 * time.Hour)
		out["StartLoggingTime"] = epoch(started)
		out["TimeLoggingStarted"] = started.UTC().Format(time.RFC3339)
	}
	return out
}

// generatedRecord is a CloudTrail record as CloudTrail writes it for an
// IAM API call (eventVersion 1.08).
func generatedRecord(a *Account, e Event) string {
	acct := a.accountID()
	identity := map[string]any{"accountId": acct}
	typ := orDefault(e.PrincipalType, "IAMUser")
	identity["type"] = typ
	switch typ {
	case "Root":
		identity["principalId"] = acct
		identity["arn"] = orDefault(e.PrincipalARN, "arn:aws:iam::"+acct+":root")
	case "AssumedRole":
		role := orDefault(e.RoleARN, "arn:aws:iam::"+acct+":role/"+orDefault(e.Username, "role"))
		roleName := role[strings.LastIndex(role, "/")+1:]
		roleID := "AROA" + stableID("role/"+role, 17)
		identity["principalId"] = roleID + ":session"
		identity["arn"] = orDefault(e.PrincipalARN, "arn:aws:sts::"+acct+":assumed-role/"+roleName+"/session")
		identity["sessionContext"] = map[string]any{
			"sessionIssuer": map[string]any{"type": "Role", "principalId": roleID, "arn": role, "accountId": acct, "userName": roleName},
			"attributes":    map[string]any{"creationDate": e.Time.UTC().Add(-time.Minute).Format(time.RFC3339), "mfaAuthenticated": "false"},
		}
	default:
		identity["principalId"] = "AIDA" + stableID("user/"+e.Username, 17)
		identity["arn"] = orDefault(e.PrincipalARN, "arn:aws:iam::"+acct+":user/"+e.Username)
		identity["userName"] = e.Username
	}
	if e.AccessKeyID != "" {
		identity["accessKeyId"] = e.AccessKeyID
	}
	record := map[string]any{
		"eventVersion":       "1.08",
		"userIdentity":       identity,
		"eventTime":          e.Time.UTC().Format(time.RFC3339),
		"eventSource":        e.Source,
		"eventName":          e.Name,
		"awsRegion":          "us-east-1",
		"sourceIPAddress":    orDefault(e.SourceIP, "203.0.113.10"),
		"userAgent":          orDefault(e.UserAgent, "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64"),
		"requestParameters":  e.RequestParameters,
		"responseElements":   responseElements(a, e),
		"requestID":          stableUUID("request/" + e.ID),
		"eventID":            e.ID,
		"readOnly":           e.ReadOnly,
		"eventType":          "AwsApiCall",
		"managementEvent":    true,
		"recipientAccountId": acct,
		"eventCategory":      "Management",
		"tlsDetails": map[string]any{"tlsVersion": "TLSv1.3", "cipherSuite": "TLS_AES_128_GCM_SHA256",
			"clientProvidedHostHeader": "iam.amazonaws.com"},
	}
	if e.ErrorCode != "" {
		if strings.HasPrefix(e.ErrorCode, "AccessDenied") {
			record["requestParameters"] = nil // as CloudTrail records a refused call
		}
		record["errorCode"] = e.ErrorCode
		record["errorMessage"] = orDefault(e.ErrorMessage, "User is not authorized to perform: iam:"+e.Name)
	}
	body, _ := json.Marshal(record)
	return string(body)
}

// responseElements is what IAM answered: the test's own, else, for a
// successful upload, the metadata IAM returns (never a private key).
func responseElements(a *Account, e Event) map[string]any {
	if e.ResponseElements != nil || e.ErrorCode != "" {
		return e.ResponseElements
	}
	p := e.RequestParameters
	str := func(k string) string { v, _ := p[k].(string); return v }
	upload := e.Time.UTC().Format("Jan 2, 2006, 3:04:05 PM")
	switch e.Name {
	case "UploadServerCertificate":
		name, path := str("serverCertificateName"), orDefault(str("path"), "/")
		return map[string]any{"serverCertificateMetadata": map[string]any{
			"path": path, "serverCertificateName": name, "serverCertificateId": "ASCA" + stableID("cert/"+name, 17),
			"arn": "arn:aws:iam::" + a.accountID() + ":server-certificate" + path + name, "uploadDate": upload,
			"expiration": e.Time.UTC().AddDate(1, 0, 0).Format("Jan 2, 2006, 3:04:05 PM"),
		}}
	case "UploadSSHPublicKey":
		return map[string]any{"sSHPublicKey": map[string]any{
			"userName": str("userName"), "sSHPublicKeyId": "APKA" + stableID("ssh/"+e.ID, 16),
			"fingerprint": "a1:b2:c3:d4:e5:f6:07:18:29:3a:4b:5c:6d:7e:8f:90", "sSHPublicKeyBody": str("sSHPublicKeyBody"),
			"status": "Active", "uploadDate": upload,
		}}
	}
	return nil
}

// stableUUID is a UUID-shaped identifier derived from seed.
func stableUUID(seed string) string {
	h := strings.ToLower(stableID(seed, 32))
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// MaxPerSecond reports the most calls of action ("" for all) that arrived
// within any one second, throttled ones included: what a rate limit such as
// CloudTrail's two LookupEvents a second is checked against.
func (s *Server) MaxPerSecond(action string) int {
	reqs := s.Requests(action)
	most := 0
	for i := range reqs {
		n := 0
		for j := i; j < len(reqs) && reqs[j].Time.Sub(reqs[i].Time) < time.Second; j++ {
			n++
		}
		most = max(most, n)
	}
	return most
}
