// Package provider is the Terraform glue: the iamguard provider, its data
// sources and its functions. Judgement lives in internal/rules, AWS reads in
// internal/awsiam.
package provider

import (
	"context"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
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

// defaultMaxRetries applies when neither max_retries nor AWS_MAX_ATTEMPTS is set.
const defaultMaxRetries = 10

type iamguardProvider struct {
	version string
	// Test hooks; zero values mean the real clock and default polling.
	now    func() time.Time
	report awsiam.ReportOptions
}

// New returns a constructor for the provider, as providerserver.Serve wants.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &iamguardProvider{version: version, now: time.Now} }
}

// client is what Configure hands to every data source.
type client struct {
	iam      *iam.Client
	baseline rules.Baseline
	now      func() time.Time
	report   awsiam.ReportOptions
}

type providerModel struct {
	Region                 types.String     `tfsdk:"region"`
	Profile                types.String     `tfsdk:"profile"`
	AccessKey              types.String     `tfsdk:"access_key"`
	SecretKey              types.String     `tfsdk:"secret_key"`
	Token                  types.String     `tfsdk:"token"`
	SharedConfigFiles      []types.String   `tfsdk:"shared_config_files"`
	SharedCredentialsFiles []types.String   `tfsdk:"shared_credentials_files"`
	MaxRetries             types.Int64      `tfsdk:"max_retries"`
	AssumeRole             *assumeRoleModel `tfsdk:"assume_role"`
	Endpoints              *endpointsModel  `tfsdk:"endpoints"`
	Baseline               *baselineModel   `tfsdk:"baseline"`
}

type assumeRoleModel struct {
	RoleARN     types.String `tfsdk:"role_arn"`
	SessionName types.String `tfsdk:"session_name"`
	ExternalID  types.String `tfsdk:"external_id"`
	Duration    types.String `tfsdk:"duration"`
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
				Description: "How many times a throttled or failed call is retried, with exponential backoff, before the data source fails. " +
					"Falls back to AWS_MAX_ATTEMPTS (which counts attempts, so one more than retries), then 10."},
		},
		Blocks: map[string]schema.Block{
			"assume_role": schema.SingleNestedBlock{
				Description: "Role to assume with STS AssumeRole before reading IAM.",
				Attributes: map[string]schema.Attribute{
					"role_arn":     schema.StringAttribute{Optional: true, Description: "ARN of the role to assume. Required when the block is present."},
					"session_name": schema.StringAttribute{Optional: true, Description: "Session name; defaults to one the SDK chooses."},
					"external_id":  schema.StringAttribute{Optional: true, Description: "External ID the role's trust policy requires."},
					"duration":     schema.StringAttribute{Optional: true, Description: "Session duration as a Go duration, such as \"1h\" or \"15m\"; default 15 minutes."},
				},
			},
			"endpoints": schema.SingleNestedBlock{
				Description: "Custom service endpoints, for tests and private endpoints. AWS_ENDPOINT_URL_IAM and friends also work.",
				Attributes: map[string]schema.Attribute{
					"iam":        schema.StringAttribute{Optional: true, Description: "IAM endpoint URL."},
					"sts":        schema.StringAttribute{Optional: true, Description: "STS endpoint URL, used by assume_role."},
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
	baseline := m.Baseline.apply(rules.DefaultBaseline(), &resp.Diagnostics)

	var opts []func(*config.LoadOptions) error
	if v := m.Region.ValueString(); v != "" {
		opts = append(opts, config.WithRegion(v))
	}
	if v := m.Profile.ValueString(); v != "" {
		opts = append(opts, config.WithSharedConfigProfile(v))
	}
	if len(m.SharedConfigFiles) > 0 {
		opts = append(opts, config.WithSharedConfigFiles(stringValues(m.SharedConfigFiles)))
	}
	if len(m.SharedCredentialsFiles) > 0 {
		opts = append(opts, config.WithSharedCredentialsFiles(stringValues(m.SharedCredentialsFiles)))
	}
	ak, sk := m.AccessKey.ValueString(), m.SecretKey.ValueString()
	switch {
	case ak != "" && sk != "":
		opts = append(opts, config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(ak, sk, m.Token.ValueString())))
	case ak != "":
		resp.Diagnostics.Append(invalidAttribute(path.Root("secret_key"), "Missing secret_key", "access_key is set, so secret_key must be set too."))
	case sk != "":
		resp.Diagnostics.Append(invalidAttribute(path.Root("access_key"), "Missing access_key", "secret_key is set, so access_key must be set too."))
	}
	if !m.MaxRetries.IsNull() && m.MaxRetries.ValueInt64() < 0 {
		resp.Diagnostics.Append(invalidAttribute(path.Root("max_retries"), "Invalid max_retries", "max_retries must be 0 or more."))
	}
	if resp.Diagnostics.HasError() {
		return
	}
	opts = append(opts, config.WithHTTPClient(awshttp.NewBuildableClient().WithTransportOptions(func(t *http.Transport) {
		t.MaxIdleConnsPerHost = awsiam.MaxInFlight // keep one connection per concurrent call
	})))

	cfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		resp.Diagnostics.Append(invalidAWSConfig(ctx, err))
		return
	}
	if cfg.Region == "" {
		cfg.Region = defaultRegion
	}
	attempts := defaultMaxRetries + 1
	switch {
	case !m.MaxRetries.IsNull():
		attempts = int(m.MaxRetries.ValueInt64()) + 1
	case cfg.RetryMaxAttempts > 0: // AWS_MAX_ATTEMPTS or the profile's max_attempts
		attempts = cfg.RetryMaxAttempts
	}
	cfg.Retryer = func() aws.Retryer {
		return retry.NewStandard(func(o *retry.StandardOptions) {
			o.MaxAttempts = attempts
			// Without the client-side retry quota a long listing keeps
			// retrying throttled calls instead of giving up early.
			o.RateLimiter = ratelimit.None
		})
	}
	cfg.RetryMaxAttempts = 0 // the Retryer above decides
	cfg.APIOptions = append(cfg.APIOptions, awsmiddleware.AddUserAgentKeyValue("terraform-provider-iamguard", p.version))

	var ep endpointsModel
	if m.Endpoints != nil {
		ep = *m.Endpoints
	}
	if ar := m.AssumeRole; ar != nil {
		resp.Diagnostics.Append(assumeRole(&cfg, ar, ep.STS.ValueString())...)
		if resp.Diagnostics.HasError() {
			return
		}
	}
	c := &client{
		iam: iam.NewFromConfig(cfg, func(o *iam.Options) {
			if v := ep.IAM.ValueString(); v != "" {
				o.BaseEndpoint = aws.String(v)
			}
		}),
		baseline: baseline,
		now:      p.now,
		report:   p.report,
	}
	if c.now == nil {
		c.now = time.Now
	}
	resp.DataSourceData = c
}

func (p *iamguardProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		newPasswordPolicyDataSource,
		newAccessKeysDataSource,
		newCredentialReportDataSource,
	}
}

func (p *iamguardProvider) Resources(context.Context) []func() resource.Resource { return nil }

func stringValues(vs []types.String) []string {
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		out = append(out, v.ValueString())
	}
	return out
}
