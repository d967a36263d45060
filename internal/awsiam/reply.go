package awsiam

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"

	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// ErrEmptyReply is why a call whose reply was a success with no result in
// it failed (RejectEmptyReplies).
var ErrEmptyReply = errors.New("the reply is a success that holds no result, and every IAM, STS and CloudTrail reply holds one: " +
	"a proxy or network device on the way may have cut or replaced it")

// ErrReplyTooLarge is why a call whose reply's body is over MaxReplyBytes
// failed (RejectEmptyReplies).
var ErrReplyTooLarge = errors.New("the reply's body is far larger than any IAM, STS or CloudTrail reply of its kind")

// ErrReplyUnfinished is why a call whose reply's body was still coming in
// when its attempt's time ran out failed: a reply that trickles in. Such a
// call is not retried.
var ErrReplyUnfinished = errors.New("the reply's body was still coming in when its attempt's time ran out")

// MaxReplyBytes is the largest reply body RejectEmptyReplies reads. The
// largest real replies (a credential report of thousands of users, a page
// of 1,000 users or 50 CloudTrail events) are a few MiB at most.
const MaxReplyBytes = 64 << 20

// replyLimits are smaller bounds for the replies that carry key material,
// whose size IAM bounds: a certificate chain of at most 2,097,152
// characters and a body of 16,384; a user has at most two signing
// certificates and five SSH keys. With 16 calls in flight, 64 MiB each
// held 4.4 GB (round 138).
var replyLimits = map[string]int64{
	"GetServerCertificate":    4 << 20,
	"ListSigningCertificates": 1 << 20,
	"GetSSHPublicKey":         1 << 20,
}

// replyLimit is the largest reply body of operation op.
func replyLimit(op string) int64 {
	if n, ok := replyLimits[op]; ok {
		return n
	}
	return MaxReplyBytes
}

// RejectEmptyReplies is an SDK stack option, for aws.Config.APIOptions or a
// client's, that fails a call whose reply is HTTP 2xx but holds no result.
// The SDK's deserializers read a body with no result in it (empty, an XML
// declaration or a comment alone, "OK", {}, null) as a result with nothing
// in it: no users, no access keys, no events, no event selectors, which
// would judge as a clean account. So the body is read whole (up to
// MaxReplyBytes; more is an error) and must be:
//   - for IAM and STS (the query protocol), an XML document whose root
//     element holds the <OPERATIONResult> element every one of their
//     replies has (e.g. <ListUsersResult>);
//   - for CloudTrail (JSON), an object with at least one member, as every
//     reply of the calls iamguard makes has (Events, trailList, TrailARN,
//     IsLogging...);
//   - for another service, not blank.
//
// The deserializer then reads the body from memory. The error is a
// *smithy.DeserializationError wrapping ErrEmptyReply or ErrReplyTooLarge;
// the retryer does not retry it (it is no throttling, 5xx or connection
// error).
func RejectEmptyReplies(s *middleware.Stack) error {
	// After the operation's deserializer: nearer the transport, so this
	// sees the raw reply before the deserializer reads it.
	return s.Deserialize.Insert(middleware.DeserializeMiddlewareFunc("iamguard.RejectEmptyReplies", rejectEmpty),
		"OperationDeserializer", middleware.After)
}

func rejectEmpty(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (
	middleware.DeserializeOutput, middleware.Metadata, error,
) {
	out, md, err := next.HandleDeserialize(ctx, in)
	if err != nil {
		return out, md, err
	}
	resp, ok := out.RawResponse.(*smithyhttp.Response)
	if !ok || resp.StatusCode < 200 || resp.StatusCode > 299 {
		return out, md, nil
	}
	body, err := readReply(resp, replyLimit(middleware.GetOperationName(ctx)))
	if err != nil {
		return out, md, &smithy.DeserializationError{Err: err}
	}
	if err := holdsResult(awsmiddleware.GetServiceID(ctx), middleware.GetOperationName(ctx), body); err != nil {
		return out, md, &smithy.DeserializationError{Err: err}
	}
	return out, md, nil
}

// readReply reads resp's body whole, up to max bytes, whatever
// ContentLength says (-1 when the length is not known), and puts it back
// as a reader over what was read, so the deserializer reads the whole body.
func readReply(resp *smithyhttp.Response, max int64) ([]byte, error) {
	if resp.Body == nil {
		return nil, nil
	}
	tooLarge := func() error { return fmt.Errorf("%w (over %d MiB)", ErrReplyTooLarge, max>>20) }
	if resp.ContentLength > max {
		return nil, tooLarge()
	}
	buf, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	var ne net.Error
	switch {
	case errors.As(err, &ne) && ne.Timeout(), errors.Is(err, net.ErrClosed):
		// Not retried: the SDK retries a timeout it can see, and its 25
		// retries made a bound of 5 minutes an attempt 2 hours (round 320).
		// The attempt's time running out may also show as the connection
		// closed under the read, which the SDK retries as a connection
		// error (a CI run under load: two attempts).
		return nil, fmt.Errorf("%w: %v", ErrReplyUnfinished, err)
	case err != nil:
		return nil, fmt.Errorf("reading the reply: %w", err)
	case int64(len(buf)) > max:
		return nil, tooLarge()
	}
	resp.Body = struct {
		io.Reader
		io.Closer
	}{bytes.NewReader(buf), resp.Body}
	return buf, nil
}

// holdsResult returns an error wrapping ErrEmptyReply unless body holds a
// result of operation op of the service (its SDK service ID).
func holdsResult(service, op string, body []byte) error {
	switch {
	case (service == "IAM" || service == "STS") && op != "":
		if !xmlHoldsElement(body, op+"Result") {
			return fmt.Errorf("%w (no <%sResult> element)", ErrEmptyReply, op)
		}
		if list, ok := iamLists[op]; ok && service == "IAM" {
			// An IAM listing gives its list (which IAM's API model requires
			// of all but ListSSHPublicKeys) or says whether it is cut;
			// <ListUsersResult/> or IsTruncated alone read as a complete
			// list of none (rounds 151, 153). The SDK reads the list's
			// <member> elements and skips anything else: items named
			// otherwise, text, or members outside it read as a list of
			// none (round 154).
			hasList, truncated, shaped := xmlListing(body, op+"Result", list)
			switch {
			case !hasList && (op != "ListSSHPublicKeys" || !truncated):
				return fmt.Errorf("%w (no <%s> in <%sResult>)", ErrEmptyReply, list, op)
			case !shaped:
				return fmt.Errorf("%w (<%s> in <%sResult> holds other than <member> elements)", ErrEmptyReply, list, op)
			}
		}
	case service == "CloudTrail":
		if !jsonObjectWithMembers(body) {
			return fmt.Errorf("%w (no JSON object with members)", ErrEmptyReply)
		}
		if member, ok := cloudTrailLists[op]; ok && !jsonHasMember(body, member) {
			return fmt.Errorf("%w (no %s member)", ErrEmptyReply, member)
		}
	case len(bytes.TrimSpace(body)) == 0:
		return ErrEmptyReply
	}
	return nil
}

// iamLists names the list element of each IAM listing iamguard makes.
var iamLists = map[string]string{
	"ListUsers": "Users", "ListAccessKeys": "AccessKeyMetadata", "ListSSHPublicKeys": "SSHPublicKeys",
	"ListSigningCertificates": "Certificates", "ListServerCertificates": "ServerCertificateMetadataList",
}

// cloudTrailLists names the list member a reply of each CloudTrail
// listing iamguard makes always has, empty or not: {"NextToken": null}
// alone read as no events at all (round 151).
var cloudTrailLists = map[string]string{"LookupEvents": "Events", "DescribeTrails": "trailList"}

// xmlHoldsElement reports whether body is an XML document whose root
// element has a child element named name, in any case, as the SDK's
// query-protocol deserializers look for. Comments, processing
// instructions and blanks are skipped; only the tokens up to that element
// are read.
func xmlHoldsElement(body []byte, name string) bool {
	d := xml.NewDecoder(bytes.NewReader(body))
	depth := 0
	for {
		tok, err := d.Token()
		if err != nil {
			return false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 2 && strings.EqualFold(t.Name.Local, name) {
				return true
			}
		case xml.EndElement:
			depth--
			if depth == 0 {
				return false // the root closed without it
			}
		}
	}
}

// xmlListing reads, in one pass, the first result element of an IAM
// listing's reply (named result, in any case, as the SDK takes it):
// whether it holds the list element (named list) and IsTruncated, and
// whether the first list holds only <member> elements and blanks, with no
// <member> beside it. A body that does not parse is the deserializer's to
// refuse: shaped stays true for it.
func xmlListing(body []byte, result, list string) (hasList, truncated, shaped bool) {
	d := xml.NewDecoder(bytes.NewReader(body))
	depth := 0
	inResult, inList := false, false
	for {
		tok, err := d.Token()
		if err != nil {
			return hasList, truncated, true
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			name := t.Name.Local
			switch {
			case depth == 2 && strings.EqualFold(name, result):
				inResult = true
			case depth == 3 && inResult && strings.EqualFold(name, "member"):
				return hasList, truncated, false
			case depth == 3 && inResult && strings.EqualFold(name, "IsTruncated"):
				truncated = true
			case depth == 3 && inResult && !hasList && strings.EqualFold(name, list):
				inList, hasList = true, true // only the first list counts
			case depth == 4 && inList && !strings.EqualFold(name, "member"):
				return hasList, truncated, false
			}
		case xml.CharData:
			if depth == 3 && inList && len(bytes.TrimSpace(t)) > 0 {
				return hasList, truncated, false
			}
		case xml.EndElement:
			switch {
			case depth == 3 && inList:
				inList = false
			case depth == 2 && inResult:
				return hasList, truncated, true // the first result closes
			}
			depth--
		}
	}
}

// jsonHasMember reports whether body is a JSON object with a member named
// name at its top level.
func jsonHasMember(body []byte, name string) bool {
	var members map[string]json.RawMessage
	if json.Unmarshal(body, &members) != nil {
		return false
	}
	_, ok := members[name]
	return ok
}

// jsonObjectWithMembers reports whether body starts as a JSON object with
// at least one member.
func jsonObjectWithMembers(body []byte) bool {
	d := json.NewDecoder(bytes.NewReader(body))
	if tok, err := d.Token(); err != nil || tok != json.Delim('{') {
		return false
	}
	tok, err := d.Token()
	_, key := tok.(string)
	return err == nil && key
}
