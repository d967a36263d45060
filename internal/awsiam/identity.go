package awsiam

import (
	"context"
	"errors"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"
)

// CallerIdentityAPI is the part of the STS client CallerAccount needs.
type CallerIdentityAPI interface {
	GetCallerIdentity(context.Context, *sts.GetCallerIdentityInput, ...func(*sts.Options)) (*sts.GetCallerIdentityOutput, error)
}

// NoCredentialsError says that the SDK's credential chain found nothing:
// it fell through to EC2 instance metadata, which had no role either.
type NoCredentialsError struct{ Err error }

func (e *NoCredentialsError) Error() string { return "no AWS credentials found" }
func (e *NoCredentialsError) Unwrap() error { return e.Err }

// CallerAccount checks the credentials once, with STS GetCallerIdentity,
// and returns the account they belong to. A failure to find any
// credentials is a *NoCredentialsError; other failures are an *Error.
func CallerAccount(ctx context.Context, creds aws.CredentialsProvider, api CallerIdentityAPI) (string, error) {
	if creds == nil {
		return "", &NoCredentialsError{Err: errors.New("no credentials provider")}
	}
	if _, err := creds.Retrieve(ctx); err != nil && fromIMDS(err) {
		return "", &NoCredentialsError{Err: err}
	}
	out, err := api.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		return "", wrap("GetCallerIdentity", err) // names sts:GetCallerIdentity, or sts:AssumeRole when the role was refused
	}
	return aws.ToString(out.Account), nil
}

// fromIMDS reports whether err came from the EC2 instance metadata
// service, the last link of the SDK's default credential chain.
func fromIMDS(err error) bool {
	for x := err; x != nil; x = errors.Unwrap(x) {
		if op, ok := x.(*smithy.OperationError); ok && op.ServiceID == "ec2imds" {
			return true
		}
	}
	return false
}
