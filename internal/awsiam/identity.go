package awsiam

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"

	"github.com/iamguard/terraform-provider-iamguard/internal/quote"
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

// ErrNoAccount is why CallerAccount failed when STS answered with no
// account ID, or one that is not 12 digits: allowed_account_ids and
// forbidden_account_ids could not be checked against it.
var ErrNoAccount = errors.New("STS named no 12-digit account ID for the credentials")

// CallerAccount checks the credentials once, with STS GetCallerIdentity,
// and returns the account they belong to, and AWS's clock as the reply
// gives it (its Date header; zero without one). A failure to find any
// credentials is a *NoCredentialsError; other failures, a reply with no
// account ID among them (ErrNoAccount), are an *Error.
func CallerAccount(ctx context.Context, creds aws.CredentialsProvider, api CallerIdentityAPI) (account string, served time.Time, err error) {
	if creds == nil {
		return "", time.Time{}, &NoCredentialsError{Err: errors.New("no credentials provider")}
	}
	if _, err := creds.Retrieve(ctx); err != nil && fromIMDS(err) {
		return "", time.Time{}, &NoCredentialsError{Err: err}
	}
	out, err := api.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		return "", time.Time{}, wrap("GetCallerIdentity", err) // names sts:GetCallerIdentity, or sts:AssumeRole when the role was refused
	}
	account = aws.ToString(out.Account)
	if !accountID(account) {
		err := ErrNoAccount
		if account != "" {
			err = fmt.Errorf("%w (it named %q)", ErrNoAccount, quote.Middle(account, 40))
		}
		return "", time.Time{}, &Error{Service: "sts", Action: "GetCallerIdentity", Err: err}
	}
	served, _ = awsmiddleware.GetServerTime(out.ResultMetadata)
	return account, served, nil
}

// accountID reports whether s is an AWS account ID: 12 decimal digits.
func accountID(s string) bool {
	if len(s) != 12 {
		return false
	}
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
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
