package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/iamguard/terraform-provider-iamguard/internal/awsiam"
)

// This file is the one place diagnostics are built, so summaries and
// details read alike across the provider and its data sources. Users get a
// plain message; Go's error text goes to the log (TF_LOG=DEBUG).

// invalidAttribute is a provider-configuration error on one attribute.
func invalidAttribute(p path.Path, summary, detail string) diag.Diagnostic {
	return diag.NewAttributeErrorDiagnostic(p, summary, detail)
}

// unknownConfiguration is the error for a provider block that depends on
// values known only after apply.
func unknownConfiguration() diag.Diagnostic {
	return diag.NewErrorDiagnostic("Provider configuration not known during plan",
		"The iamguard provider reads the live account while planning, so every argument of its provider block "+
			"must be known then. Use literal values, variables or data sources, not attributes of resources "+
			"that are yet to be created.")
}

// invalidAWSConfig is the error for AWS settings the SDK refused, such as
// a profile that does not exist. The SDK's own text may quote a setting's
// value (a secret set in AWS_RETRY_MODE by mistake, a credentials file's
// line folded into the one before it): neither shown nor logged (round
// 254). Nor are the names and files its typed errors hold: a setting from a
// sensitive variable would be quoted back (round 300).
func invalidAWSConfig(ctx context.Context, err error) diag.Diagnostic {
	tflog.Debug(ctx, "loading AWS configuration failed", map[string]any{"error_type": fmt.Sprintf("%T", err)})
	var (
		missing  config.SharedConfigProfileNotExistError
		unread   config.SharedConfigLoadError
		role     config.SharedConfigAssumeRoleError
		needsARN config.CredentialRequiresARNError
		why      string
	)
	switch {
	case errors.As(err, &missing):
		why = "the profile named (by profile or AWS_PROFILE) is in none of the shared config and credentials files read"
	case errors.As(err, &unread):
		why = "a shared config file cannot be read as one"
	case errors.As(err, &role):
		why = "the role settings of the profile named are incomplete"
	case errors.As(err, &needsARN):
		why = fmt.Sprintf("the profile named sets %s credentials without role_arn", needsARN.Type)
	case errors.Is(err, errConfigTimeout):
		why = err.Error()
	default:
		why = "the AWS SDK refused one of them; its message is not shown, since it may quote the value (check each setting's spelling and kind)"
	}
	return diag.NewErrorDiagnostic("Invalid AWS configuration",
		"The AWS settings of the iamguard provider (arguments or AWS_* environment variables, "+
			"shared config and credentials files) could not be loaded: "+why+".")
}

// credentialsFailed is the one error for credentials that do not work,
// from Configure, so that no data source repeats it. With no credentials at
// all it lists where the provider looked; the SDK's own text (which ends
// with an EC2 instance metadata detail) goes to the log. Neither quotes
// what m gives (see withoutSettings).
func credentialsFailed(ctx context.Context, err error, m providerModel) diag.Diagnostic {
	text := withoutSettings(awsiam.Text(err), m)
	tflog.Debug(ctx, "checking the AWS credentials failed", map[string]any{"error": text})
	var none *awsiam.NoCredentialsError
	if errors.As(err, &none) {
		profile := "AWS_PROFILE, else default"
		if !m.Profile.IsNull() {
			profile = "the profile setting"
		}
		return diag.NewErrorDiagnostic("No AWS credentials found",
			"The iamguard provider found no AWS credentials. It looked, in this order, at:\n"+
				"  - the provider block: access_key and secret_key (with token);\n"+
				"  - the environment: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (with AWS_SESSION_TOKEN), "+
				"and AWS_ROLE_ARN with AWS_WEB_IDENTITY_TOKEN_FILE;\n"+
				"  - the profile ("+profile+") in the shared config files (shared_config_files, AWS_CONFIG_FILE, else ~/.aws/config) "+
				"and shared credentials files (shared_credentials_files, AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials), "+
				"including its SSO, credential_process and role settings;\n"+
				"  - container credentials (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI or _FULL_URI);\n"+
				"  - the EC2 instance metadata service (IMDS), for an instance role.\n"+
				"Set one of them; see the provider documentation. Run with TF_LOG=DEBUG for the AWS SDK's own message.")
	}
	return awsFailed("Cannot use the AWS credentials", err, "no data source was read",
		"Checking the credentials with STS GetCallerIdentity failed, so no data source was read: "+text)
}

// withoutSettings is text with each string the provider block gives (at
// least 4 bytes long) put as a placeholder: any may come from a sensitive
// variable, and the SDK's text quotes some of them, a token file's path
// among them, through errors that keep only their text (round 301).
func withoutSettings(text string, m providerModel) string {
	values := []types.String{m.AccessKey, m.SecretKey, m.Token, m.Profile}
	values = append(values, m.SharedConfigFiles...)
	values = append(values, m.SharedCredentialsFiles...)
	if r := m.AssumeRole; r != nil {
		values = append(values, r.RoleARN, r.SessionName, r.ExternalID, r.Policy)
	}
	if w := m.WebIdentity; w != nil {
		values = append(values, w.RoleARN, w.SessionName, w.WebIdentityToken, w.WebIdentityTokenFile, w.Policy)
	}
	if e := m.Endpoints; e != nil {
		values = append(values, e.IAM, e.STS, e.CloudTrail)
	}
	for _, v := range values {
		if s := v.ValueString(); len(s) >= 4 {
			text = strings.ReplaceAll(text, s, "(a setting's value)")
		}
	}
	return text
}

// accountRefused is the error for credentials of an account that
// allowed_account_ids or forbidden_account_ids rules out.
func accountRefused(account, setting, relation string) diag.Diagnostic {
	return diag.NewAttributeErrorDiagnostic(path.Root(setting), "Account not allowed",
		fmt.Sprintf("The credentials belong to account %s, which %s %s; no data source was read.", account, relation, setting))
}

// unexpectedProviderData is an internal error: the framework passed a data
// source something other than what Configure set.
func unexpectedProviderData(got any) diag.Diagnostic {
	return diag.NewErrorDiagnostic("Unexpected provider data",
		fmt.Sprintf("Expected *provider.client, got %T. This is a bug in the iamguard provider; please report it.", got))
}

// readFailed is the error for an IAM read that failed outright. It names the
// action and, for AccessDenied, the permission to grant.
func readFailed(ctx context.Context, what string, err error) diag.Diagnostic {
	fields := map[string]any{"what": what, "error": awsiam.Text(err)}
	var e *awsiam.Error
	if errors.As(err, &e) {
		fields["aws_request_id"] = e.RequestID() // not AWS's own message, which may quote a value (see awsiam.Error)
	}
	tflog.Debug(ctx, "IAM read failed", fields)
	return awsFailed("Cannot read "+what, err, "the account was not judged", awsiam.Text(err))
}

// awsFailed words a failed AWS call: for AccessDenied the action and the
// permission to grant, for throttling the action and what to do, else
// other. unjudged says what the failure left undone.
func awsFailed(summary string, err error, unjudged, other string) diag.Diagnostic {
	var e *awsiam.Error
	switch {
	case errors.As(err, &e) && e.Denied() && e.Action == "AssumeRoleWithWebIdentity":
		// Unsigned: the token and the role's trust policy alone decide.
		return diag.NewErrorDiagnostic(summary, fmt.Sprintf(
			"AWS refused %s (AccessDenied): the role's trust policy does not allow this web identity token "+
				"(its federated principal, the OIDC provider, or a condition on the token's aud or sub). Check the trust policy; %s.", e.Action, unjudged))
	case errors.As(err, &e) && e.Denied() && e.Action == "AssumeRole":
		// The role decides too: the caller's permission is half of it.
		return diag.NewErrorDiagnostic(summary, fmt.Sprintf(
			"AWS refused %s (AccessDenied): either the credentials the provider uses lack the permission %s on the role, "+
				"or the role's trust policy does not allow them (its principal, or a condition such as the external_id it requires). "+
				"Check both; %s.", e.Action, e.Permission(), unjudged))
	case errors.As(err, &e) && e.Denied():
		return diag.NewErrorDiagnostic(summary, fmt.Sprintf(
			"AWS refused %s (AccessDenied): the credentials the provider uses lack the permission %s. "+
				"Grant that action to them; %s.", e.Action, e.Permission(), unjudged))
	case errors.As(err, &e) && e.Throttled():
		return diag.NewErrorDiagnostic(summary, fmt.Sprintf(
			"AWS kept throttling %s (%s) after every retry, so %s. "+
				"Retry later, lower iam_calls_per_second, or raise max_retries in the provider block.", e.Action, e.Permission(), unjudged))
	}
	return diag.NewErrorDiagnostic(summary, other)
}

// gapReason says in a few words why a fact could not be read, for IG806.
func gapReason(err error) string {
	var e *awsiam.Error
	switch {
	case errors.As(err, &e) && e.Denied():
		return fmt.Sprintf("%s was denied: grant %s", e.Action, e.Permission())
	case errors.As(err, &e) && e.Throttled():
		return fmt.Sprintf("%s was still throttled after retries", e.Action)
	case errors.As(err, &e) && e.Code == "NoSuchEntity":
		return fmt.Sprintf("%s found it gone since it was listed (NoSuchEntity): deleted, or renamed", e.Action)
	}
	return awsiam.Text(err)
}
