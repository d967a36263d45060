package provider

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/iamguard/terraform-provider-iamguard/internal/awsiam"
	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
)

// TestNoCredentialsDiagnostic runs the SDK's real default chain with
// nothing to find: the error is a NoCredentialsError, and the diagnostic
// says so and where it looked, without the SDK's IMDS detail.
func TestNoCredentialsDiagnostic(t *testing.T) {
	isolateAWS(t)
	srv := iamtest.New(t, nil)
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("us-east-1"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = awsiam.CallerAccount(ctx, cfg.Credentials, sts.NewFromConfig(cfg, func(o *sts.Options) { o.BaseEndpoint = aws.String(srv.URL) }))
	var none *awsiam.NoCredentialsError
	if !errors.As(err, &none) {
		t.Fatalf("got %v, want a NoCredentialsError", err)
	}
	if !strings.Contains(none.Err.Error(), "IMDS") {
		t.Errorf("the SDK's error %q no longer names IMDS; is the detection still right?", none.Err)
	}
	d := credentialsFailed(ctx, err, "")
	if d.Summary() != "No AWS credentials found" {
		t.Errorf("summary %q", d.Summary())
	}
	first, _, _ := strings.Cut(d.Detail(), "\n")
	if strings.Contains(first, "IMDS") || strings.Contains(d.Detail(), "ec2imds") || strings.Contains(d.Detail(), "GetMetadata") {
		t.Errorf("detail leads with or quotes the IMDS error:\n%s", d.Detail())
	}
	for _, where := range []string{"AWS_ACCESS_KEY_ID", "profile (AWS_PROFILE, else default)", "~/.aws/config", "~/.aws/credentials", "instance metadata service (IMDS)"} {
		if !strings.Contains(d.Detail(), where) {
			t.Errorf("detail does not name %q:\n%s", where, d.Detail())
		}
	}
	if srv.TotalCalls() != 0 {
		t.Errorf("%d calls without credentials", srv.TotalCalls())
	}
}
