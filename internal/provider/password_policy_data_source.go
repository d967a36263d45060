package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/iamguard/terraform-provider-iamguard/internal/awsiam"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

var _ datasource.DataSourceWithConfigure = (*passwordPolicyDataSource)(nil)

type passwordPolicyDataSource struct{ client *client }

func newPasswordPolicyDataSource() datasource.DataSource { return &passwordPolicyDataSource{} }

type passwordPolicyModel struct {
	Exists                     types.Bool     `tfsdk:"exists"`
	MinimumPasswordLength      types.Int64    `tfsdk:"minimum_password_length"`
	RequireUppercaseCharacters types.Bool     `tfsdk:"require_uppercase_characters"`
	RequireLowercaseCharacters types.Bool     `tfsdk:"require_lowercase_characters"`
	RequireNumbers             types.Bool     `tfsdk:"require_numbers"`
	RequireSymbols             types.Bool     `tfsdk:"require_symbols"`
	MaxPasswordAge             types.Int64    `tfsdk:"max_password_age"`
	PasswordReusePrevention    types.Int64    `tfsdk:"password_reuse_prevention"`
	AllowUsersToChangePassword types.Bool     `tfsdk:"allow_users_to_change_password"`
	HardExpiry                 types.Bool     `tfsdk:"hard_expiry"`
	Compliant                  types.Bool     `tfsdk:"compliant"`
	Findings                   []findingModel `tfsdk:"findings"`
}

func (d *passwordPolicyDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_password_policy"
}

func (d *passwordPolicyDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := findingsAttributes()
	for name, desc := range map[string]string{
		"exists":                         "False when the account has no custom password policy; the other attributes then show AWS's default, which is what is judged.",
		"require_uppercase_characters":   "Whether passwords need an uppercase letter.",
		"require_lowercase_characters":   "Whether passwords need a lowercase letter.",
		"require_numbers":                "Whether passwords need a number.",
		"require_symbols":                "Whether passwords need a symbol.",
		"allow_users_to_change_password": "Whether users may change their own password.",
		"hard_expiry":                    "Whether an expired password can only be reset by an administrator.",
	} {
		attrs[name] = schema.BoolAttribute{Computed: true, Description: desc}
	}
	for name, desc := range map[string]string{
		"minimum_password_length":   "Minimum password length.",
		"max_password_age":          "Days before a password expires; 0 means never.",
		"password_reuse_prevention": "How many previous passwords cannot be reused; 0 means reuse is allowed.",
	} {
		attrs[name] = schema.Int64Attribute{Computed: true, Description: desc}
	}
	resp.Schema = schema.Schema{
		Description: "Reads the account password policy (iam:GetAccountPasswordPolicy) and judges it with the same rules " +
			"that iamguard lint applies to a planned aws_iam_account_password_policy: " + rules.Names(rules.PolicyRules...) + ". " +
			"An account without a policy is judged as AWS's default policy.",
		Attributes: attrs,
	}
}

func (d *passwordPolicyDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = configureClient(req, resp)
}

func (d *passwordPolicyDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	m, fs, err := d.client.passwordPolicyArea(ctx)
	if err != nil {
		resp.Diagnostics.Append(readFailed(ctx, "the account password policy", err))
		return
	}
	m.Compliant, m.Findings = d.client.compliant(fs), fs.list()
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// passwordPolicyArea reads the account password policy and judges it.
func (c *client) passwordPolicyArea(ctx context.Context) (passwordPolicyModel, findings, error) {
	p, exists, err := awsiam.PasswordPolicy(ctx, c.iam)
	if err != nil {
		return passwordPolicyModel{}, nil, err
	}
	var fs findings
	fs.add("account", rules.EvaluatePasswordPolicy(p, c.baseline)...)
	return passwordPolicyModel{
		Exists:                     types.BoolValue(exists),
		MinimumPasswordLength:      types.Int64Value(int64(p.MinimumLength.V)),
		RequireUppercaseCharacters: types.BoolValue(p.RequireUppercase.V),
		RequireLowercaseCharacters: types.BoolValue(p.RequireLowercase.V),
		RequireNumbers:             types.BoolValue(p.RequireNumbers.V),
		RequireSymbols:             types.BoolValue(p.RequireSymbols.V),
		MaxPasswordAge:             types.Int64Value(int64(p.MaxAgeDays.V)),
		PasswordReusePrevention:    types.Int64Value(int64(p.ReusePrevention.V)),
		AllowUsersToChangePassword: types.BoolValue(p.AllowUsersToChange.V),
		HardExpiry:                 types.BoolValue(p.HardExpiry.V),
	}, fs, nil
}
