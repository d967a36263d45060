// Package provider is the Terraform glue: the iamguard provider, its data
// sources and its functions. Judgement lives in internal/rules, AWS reads in
// internal/awsiam.
package provider

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/iamguard/terraform-provider-iamguard/internal/awsiam"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

var _ provider.Provider = (*iamguardProvider)(nil)

// defaultRegion is used when neither region nor AWS_REGION/AWS_DEFAULT_REGION
// nor a profile names one: IAM is global, so any region reaches it.
const defaultRegion = "us-east-1"

// defaultMaxRetries applies when neither max_retries nor AWS_MAX_ATTEMPTS
// is set, as in the hashicorp/aws provider.
const defaultMaxRetries = 25

// defaultReportWait is how long a data source waits for IAM to finish
// generating the credential report when credential_report_timeout is unset.
const defaultReportWait = 2 * time.Minute

// defaultReadTimeout bounds each HTTP attempt to IAM, STS and CloudTrail
// by silence: an attempt fails when the connection delivers no byte for
// this long, waiting for the reply or in the middle of it (the SDK's
// WithReadTimeout), and the SDK retries it as any timeout, up to
// max_retries. Without it a stalled endpoint or proxy held the plan for
// ever. 60 seconds is the AWS CLI's read timeout (cli_read_timeout, the
// same inactivity window): IAM answers within seconds, and a large reply
// still arriving, a credential report of thousands of users, never trips
// it.
const defaultReadTimeout = 60 * time.Second

// errConfigTimeout: loading the AWS configuration did not finish.
var errConfigTimeout = errors.New("reading them did not finish")

// loadAWSConfig is config.LoadDefaultConfig, given at most wait to finish
// and ended by ctx: it reads the shared config and credentials files and a
// web identity token file without a deadline, and one of them may be a
// FIFO nobody writes to (round 254: the plan hung, Ctrl-C or not). The
// read left blocked ends with the provider's process.
func loadAWSConfig(ctx context.Context, wait time.Duration, opts ...func(*config.LoadOptions) error) (aws.Config, error) {
	type loaded struct {
		cfg aws.Config
		err error
	}
	done := make(chan loaded, 1)
	go func() {
		cfg, err := config.LoadDefaultConfig(ctx, opts...)
		done <- loaded{cfg, err}
	}()
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case l := <-done:
		return l.cfg, l.err
	case <-timer.C:
		return aws.Config{}, fmt.Errorf("%w within %v (a file named, such as shared_credentials_files, may be a FIFO or device)", errConfigTimeout, wait)
	case <-ctx.Done():
		return aws.Config{}, fmt.Errorf("%w: %w", errConfigTimeout, ctx.Err())
	}
}

type iamguardProvider struct {
	version string
	// Test hooks; zero values mean the real clock, default polling and
	// defaultReadTimeout.
	now         func() time.Time
	report      awsiam.ReportOptions
	readTimeout time.Duration
}

// New returns a constructor for the provider, as providerserver.Serve wants.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &iamguardProvider{version: version, now: time.Now} }
}

// client is what Configure hands to every data source.
type client struct {
	iam         *iam.Client
	baseline    rules.Baseline
	compliantAt rules.Severity // lowest severity that makes compliant false
	now         func() time.Time
	report      awsiam.ReportOptions
	account     string // the account ID the credentials belong to

	// CloudTrail calls go to each trail's home region, and LookupEvents
	// to us-east-1: the awsiam collectors set the region per call.
	cloudtrail *cloudtrail.Client
}

type providerModel struct {
	Region                 types.String      `tfsdk:"region"`
	Profile                types.String      `tfsdk:"profile"`
	AccessKey              types.String      `tfsdk:"access_key"`
	SecretKey              types.String      `tfsdk:"secret_key"`
	Token                  types.String      `tfsdk:"token"`
	SharedConfigFiles      []types.String    `tfsdk:"shared_config_files"`
	SharedCredentialsFiles []types.String    `tfsdk:"shared_credentials_files"`
	MaxRetries             types.Int64       `tfsdk:"max_retries"`
	RetryMode              types.String      `tfsdk:"retry_mode"`
	STSRegion              types.String      `tfsdk:"sts_region"`
	AllowedAccountIDs      []types.String    `tfsdk:"allowed_account_ids"`
	ForbiddenAccountIDs    []types.String    `tfsdk:"forbidden_account_ids"`
	IAMCallsPerSecond      types.Int64       `tfsdk:"iam_calls_per_second"`
	IAMBurst               types.Int64       `tfsdk:"iam_burst"`
	CredentialReportWait   types.String      `tfsdk:"credential_report_timeout"`
	CompliantAt            types.String      `tfsdk:"compliant_at"`
	AssumeRole             *assumeRoleModel  `tfsdk:"assume_role"`
	WebIdentity            *webIdentityModel `tfsdk:"assume_role_with_web_identity"`
	Endpoints              *endpointsModel   `tfsdk:"endpoints"`
	Baseline               types.Object      `tfsdk:"baseline"`
}

type assumeRoleModel struct {
	RoleARN           types.String            `tfsdk:"role_arn"`
	SessionName       types.String            `tfsdk:"session_name"`
	ExternalID        types.String            `tfsdk:"external_id"`
	Duration          types.String            `tfsdk:"duration"`
	Policy            types.String            `tfsdk:"policy"`
	PolicyARNs        []types.String          `tfsdk:"policy_arns"`
	Tags              map[string]types.String `tfsdk:"tags"`
	TransitiveTagKeys []types.String          `tfsdk:"transitive_tag_keys"`
}

type webIdentityModel struct {
	RoleARN              types.String   `tfsdk:"role_arn"`
	SessionName          types.String   `tfsdk:"session_name"`
	WebIdentityToken     types.String   `tfsdk:"web_identity_token"`
	WebIdentityTokenFile types.String   `tfsdk:"web_identity_token_file"`
	Duration             types.String   `tfsdk:"duration"`
	Policy               types.String   `tfsdk:"policy"`
	PolicyARNs           []types.String `tfsdk:"policy_arns"`
}

type endpointsModel struct {
	IAM        types.String `tfsdk:"iam"`
	STS        types.String `tfsdk:"sts"`
	CloudTrail types.String `tfsdk:"cloudtrail"`
}

func (p *iamguardProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "iamguard"
	resp.Version = p.version
}

func (p *iamguardProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	str := func(desc string, sensitive bool) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, Sensitive: sensitive, Description: desc}
	}
	files := func(desc string) schema.ListAttribute {
		return schema.ListAttribute{Optional: true, ElementType: types.StringType, Description: desc}
	}
	resp.Schema = schema.Schema{
		Description: "Reports the IAM compliance of the live AWS account. " +
			"Authentication and its environment variables follow the hashicorp/aws provider; only read-only IAM actions are used.",
		Attributes: map[string]schema.Attribute{
			"region":                   str("AWS region for STS and CloudTrail calls. Falls back to AWS_REGION, AWS_DEFAULT_REGION, the profile's region, then us-east-1 (IAM itself is global).", false),
			"profile":                  str("Named profile of the shared config and credentials files. Falls back to AWS_PROFILE.", false),
			"access_key":               str("Access key ID. Falls back to AWS_ACCESS_KEY_ID, then the rest of the SDK's default credential chain.", false),
			"secret_key":               str("Secret access key; required with access_key. Falls back to AWS_SECRET_ACCESS_KEY.", true),
			"token":                    str("Session token for temporary credentials given in access_key and secret_key. Falls back to AWS_SESSION_TOKEN.", true),
			"shared_config_files":      files("Shared config files to read instead of ~/.aws/config. Falls back to AWS_CONFIG_FILE."),
			"shared_credentials_files": files("Shared credentials files to read instead of ~/.aws/credentials. Falls back to AWS_SHARED_CREDENTIALS_FILE."),
			"max_retries": schema.Int64Attribute{Optional: true,
				Description: fmt.Sprintf("How many times a throttled or failed call is retried, with exponential backoff, before the data source fails: 0 to %d. "+
					"An attempt that gets no byte from AWS for %d seconds (the AWS CLI's read timeout), or not the whole of the reply's headers within twice that, has failed, and is retried too; "+
					"one whose reply's body is still coming in after %d times the %d seconds has failed, and is not retried. "+
					"Falls back, as in the hashicorp/aws provider, to AWS_MAX_ATTEMPTS and the profile's max_attempts (which the AWS SDK reads as attempts), then %d.",
					maxRetriesLimit, int(defaultReadTimeout.Seconds()), attemptTimeouts, int(defaultReadTimeout.Seconds()), defaultMaxRetries)},
			"retry_mode": schema.StringAttribute{Optional: true,
				Description: "standard (the AWS SDK's retry quota, on by default: a run of failures stops retrying early) or adaptive (the same, plus a client-side " +
					"rate that slows down when AWS throttles). Falls back to AWS_RETRY_MODE and the profile's retry_mode, then standard."},
			"sts_region": str("Region of the STS endpoint used to check the credentials (GetCallerIdentity) and to assume roles. Defaults to region.", false),
			"allowed_account_ids": schema.ListAttribute{Optional: true, ElementType: types.StringType,
				Description: "Account IDs the credentials may belong to; the provider refuses to read any other account. Conflicts with forbidden_account_ids."},
			"forbidden_account_ids": schema.ListAttribute{Optional: true, ElementType: types.StringType,
				Description: "Account IDs the credentials must not belong to. Conflicts with allowed_account_ids."},
			"iam_calls_per_second": schema.Int64Attribute{Optional: true,
				Description: fmt.Sprintf("Client-side pace of IAM calls, shared by every data source of this provider and counting each retry: "+
					"IAM's per-account limits are low and cannot be raised, so going faster only buys throttling. Default %d.", awsiam.DefaultCallsPerSecond)},
			"iam_burst": schema.Int64Attribute{Optional: true,
				Description: fmt.Sprintf("IAM calls that may start at once after a pause, above iam_calls_per_second. Default %d.", awsiam.DefaultBurst)},
			"credential_report_timeout": str(fmt.Sprintf("How long to wait for IAM to generate the credential report, as a Go duration such as \"90s\". Default %s.", defaultReportWait), false),
			"compliant_at": schema.StringAttribute{Optional: true,
				Description: "Lowest finding severity that makes a data source's compliant attribute false: info, low, medium, high or critical. " +
					"Default low, so an info finding alone leaves compliant true; set medium to let low findings pass too. " +
					"A fact that could not be read is never a pass: " + gapFindings + " makes compliant false whatever this says."},
		},
		Blocks: map[string]schema.Block{
			"assume_role": schema.SingleNestedBlock{
				Description: "Role to assume with STS AssumeRole before reading IAM.",
				Attributes: map[string]schema.Attribute{
					"role_arn":     schema.StringAttribute{Optional: true, Description: "ARN of the role to assume. Required when the block is present."},
					"session_name": schema.StringAttribute{Optional: true, Description: "Session name; defaults to one the SDK chooses."},
					"external_id":  schema.StringAttribute{Optional: true, Description: "External ID the role's trust policy requires."},
					"duration":     schema.StringAttribute{Optional: true, Description: "Session duration as a Go duration, such as \"1h\" or \"15m\"; default 15 minutes."},
					"policy":       schema.StringAttribute{Optional: true, Description: "IAM policy JSON that further restricts the session's permissions."},
					"policy_arns":  schema.ListAttribute{Optional: true, ElementType: types.StringType, Description: "ARNs of managed policies that further restrict the session's permissions."},
					"tags":         schema.MapAttribute{Optional: true, ElementType: types.StringType, Description: "Session tags."},
					"transitive_tag_keys": schema.ListAttribute{Optional: true, ElementType: types.StringType,
						Description: "Keys of session tags that pass on to roles assumed later in a chain."},
				},
			},
			"assume_role_with_web_identity": schema.SingleNestedBlock{
				Description: "Role to assume with STS AssumeRoleWithWebIdentity (an OIDC token, as in CI) before reading IAM. " +
					"AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE also work, through the SDK's default chain.",
				Attributes: map[string]schema.Attribute{
					"role_arn":                schema.StringAttribute{Optional: true, Description: "ARN of the role to assume. Required when the block is present."},
					"session_name":            schema.StringAttribute{Optional: true, Description: "Session name; defaults to one the SDK chooses."},
					"web_identity_token":      schema.StringAttribute{Optional: true, Sensitive: true, Description: "The OIDC token itself. Conflicts with web_identity_token_file."},
					"web_identity_token_file": schema.StringAttribute{Optional: true, Description: "File holding the OIDC token, read again whenever the credentials are refreshed."},
					"duration":                schema.StringAttribute{Optional: true, Description: "Session duration as a Go duration; default 15 minutes."},
					"policy":                  schema.StringAttribute{Optional: true, Description: "IAM policy JSON that further restricts the session's permissions."},
					"policy_arns":             schema.ListAttribute{Optional: true, ElementType: types.StringType, Description: "ARNs of managed policies that further restrict the session's permissions."},
				},
			},
			"endpoints": schema.SingleNestedBlock{
				Description: "Custom service endpoints, for tests and private endpoints. AWS_ENDPOINT_URL_IAM and friends also work.",
				Attributes: map[string]schema.Attribute{
					"iam":        schema.StringAttribute{Optional: true, Description: "IAM endpoint URL."},
					"sts":        schema.StringAttribute{Optional: true, Description: "STS endpoint URL, used to check the credentials and by assume_role."},
					"cloudtrail": schema.StringAttribute{Optional: true, Description: "CloudTrail endpoint URL."},
				},
			},
			"baseline": baselineSchema(),
		},
	}
}

func (p *iamguardProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	if !req.Config.Raw.IsFullyKnown() {
		resp.Diagnostics.Append(unknownConfiguration())
		return
	}
	var m providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	c := &client{
		baseline: applyBaseline(ctx, m.Baseline, rules.DefaultBaseline(), &resp.Diagnostics),
		now:      p.now,
		report:   p.report,
	}
	if c.now == nil {
		c.now = time.Now
	}
	c.compliantAt = severitySetting(m.CompliantAt, rules.Low, path.Root("compliant_at"), &resp.Diagnostics)
	wait := durationSetting(m.CredentialReportWait, defaultReportWait, path.Root("credential_report_timeout"), &resp.Diagnostics)
	if c.report.Timeout == 0 { // unless a test set it
		c.report.Timeout = wait
	}
	readTimeout := p.readTimeout
	if readTimeout == 0 {
		readTimeout = defaultReadTimeout
	}
	opts := loadOptions(m, readTimeout, &resp.Diagnostics)
	pacer := pacerSetting(m, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}

	cfg, err := loadAWSConfig(ctx, readTimeout, opts...)
	if err != nil {
		resp.Diagnostics.Append(invalidAWSConfig(ctx, err))
		return
	}
	if cfg.Region == "" {
		cfg.Region = defaultRegion
	}
	setRetryer(&cfg, m)
	// Every IAM, STS and CloudTrail call: an empty success is an error,
	// never a result with nothing in it.
	cfg.APIOptions = append(cfg.APIOptions, awsmiddleware.AddUserAgentKeyValue("terraform-provider-iamguard", p.version), awsiam.RejectEmptyReplies)

	var ep endpointsModel
	if m.Endpoints != nil {
		ep = *m.Endpoints
	}
	stsClient := func(cfg aws.Config) *sts.Client {
		return sts.NewFromConfig(cfg, func(o *sts.Options) {
			if v := m.STSRegion.ValueString(); v != "" {
				o.Region = v
			}
			if v := ep.STS.ValueString(); v != "" {
				o.BaseEndpoint = aws.String(v)
			}
		})
	}
	if ar := m.AssumeRole; ar != nil {
		resp.Diagnostics.Append(assumeRole(&cfg, ar, stsClient(cfg))...)
	}
	if wi := m.WebIdentity; wi != nil {
		resp.Diagnostics.Append(assumeRoleWithWebIdentity(&cfg, wi, stsClient(cfg))...)
	}
	if resp.Diagnostics.HasError() {
		return
	}

	// One check of the credentials here gives one clear diagnostic, instead
	// of the same failure once per data source.
	var served time.Time
	c.account, served, err = awsiam.CallerAccount(ctx, cfg.Credentials, stsClient(cfg))
	if err != nil {
		resp.Diagnostics.Append(credentialsFailed(ctx, err, m))
		return
	}
	c.now = awsClock(c.now, served)
	resp.Diagnostics.Append(checkAccount(c.account, stringValues(m.AllowedAccountIDs), stringValues(m.ForbiddenAccountIDs))...)
	if resp.Diagnostics.HasError() {
		return
	}

	c.iam = iam.NewFromConfig(cfg, pacer.Apply, func(o *iam.Options) {
		if v := ep.IAM.ValueString(); v != "" {
			o.BaseEndpoint = aws.String(v)
		}
	})
	c.cloudtrail = cloudtrail.NewFromConfig(cfg, func(o *cloudtrail.Options) {
		if v := ep.CloudTrail.ValueString(); v != "" {
			o.BaseEndpoint = aws.String(v)
		}
	})
	resp.DataSourceData = c
}

// awsClock is the clock data sources judge AWS's dates against: the later
// of the host's (host) and AWS's, as a reply served at served says it is
// (host moved by their difference). A host clock behind AWS's would make
// old keys and certificates look young, and end a CloudTrail window before
// the newest events (round 264; round 151 found it for the credential
// report's age). AWS's is taken only where it is ahead, by more than what
// a Date header tells (whole seconds) and its round trip may: a Date from
// the past (an endpoint's, a proxy's) would make every key young (round
// 267), and a later clock only judges sooner.
func awsClock(host func() time.Time, served time.Time) func() time.Time {
	skew := served.Sub(host())
	if served.IsZero() || skew < clockTolerance {
		return host
	}
	return func() time.Time { return host().Add(skew) }
}

// clockTolerance is how far ahead of the host's AWS's clock must be for
// awsClock to take it.
const clockTolerance = 5 * time.Second

func (p *iamguardProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		newPasswordPolicyDataSource,
		newAccessKeysDataSource,
		newCredentialReportDataSource,
		newServerCertificatesDataSource,
		newSSHPublicKeysDataSource,
		newSigningCertificatesDataSource,
		newCloudTrailIAMLoggingDataSource,
		newIAMEventsDataSource,
		newAccountComplianceDataSource,
	}
}

func (p *iamguardProvider) Resources(context.Context) []func() resource.Resource { return nil }

// Functions are pure and offline: Terraform calls them without configuring
// the provider. certificate_info reads the provider's clock only when its
// now argument is null.
func (p *iamguardProvider) Functions(context.Context) []func() function.Function {
	return []func() function.Function{
		newPasswordPolicyFindingsFunction,
		func() function.Function { return certificateInfoFunction{now: p.now} },
		newSSHPublicKeyInfoFunction,
	}
}

func stringValues(vs []types.String) []string {
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		out = append(out, v.ValueString())
	}
	return out
}
