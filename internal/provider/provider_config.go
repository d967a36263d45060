package provider

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	ststypes "github.com/aws/aws-sdk-go-v2/service/sts/types"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/iamguard/terraform-provider-iamguard/internal/awsiam"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// loadOptions turns the provider block's AWS settings into the SDK's
// load options, reporting settings that cannot work together. Every HTTP
// attempt fails after readTimeout without a byte from the connection.
func loadOptions(m providerModel, readTimeout time.Duration, diags *diag.Diagnostics) []func(*config.LoadOptions) error {
	var opts []func(*config.LoadOptions) error
	if v := m.Region.ValueString(); v != "" {
		opts = append(opts, config.WithRegion(v))
	}
	if v := m.Profile.ValueString(); v != "" {
		opts = append(opts, config.WithSharedConfigProfile(v))
	}
	if len(m.SharedConfigFiles) > 0 {
		opts = append(opts, config.WithSharedConfigFiles(homePaths(stringValues(m.SharedConfigFiles))))
	}
	if len(m.SharedCredentialsFiles) > 0 {
		opts = append(opts, config.WithSharedCredentialsFiles(homePaths(stringValues(m.SharedCredentialsFiles))))
	}
	ak, sk := m.AccessKey.ValueString(), m.SecretKey.ValueString()
	switch {
	case ak != "" && sk != "":
		opts = append(opts, config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(ak, sk, m.Token.ValueString())))
	case ak != "":
		diags.Append(invalidAttribute(path.Root("secret_key"), "Missing secret_key", "access_key is set, so secret_key must be set too."))
	case sk != "":
		diags.Append(invalidAttribute(path.Root("access_key"), "Missing access_key", "secret_key is set, so access_key must be set too."))
	}
	if v := m.MaxRetries.ValueInt64(); !m.MaxRetries.IsNull() && (v < 0 || v > maxRetriesLimit) {
		diags.Append(invalidAttribute(path.Root("max_retries"), "Invalid max_retries", fmt.Sprintf("max_retries must be from 0 to %d.", maxRetriesLimit)))
	}
	// Endpoints are checked here, in the block and in the environment the
	// SDK reads: the SDK only fails each call, retried in full (round 121:
	// 26 attempts, 7 minutes; round 124: through AWS_ENDPOINT_URL_STS).
	e := m.Endpoints
	if e == nil {
		e = &endpointsModel{}
	}
	for _, ep := range []struct {
		name string
		v    types.String
	}{{"iam", e.IAM}, {"sts", e.STS}, {"cloudtrail", e.CloudTrail}} {
		if !validEndpoint(ep.v.ValueString()) {
			diags.Append(invalidAttribute(path.Root("endpoints").AtName(ep.name), "Invalid endpoint",
				fmt.Sprintf("endpoints.%s must be an http or https URL, such as https://%s.example.com.", ep.name, ep.name)))
		}
	}
	for _, name := range []string{"AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_IAM", "AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL_CLOUDTRAIL"} {
		if !validEndpoint(os.Getenv(name)) {
			diags.AddError("Invalid endpoint", fmt.Sprintf("The environment variable %s must be an http or https URL, such as https://example.com.", name))
		}
	}
	switch m.RetryMode.ValueString() {
	case "", string(aws.RetryModeStandard), string(aws.RetryModeAdaptive):
	default:
		diags.Append(invalidAttribute(path.Root("retry_mode"), "Invalid retry_mode", "retry_mode must be standard or adaptive."))
	}
	if len(m.AllowedAccountIDs) > 0 && len(m.ForbiddenAccountIDs) > 0 {
		diags.Append(invalidAttribute(path.Root("forbidden_account_ids"), "Conflicting account IDs",
			"Set allowed_account_ids or forbidden_account_ids, not both."))
	}
	if m.AssumeRole != nil && m.WebIdentity != nil {
		diags.Append(invalidAttribute(path.Root("assume_role_with_web_identity"), "Conflicting roles",
			"Set assume_role or assume_role_with_web_identity, not both."))
	}
	return append(opts, config.WithHTTPClient(awshttp.NewBuildableClient().WithTransportOptions(func(t *http.Transport) {
		t.MaxIdleConnsPerHost = awsiam.MaxInFlight // keep one connection per concurrent call
		// The reply's headers within twice the window, however they
		// trickle in: the read timeout alone waits on any byte. (A silent
		// endpoint meets the read timeout first, and is named so.)
		t.ResponseHeaderTimeout = 2 * readTimeout
	}).WithReadTimeout(readTimeout).WithTimeout(attemptTimeouts*readTimeout)))
}

// attemptTimeouts bounds one HTTP attempt, its reply's body read in full
// included, at this many read timeouts: a reply that trickles in, a byte
// within each read timeout, held a read for hours (round 315).
const attemptTimeouts = 5

// validEndpoint reports whether an endpoint setting is empty (none) or an
// http or https URL with a host.
func validEndpoint(v string) bool {
	u, err := url.Parse(v)
	return v == "" || err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

// maxRetriesLimit bounds max_retries: at the SDK's longest backoff, 20
// seconds, 1,000 retries of one call already take over five hours.
const maxRetriesLimit = 1000

// homePaths expands a leading ~ to the home directory, as the hashicorp/aws
// provider does for its shared files (round 121).
func homePaths(paths []string) []string {
	home, err := os.UserHomeDir()
	if err != nil {
		return paths
	}
	out := make([]string, len(paths))
	for i, p := range paths {
		if p == "~" || strings.HasPrefix(p, "~/") {
			p = filepath.Join(home, p[1:])
		}
		out[i] = p
	}
	return out
}

// setRetryer sets the retry policy: max_retries, else AWS_MAX_ATTEMPTS or
// the profile's max_attempts (attempts, as the SDK reads them), else the
// default; retry_mode, else AWS_RETRY_MODE or the profile's, else
// standard. The SDK's retry quota stays on in both modes, so a run of
// failures stops retrying early instead of retrying every call in full.
func setRetryer(cfg *aws.Config, m providerModel) {
	attempts := defaultMaxRetries + 1
	switch {
	case !m.MaxRetries.IsNull():
		attempts = int(m.MaxRetries.ValueInt64()) + 1
	case cfg.RetryMaxAttempts > 0:
		attempts = min(cfg.RetryMaxAttempts, maxRetriesLimit+1) // AWS_MAX_ATTEMPTS, bounded as max_retries is
	}
	mode := cfg.RetryMode
	if v := m.RetryMode.ValueString(); v != "" {
		mode = aws.RetryMode(v)
	}
	standard := func(o *retry.StandardOptions) { o.MaxAttempts = attempts }
	cfg.Retryer = func() aws.Retryer {
		if mode == aws.RetryModeAdaptive {
			return retry.NewAdaptiveMode(func(o *retry.AdaptiveModeOptions) {
				o.StandardOptions = append(o.StandardOptions, standard)
			})
		}
		return retry.NewStandard(standard)
	}
	cfg.RetryMaxAttempts, cfg.RetryMode = 0, "" // the Retryer above decides
}

// pacerSetting is the shared pace of IAM calls.
func pacerSetting(m providerModel, diags *diag.Diagnostics) *awsiam.Pacer {
	rate, burst := int64(awsiam.DefaultCallsPerSecond), int64(awsiam.DefaultBurst)
	for _, s := range []struct {
		name string
		v    types.Int64
		to   *int64
	}{{"iam_calls_per_second", m.IAMCallsPerSecond, &rate}, {"iam_burst", m.IAMBurst, &burst}} {
		if s.v.IsNull() {
			continue
		}
		if v := s.v.ValueInt64(); v < 1 || v > 10000 {
			diags.Append(invalidAttribute(path.Root(s.name), "Invalid "+s.name, s.name+" must be from 1 to 10000."))
		}
		*s.to = s.v.ValueInt64()
	}
	return awsiam.NewPacer(float64(rate), int(burst))
}

// severitySetting reads a severity name, def when unset.
func severitySetting(v types.String, def rules.Severity, at path.Path, diags *diag.Diagnostics) rules.Severity {
	if v.IsNull() || v.ValueString() == "" {
		return def
	}
	s, err := rules.ParseSeverity(v.ValueString())
	if err != nil {
		diags.Append(invalidAttribute(at, "Invalid severity", fmt.Sprintf("%s must be one of %s.", at.String(), rules.SeverityNames())))
	}
	return s
}

// durationSetting reads a Go duration of at least a second, def when unset.
func durationSetting(v types.String, def time.Duration, at path.Path, diags *diag.Diagnostics) time.Duration {
	if v.IsNull() || v.ValueString() == "" {
		return def
	}
	d, err := time.ParseDuration(v.ValueString())
	if err != nil || d < time.Second {
		diags.Append(invalidAttribute(at, "Invalid duration", at.String()+` must be a Go duration of at least 1s, such as "90s" or "5m".`))
	}
	return d
}

// sessionDuration reads an assumed role's session duration: 15m to 12h.
func sessionDuration(v types.String, at path.Path, diags *diag.Diagnostics) time.Duration {
	if v.ValueString() == "" {
		return 0
	}
	d, err := time.ParseDuration(v.ValueString())
	if err != nil || d < 15*time.Minute || d > 12*time.Hour {
		diags.Append(invalidAttribute(at, "Invalid duration",
			`duration must be a Go duration from 15m to 12h, such as "1h".`))
	}
	return d
}

func policyARNs(vs []types.String) []ststypes.PolicyDescriptorType {
	var out []ststypes.PolicyDescriptorType
	for _, v := range vs {
		out = append(out, ststypes.PolicyDescriptorType{Arn: aws.String(v.ValueString())})
	}
	return out
}

// assumeRole swaps cfg's credentials for those of the role, fetched (and
// refreshed) through STS when first needed.
func assumeRole(cfg *aws.Config, m *assumeRoleModel, client *sts.Client) diag.Diagnostics {
	var diags diag.Diagnostics
	at := path.Root("assume_role")
	arn := m.RoleARN.ValueString()
	if arn == "" {
		diags.Append(invalidAttribute(at.AtName("role_arn"), "Missing role_arn", "An assume_role block needs role_arn."))
	}
	duration := sessionDuration(m.Duration, at.AtName("duration"), &diags)
	if diags.HasError() {
		return diags
	}
	creds := stscreds.NewAssumeRoleProvider(client, arn, func(o *stscreds.AssumeRoleOptions) {
		if v := m.SessionName.ValueString(); v != "" {
			o.RoleSessionName = v
		}
		if v := m.ExternalID.ValueString(); v != "" {
			o.ExternalID = aws.String(v)
		}
		if duration > 0 {
			o.Duration = duration
		}
		if v := m.Policy.ValueString(); v != "" {
			o.Policy = aws.String(v)
		}
		o.PolicyARNs = policyARNs(m.PolicyARNs)
		keys := make([]string, 0, len(m.Tags))
		for k := range m.Tags {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			o.Tags = append(o.Tags, ststypes.Tag{Key: aws.String(k), Value: aws.String(m.Tags[k].ValueString())})
		}
		o.TransitiveTagKeys = stringValues(m.TransitiveTagKeys)
	})
	cfg.Credentials = aws.NewCredentialsCache(creds)
	return diags
}

// tokenValue is a web identity token given in the configuration.
type tokenValue string

func (t tokenValue) GetIdentityToken() ([]byte, error) { return []byte(t), nil }

// assumeRoleWithWebIdentity swaps cfg's credentials for those of the role,
// assumed with an OIDC token.
func assumeRoleWithWebIdentity(cfg *aws.Config, m *webIdentityModel, client *sts.Client) diag.Diagnostics {
	var diags diag.Diagnostics
	at := path.Root("assume_role_with_web_identity")
	arn := m.RoleARN.ValueString()
	if arn == "" {
		diags.Append(invalidAttribute(at.AtName("role_arn"), "Missing role_arn", "An assume_role_with_web_identity block needs role_arn."))
	}
	var token stscreds.IdentityTokenRetriever
	switch tok, file := m.WebIdentityToken.ValueString(), m.WebIdentityTokenFile.ValueString(); {
	case tok != "" && file != "":
		diags.Append(invalidAttribute(at.AtName("web_identity_token_file"), "Conflicting tokens", "Set web_identity_token or web_identity_token_file, not both."))
	case tok != "":
		token = tokenValue(tok)
	case file != "":
		token = stscreds.IdentityTokenFile(file)
	default:
		diags.Append(invalidAttribute(at.AtName("web_identity_token"), "Missing token", "Set web_identity_token or web_identity_token_file."))
	}
	duration := sessionDuration(m.Duration, at.AtName("duration"), &diags)
	if diags.HasError() {
		return diags
	}
	creds := stscreds.NewWebIdentityRoleProvider(client, arn, token, func(o *stscreds.WebIdentityRoleOptions) {
		if v := m.SessionName.ValueString(); v != "" {
			o.RoleSessionName = v
		}
		if duration > 0 {
			o.Duration = duration
		}
		if v := m.Policy.ValueString(); v != "" {
			o.Policy = aws.String(v)
		}
		o.PolicyARNs = policyARNs(m.PolicyARNs)
	})
	cfg.Credentials = aws.NewCredentialsCache(creds)
	return diags
}

// checkAccount refuses an account outside allowed or inside forbidden.
func checkAccount(account string, allowed, forbidden []string) diag.Diagnostics {
	var diags diag.Diagnostics
	if len(allowed) > 0 && !slices.Contains(allowed, account) {
		diags.Append(accountRefused(account, "allowed_account_ids", "is not in"))
	}
	if slices.Contains(forbidden, account) {
		diags.Append(accountRefused(account, "forbidden_account_ids", "is in"))
	}
	return diags
}

// baselineSchema is the provider's baseline block, built from the one
// declaration of the baseline in internal/rules, as .iamguard.hcl is.
func baselineSchema() schema.SingleNestedBlock {
	attrs := map[string]schema.Attribute{}
	for _, t := range rules.Thresholds() {
		attrs[t.Name] = schema.Int64Attribute{Optional: true, Description: t.Description()}
	}
	d := rules.AllowedDomains
	attrs[d.Name] = schema.ListAttribute{Optional: true, ElementType: types.StringType,
		Description: fmt.Sprintf("%s, for %s; at most %d.", d.What, rules.Names(d.Rules...), d.Max)}
	return schema.SingleNestedBlock{
		Description: "Thresholds the rules judge against, with the same names, defaults and bounds as the baseline block of .iamguard.hcl.",
		Attributes:  attrs,
	}
}

// applyBaseline overrides b with the attributes set in the baseline block,
// reporting values outside a threshold's bounds.
func applyBaseline(ctx context.Context, block types.Object, b rules.Baseline, diags *diag.Diagnostics) rules.Baseline {
	if block.IsNull() {
		return b
	}
	attrs := block.Attributes()
	for _, t := range rules.Thresholds() {
		v, ok := attrs[t.Name].(types.Int64)
		if !ok || v.IsNull() {
			continue
		}
		if err := t.Set(&b, v.ValueInt64()); err != nil {
			diags.Append(invalidAttribute(path.Root("baseline").AtName(t.Name), "Invalid baseline threshold",
				fmt.Sprintf("baseline.%s must be from %d to %d.", t.Name, t.Min, t.Max)))
		}
	}
	if v, ok := attrs[rules.AllowedDomains.Name].(types.List); ok && !v.IsNull() {
		if n := len(v.Elements()); n > rules.AllowedDomains.Max {
			diags.Append(invalidAttribute(path.Root("baseline").AtName(rules.AllowedDomains.Name), "Invalid baseline setting",
				fmt.Sprintf("%s has %d patterns; it takes at most %d.", rules.AllowedDomains.Name, n, rules.AllowedDomains.Max)))
			return b
		}
		b.AllowedCertificateDomains = []string{}
		diags.Append(v.ElementsAs(ctx, &b.AllowedCertificateDomains, false)...)
	}
	return b
}
