package iamtest

import "net/url"

// itemKey names the calls of one action about one item: the action, a
// request parameter and its value.
type itemKey struct{ action, param, value string }

// FailItem makes every IAM or CloudTrail call of action whose parameter
// param is value answer with f, as IAM does when a policy denies the action
// on one resource only: FailItem("GetServerCertificate",
// "ServerCertificateName", "legacy", AccessDenied), FailItem("GetTrailStatus",
// "Name", trailARN, AccessDenied). Other calls of the action are answered as usual.
// f 0 clears it. Fail, for the whole action, takes precedence.
func (s *Server) FailItem(action, param, value string, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	k := itemKey{action, param, value}
	if f == 0 {
		delete(s.items, k)
		return
	}
	if s.items == nil {
		s.items = map[itemKey]Fault{}
	}
	s.items[k] = f
}

// itemFault is the fault FailItem set for this call, or 0. The caller
// holds s.mu.
func (s *Server) itemFault(action string, form url.Values) Fault {
	for k, f := range s.items {
		if k.action == action && form.Get(k.param) == k.value {
			return f
		}
	}
	return 0
}
