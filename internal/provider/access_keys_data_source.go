package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/iamguard/terraform-provider-iamguard/internal/awsiam"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

var _ datasource.DataSourceWithConfigure = (*accessKeysDataSource)(nil)

type accessKeysDataSource struct{ client *client }

func newAccessKeysDataSource() datasource.DataSource { return &accessKeysDataSource{} }

type accessKeysModel struct {
	UserName   types.String     `tfsdk:"user_name"`
	AccessKeys []accessKeyModel `tfsdk:"access_keys"`
	Compliant  types.Bool       `tfsdk:"compliant"`
	Findings   []findingModel   `tfsdk:"findings"`
}

type accessKeyModel struct {
	UserName        types.String `tfsdk:"user_name"`
	AccessKeyID     types.String `tfsdk:"access_key_id"`
	Status          types.String `tfsdk:"status"`
	CreateDate      types.String `tfsdk:"create_date"`
	AgeDays         types.Int64  `tfsdk:"age_days"`
	LastUsedDate    types.String `tfsdk:"last_used_date"`
	LastUsedService types.String `tfsdk:"last_used_service"`
	LastUsedRegion  types.String `tfsdk:"last_used_region"`
}

func (d *accessKeysDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_access_keys"
}

func (d *accessKeysDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := findingsAttributes()
	attrs["user_name"] = schema.StringAttribute{Optional: true,
		Description: "Read only this user's keys. Default: every user's (iam:ListUsers)."}
	str := func(desc string) schema.Attribute { return schema.StringAttribute{Computed: true, Description: desc} }
	attrs["access_keys"] = schema.ListNestedAttribute{Computed: true,
		Description: "Every access key, ordered by user name then key ID. Secrets are never read.",
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"user_name":         str("User the key belongs to."),
			"access_key_id":     str("Access key ID."),
			"status":            str("As IAM gives it: Active or Inactive (its API also names Expired)."),
			"create_date":       str("When the key was created (RFC 3339)."),
			"age_days":          schema.Int64Attribute{Computed: true, Description: "Whole days since create_date; null when IAM gave no create_date (unknown, not zero)."},
			"last_used_date":    str("When the key was last used (RFC 3339); null if never used or unknown."),
			"last_used_service": str("Service the key was last used with; null if never used or unknown."),
			"last_used_region":  str("Region the key was last used in; null if never used or unknown."),
		}},
	}
	resp.Schema = schema.Schema{
		Description: "Lists access keys with their last use (iam:ListUsers, iam:ListAccessKeys, iam:GetAccessKeyLastUsed; " +
			"at most 16 calls at once) and judges each user's keys as iamguard lint judges planned ones: " +
			rules.Names(rules.AccessKeyMultipleActive, rules.AccessKeyNotRotated, rules.CredentialUnused) + ". " +
			"If last use cannot be read (AccessDenied, throttling, or a key gone since it was listed), the keys are still listed and a " + rules.CheckIncomplete.Name() + " finding says what was not judged; " +
			"so does one naming a user whose keys cannot be listed (AccessDenied, throttling, or gone since it was listed: deleted, or renamed), the rest still judged; " +
			"so does one for a key whose status is not Active, Inactive or Expired, or an active key IAM gives no create_date for. " +
			"A refused iam:ListUsers (or, with user_name, a refused listing of that user's keys) fails the read.",
		Attributes: attrs,
	}
}

func (d *accessKeysDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = configureClient(req, resp)
}

func (d *accessKeysDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m accessKeysModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	read, err := awsiam.AccessKeys(ctx, d.client.iam, m.UserName.ValueString())
	if err != nil {
		resp.Diagnostics.Append(readFailed(ctx, "access keys", err))
		return
	}
	now := d.client.now()
	m.AccessKeys = []accessKeyModel{}
	var users []string // in key order, for stable findings
	byUser := map[string][]rules.AccessKey{}
	unknown := 0
	for _, k := range read.Keys {
		m.AccessKeys = append(m.AccessKeys, accessKeyModel{
			UserName:        types.StringValue(k.UserName),
			AccessKeyID:     types.StringValue(k.AccessKeyID),
			Status:          types.StringValue(k.Status),
			CreateDate:      timeValue(k.Created),
			AgeDays:         daysSince(k.Created, now),
			LastUsedDate:    timeValue(k.LastUsed),
			LastUsedService: stringOrNull(k.LastUsedService),
			LastUsedRegion:  stringOrNull(k.LastUsedRegion),
		})
		if k.LastUsedUnknown {
			unknown++
		}
		if _, seen := byUser[k.UserName]; !seen {
			users = append(users, k.UserName)
		}
		byUser[k.UserName] = append(byUser[k.UserName], rules.AccessKey{Name: k.AccessKeyID, Live: true, Active: k.Active(), StatusUnreadable: !k.StatusKnown(),
			Created: k.Created, CreatedMissing: k.Created.IsZero(), LastUsed: k.LastUsed, UsageKnown: !k.LastUsedUnknown})
	}
	var fs, perUser findings // keys' findings first, then users'
	for _, u := range users {
		for _, f := range rules.EvaluateAccessKeys(rules.Known(u), byUser[u], now, d.client.baseline) {
			if f.Subject == u {
				perUser.add(u, f)
			} else {
				fs.add(f.Subject, f)
			}
		}
	}
	fs = append(fs, perUser...)
	for _, g := range read.Users {
		fs.add(g.Name, rules.Incomplete(g.Item, gapReason(g.Err), rules.AccessKeyMultipleActive, rules.AccessKeyNotRotated, rules.CredentialUnused))
	}
	if read.LastUsed != nil {
		fs.add("account", rules.Incomplete(fmt.Sprintf("the last use of %d access key(s)", unknown), gapReason(read.LastUsed), rules.CredentialUnused))
	}
	m.Compliant = d.client.compliant(fs)
	m.Findings = fs.list()
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
