package provider

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
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
// a profile that does not exist.
func invalidAWSConfig(ctx context.Context, err error) diag.Diagnostic {
	tflog.Debug(ctx, "loading AWS configuration failed", map[string]any{"error": err.Error()})
	return diag.NewErrorDiagnostic("Invalid AWS configuration",
		"The AWS settings of the iamguard provider (arguments or AWS_* environment variables, "+
			"shared config and credentials files) could not be loaded: "+err.Error())
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
	fields := map[string]any{"what": what, "error": err.Error()}
	var e *awsiam.Error
	if errors.As(err, &e) {
		fields["aws_error"] = e.Err.Error() // request ID and AWS's own message
	}
	tflog.Debug(ctx, "IAM read failed", fields)
	summary := "Cannot read " + what
	switch {
	case errors.As(err, &e) && e.Denied():
		return diag.NewErrorDiagnostic(summary, fmt.Sprintf(
			"AWS refused %s (AccessDenied): the credentials the provider uses lack the permission %s. "+
				"Grant that read-only action to them; the account was not judged.", e.Action, e.Permission()))
	case errors.As(err, &e) && e.Throttled():
		return diag.NewErrorDiagnostic(summary, fmt.Sprintf(
			"AWS kept throttling %s (%s) after every retry, so the account was not judged. "+
				"Retry later, or raise max_retries in the provider block.", e.Action, e.Permission()))
	}
	return diag.NewErrorDiagnostic(summary, err.Error())
}

// gapReason says in a few words why a fact could not be read, for IG806.
func gapReason(err error) string {
	var e *awsiam.Error
	switch {
	case errors.As(err, &e) && e.Denied():
		return fmt.Sprintf("%s was denied: grant %s", e.Action, e.Permission())
	case errors.As(err, &e) && e.Throttled():
		return fmt.Sprintf("%s was still throttled after retries", e.Action)
	}
	return err.Error()
}
