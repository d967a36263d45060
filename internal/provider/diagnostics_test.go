package provider

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"

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
	_, _, err = awsiam.CallerAccount(ctx, cfg.Credentials, sts.NewFromConfig(cfg, func(o *sts.Options) { o.BaseEndpoint = aws.String(srv.URL) }))
	var none *awsiam.NoCredentialsError
	if !errors.As(err, &none) {
		t.Fatalf("got %v, want a NoCredentialsError", err)
	}
	if !strings.Contains(none.Err.Error(), "IMDS") {
		t.Errorf("the SDK's error %q no longer names IMDS; is the detection still right?", none.Err)
	}
	d := credentialsFailed(ctx, err, providerModel{})
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

// TestCredentialProcessOutputNotShown runs the SDK's real chain on a
// profile whose credential_process prints credentials the SDK cannot read:
// a bad Expiration, or a line before the JSON. The SDK quotes that output,
// secret access key and session token included; neither the diagnostics nor
// the debug log may.
func TestCredentialProcessOutputNotShown(t *testing.T) {
	const secret, token = "CANARY-SECRET-wJalrXUtnFEMI", "CANARY-TOKEN-FwoGZXIvYXdzE"
	creds := `{"Version": 1, "AccessKeyId": "AKIACANARY", "SecretAccessKey": "` + secret + `", "SessionToken": "` + token + `"`
	for name, body := range map[string]string{
		"bad expiration": "echo '" + creds + `, "Expiration": "2030-01-01 00:00:00"}'`,
		"banner first":   "echo fetching credentials...; echo '" + creds + "}'",
		"failed":         "echo '" + creds + "}'; exit 3",
	} {
		t.Run(name, func(t *testing.T) {
			isolateAWS(t)
			dir := t.TempDir()
			script := filepath.Join(dir, "creds.sh")
			if err := os.WriteFile(script, []byte("#!/bin/sh\n"+body+"\n"), 0o700); err != nil {
				t.Fatal(err)
			}
			conf := filepath.Join(dir, "config")
			if err := os.WriteFile(conf, []byte("[profile ci]\ncredential_process = "+script+"\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			var log bytes.Buffer
			ctx := tflogtest.RootLogger(context.Background(), &log)
			srv := iamtest.New(t, nil)
			cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("us-east-1"),
				config.WithSharedConfigFiles([]string{conf}), config.WithSharedConfigProfile("ci"))
			if err != nil {
				t.Fatal(err)
			}
			_, _, err = awsiam.CallerAccount(ctx, cfg.Credentials, sts.NewFromConfig(cfg, func(o *sts.Options) { o.BaseEndpoint = aws.String(srv.URL) }))
			if err == nil {
				t.Fatal("the credentials were accepted")
			}
			shown := []string{err.Error(), log.String()}
			for _, d := range []diag.Diagnostic{credentialsFailed(ctx, err, providerModel{Profile: types.StringValue("ci")}), readFailed(ctx, "the password policy", err)} {
				shown = append(shown, d.Summary(), d.Detail())
			}
			for _, s := range shown {
				if strings.Contains(s, "CANARY") {
					t.Errorf("the process's output is shown:\n%s", s)
				}
			}
			if d := shown[3]; !strings.Contains(d, "credential_process") {
				t.Errorf("the diagnostic does not name credential_process:\n%s", d)
			}
		})
	}
}

// TestRoleDenied: a refused AssumeRole names the caller's permission and
// the role's trust policy; a refused AssumeRoleWithWebIdentity, which is
// unsigned, only the trust policy and the token (round 124).
func TestRoleDenied(t *testing.T) {
	for action, want := range map[string]string{
		"AssumeRole":                "lack the permission sts:AssumeRole on the role, or the role's trust policy",
		"AssumeRoleWithWebIdentity": "the role's trust policy does not allow this web identity token",
	} {
		d := awsFailed("Cannot use the AWS credentials", &awsiam.Error{Service: "sts", Action: action, Code: "AccessDenied"}, "no data source was read", "")
		if !strings.Contains(d.Detail(), want) || action != "AssumeRole" && strings.Contains(d.Detail(), "external_id") {
			t.Errorf("%s: %q, want %q", action, d.Detail(), want)
		}
	}
}

// TestInvalidAWSConfigQuotesNoValue: a setting the SDK refuses is named by
// what its typed errors say, never by the SDK's text, which may quote the
// value: a secret set in AWS_RETRY_MODE by mistake, or a credentials file's
// line folded into the key before it (round 254: shown and logged); nor by
// the profile's name, which may come from a sensitive variable (round 300).
func TestInvalidAWSConfigQuotesNoValue(t *testing.T) {
	const canary = "CANARY-wJalrXUtnFEMI"
	dir := t.TempDir()
	folded := filepath.Join(dir, "config")
	if err := os.WriteFile(folded, []byte("[default]\nmax_attempts = 5\n   "+canary+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct {
		env  [2]string
		opts []func(*config.LoadOptions) error
		want string
	}{
		"AWS_RETRY_MODE":   {env: [2]string{"AWS_RETRY_MODE", canary}, want: "its message is not shown"},
		"AWS_MAX_ATTEMPTS": {env: [2]string{"AWS_MAX_ATTEMPTS", canary}, want: "its message is not shown"},
		"folded line":      {opts: []func(*config.LoadOptions) error{config.WithSharedConfigFiles([]string{folded})}, want: "its message is not shown"},
		"missing profile":  {opts: []func(*config.LoadOptions) error{config.WithSharedConfigProfile(canary)}, want: `the profile named (by profile or AWS_PROFILE) is in none`},
	} {
		t.Run(name, func(t *testing.T) {
			isolateAWS(t)
			if c.env[0] != "" {
				t.Setenv(c.env[0], c.env[1])
			}
			var log bytes.Buffer
			ctx := tflogtest.RootLogger(context.Background(), &log)
			_, err := loadAWSConfig(ctx, time.Minute, c.opts...)
			if err == nil {
				t.Fatal("the settings were accepted")
			}
			d := invalidAWSConfig(ctx, err)
			if !strings.Contains(d.Detail(), c.want) {
				t.Errorf("detail %q, want %q", d.Detail(), c.want)
			}
			for _, s := range []string{d.Summary(), d.Detail(), log.String()} {
				if strings.Contains(s, canary) {
					t.Errorf("the value is shown:\n%s", s)
				}
			}
		})
	}
}
