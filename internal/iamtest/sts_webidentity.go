package iamtest

import (
	"net/url"
	"strings"
)

func init() { stsActions["AssumeRoleWithWebIdentity"] = assumeRoleWithWebIdentity }

// assumeRoleWithWebIdentity accepts any non-empty token and answers as
// AssumeRole does; the token itself is never logged or echoed.
func assumeRoleWithWebIdentity(s *Server, form url.Values) (any, *apiError) {
	if strings.TrimSpace(form.Get("WebIdentityToken")) == "" {
		return nil, &apiError{status: 400, code: "ValidationError", message: "WebIdentityToken is required"}
	}
	return assumeRole(s, form)
}
