// Package awsiam reads the IAM facts iamguard judges. Each collector takes a
// narrow interface built from the SDK's per-operation interfaces, always
// paginates, and returns errors that name the IAM action that failed.
package awsiam

import (
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/credentials/processcreds"
	"github.com/aws/smithy-go"
)

// Error is a failed IAM call. It keeps the action, so users learn which
// permission to grant or which call kept being throttled.
type Error struct {
	Service string // "iam", or "sts" when fetching assume_role credentials failed
	Action  string // API action, e.g. "ListUsers"
	Code    string // AWS error code, when the service sent one
	Status  int    // HTTP status of the reply, 0 when there was none
	Err     error
}

// Permission is the IAM permission the action needs.
func (e *Error) Permission() string { return e.Service + ":" + e.Action }

// Denied reports whether the caller lacks the permission: a denial by
// code, or any HTTP 403 that is not about the credentials themselves (an
// AccessDenied under a code the SDK has no model for, or "UnknownError").
func (e *Error) Denied() bool {
	switch e.Code {
	case "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess":
		return true
	}
	return e.Status == http.StatusForbidden && !credentialCodes[e.Code] && !otherForbidden[e.Code]
}

// credentialCodes are the 403s that mean the credentials are bad, not
// that they lack a permission.
var credentialCodes = map[string]bool{
	"InvalidClientTokenId": true, "SignatureDoesNotMatch": true, "ExpiredToken": true, "ExpiredTokenException": true,
	"IncompleteSignature": true, "MissingAuthenticationToken": true, "InvalidAccessKeyId": true,
	"UnrecognizedClientException": true, "AuthFailure": true, "RequestExpired": true,
}

// otherForbidden are the 403s that are neither: STS not activated in the
// region of its endpoint (sts_region), or a region not opted in. AWS's
// own message says which (round 121).
var otherForbidden = map[string]bool{"RegionDisabledException": true, "OptInRequired": true}

// Throttled reports whether the call was still throttled after retries.
func (e *Error) Throttled() bool {
	switch e.Code {
	case "Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequestsException":
		return true
	}
	return false
}

// Silent reports whether the call failed because the connection sent
// nothing for the client's read timeout, on its last attempt: an endpoint,
// proxy or network that takes the request and never answers.
func (e *Error) Silent() (time.Duration, bool) {
	var te *awshttp.ResponseTimeoutError
	if errors.As(e.Err, &te) {
		return te.TimeoutDur, true
	}
	return 0, false
}

func (e *Error) Error() string {
	switch {
	case e.Denied():
		return fmt.Sprintf("%s: access denied: the credentials lack permission %s", e.Action, e.Permission())
	case e.Throttled():
		return fmt.Sprintf("%s: still throttled after retries; retry later or raise max_retries", e.Action)
	}
	attempts := "its last attempt"
	var me *retry.MaxAttemptsError
	if errors.As(e.Err, &me) && me.Attempt > 1 {
		attempts = fmt.Sprintf("each of %d attempts", me.Attempt)
	}
	const stalls = "the endpoint, a proxy or the network stalls: check the endpoints and proxy settings, or retry later"
	if d, ok := e.Silent(); ok {
		return fmt.Sprintf("%s: no reply: the connection stayed silent for %v on %s; %s", e.Action, d, attempts, stalls)
	}
	if errors.Is(e.Err, ErrReplyUnfinished) {
		return fmt.Sprintf("%s: no whole reply: its body was still coming in when the time of an attempt ran out; %s", e.Action, stalls)
	}
	// AWS's own message is left out: it may quote what the configuration
	// gave (a ValidationError's "Value '...' at 'externalId'", the user
	// name of a NoSuchEntity), from a sensitive variable (round 301).
	switch {
	case e.Code == "RegionDisabledException":
		return fmt.Sprintf("%s: AWS answered %s: STS is not activated in the region of the STS endpoint used; activate it in IAM's account settings, or set sts_region", e.Action, e.Code)
	case e.Code == "OptInRequired":
		return fmt.Sprintf("%s: AWS answered %s: the region of the endpoint used is not enabled for the account", e.Action, e.Code)
	case e.Code != "":
		return fmt.Sprintf("%s: AWS answered %s (its message is not shown, since it may quote a value given)", e.Action, e.Code)
	}
	return e.Action + ": " + Text(e.Err)
}

// IsGap reports whether err is a call that failed for want of permission
// or because throttling outlasted the retries: for one item of a read, a
// gap to report while the rest still stands.
func IsGap(err error) bool {
	var e *Error
	return errors.As(err, &e) && (e.Denied() || e.Throttled())
}

// RequestID is the ID AWS gave the failed request, "" when there was no
// reply.
func (e *Error) RequestID() string {
	var re *awshttp.ResponseError
	if errors.As(e.Err, &re) {
		return re.ServiceRequestID()
	}
	return ""
}

// Text is err's text without what a setting may have given, from a
// sensitive variable (round 301): a file's path that could not be read
// (web_identity_token_file), and an endpoint URL's path, query and user,
// cut to its scheme and host.
func Text(err error) string {
	text := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Path != "" {
		text = strings.ReplaceAll(text, pe.Path, "(a file the settings name)")
	}
	var ue *url.Error
	if errors.As(err, &ue) && ue.URL != "" {
		shown := "(the endpoint)"
		if u, perr := url.Parse(ue.URL); perr == nil && u.Host != "" {
			shown = (&url.URL{Scheme: u.Scheme, Host: u.Host}).String()
		}
		// url.Error quotes the URL as Go does.
		text = strings.ReplaceAll(text, strconv.Quote(ue.URL), strconv.Quote(shown))
		text = strings.ReplaceAll(text, ue.URL, shown)
	}
	return text
}

func (e *Error) Unwrap() error { return e.Err }

// wrap names the action on a failed call; nil stays nil. When the call
// failed because its credentials could not be fetched (assume_role), the
// innermost operation, such as STS AssumeRole, is the one named. An
// *Error (a listing's pageGuard) already names its action and is kept.
func wrap(action string, err error) error {
	if err == nil {
		return nil
	}
	if e, ok := err.(*Error); ok {
		return e
	}
	e := &Error{Service: "iam", Action: action, Code: code(err), Err: err}
	var re *awshttp.ResponseError
	if errors.As(err, &re) {
		e.Status = re.HTTPStatusCode()
	}
	var inner *smithy.OperationError
	for x := err; x != nil; x = errors.Unwrap(x) {
		if op, ok := x.(*smithy.OperationError); ok {
			inner = op
		}
	}
	if inner != nil && inner.ServiceID != "IAM" {
		e.Service, e.Action = strings.ToLower(inner.ServiceID), inner.OperationName
	}
	var process *processcreds.ProviderError
	if errors.As(err, &process) {
		e.Err = processFailed{process}
	}
	return e
}

// processFailed stands for the SDK's error when a profile's
// credential_process failed. The SDK's own text quotes the process's whole
// output when it does not parse, and that output holds the secret access
// key and session token, so only how the process exited is told.
type processFailed struct{ err *processcreds.ProviderError }

func (e processFailed) Error() string {
	var exit *exec.ExitError
	if errors.As(e.err, &exit) {
		return "credential_process failed: it ended with " + exit.Error()
	}
	return "credential_process failed, or printed something other than the credentials JSON the AWS SDK reads " +
		"(its output is not shown, since it may hold credentials): run the command yourself to see what it prints"
}

// code is the AWS error code of err, or "".
func code(err error) string {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return ae.ErrorCode()
	}
	return ""
}
