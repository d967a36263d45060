package awsiam

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// ErrEmptyReply is why a call whose reply was a success with nothing in
// it failed (RejectEmptyReplies).
var ErrEmptyReply = errors.New("the reply's body is empty, and no IAM, STS or CloudTrail reply's is: " +
	"a proxy or network device on the way may have cut it")

// RejectEmptyReplies is an SDK stack option, for aws.Config.APIOptions or a
// client's, that fails a call whose reply is HTTP 2xx with an empty body,
// or one of blanks only. Every IAM and STS reply is an XML document and
// every CloudTrail reply a JSON object, but the SDK's deserializers read
// an empty body as a result with nothing in it: no users, no access keys,
// no events, no event selectors, which would judge as a clean account.
// The error is a *smithy.DeserializationError wrapping ErrEmptyReply; the
// retryer does not retry it (it is no throttling, 5xx or connection error).
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
	switch blank, err := blankBody(resp); {
	case err != nil:
		return out, md, &smithy.DeserializationError{Err: fmt.Errorf("reading the reply: %w", err)}
	case blank:
		return out, md, &smithy.DeserializationError{Err: ErrEmptyReply}
	}
	return out, md, nil
}

// blankBody reports whether resp's body holds nothing but blanks. It reads
// up to the first other byte, whatever ContentLength says (-1 when the
// length is not known), and puts what it read back in front of the rest,
// so the deserializer reads the whole body.
func blankBody(resp *smithyhttp.Response) (bool, error) {
	if resp.Body == nil {
		return true, nil
	}
	r := bufio.NewReader(resp.Body)
	var lead []byte
	for {
		c, err := r.ReadByte()
		switch {
		case err == io.EOF:
			return true, nil
		case err != nil:
			return false, err
		case c != ' ' && c != '\t' && c != '\r' && c != '\n':
			_ = r.UnreadByte() // cannot fail right after ReadByte
			resp.Body = struct {
				io.Reader
				io.Closer
			}{io.MultiReader(bytes.NewReader(lead), r), resp.Body}
			return false, nil
		}
		lead = append(lead, c)
	}
}
