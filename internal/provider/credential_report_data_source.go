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

var _ datasource.DataSourceWithConfigure = (*credentialReportDataSource)(nil)

type credentialReportDataSource struct{ client *client }

func newCredentialReportDataSource() datasource.DataSource { return &credentialReportDataSource{} }

type credentialReportModel struct {
	GeneratedTime types.String      `tfsdk:"generated_time"`
	AgeSeconds    types.Int64       `tfsdk:"age_seconds"`
	Refreshed     types.Bool        `tfsdk:"generated_on_request"`
	Users         []reportUserModel `tfsdk:"users"`
	Compliant     types.Bool        `tfsdk:"compliant"`
	Findings      []findingModel    `tfsdk:"findings"`
}

// reportUserModel mirrors the report's CSV columns; dates are RFC 3339 or null.
type reportUserModel struct {
	User                      types.String `tfsdk:"user"`
	ARN                       types.String `tfsdk:"arn"`
	Root                      types.Bool   `tfsdk:"root"`
	UserCreationTime          types.String `tfsdk:"user_creation_time"`
	PasswordEnabled           types.Bool   `tfsdk:"password_enabled"`
	PasswordLastUsed          types.String `tfsdk:"password_last_used"`
	PasswordLastChanged       types.String `tfsdk:"password_last_changed"`
	PasswordNextRotation      types.String `tfsdk:"password_next_rotation"`
	MFAActive                 types.Bool   `tfsdk:"mfa_active"`
	AccessKey1Active          types.Bool   `tfsdk:"access_key_1_active"`
	AccessKey1LastRotated     types.String `tfsdk:"access_key_1_last_rotated"`
	AccessKey1LastUsedDate    types.String `tfsdk:"access_key_1_last_used_date"`
	AccessKey1LastUsedRegion  types.String `tfsdk:"access_key_1_last_used_region"`
	AccessKey1LastUsedService types.String `tfsdk:"access_key_1_last_used_service"`
	AccessKey2Active          types.Bool   `tfsdk:"access_key_2_active"`
	AccessKey2LastRotated     types.String `tfsdk:"access_key_2_last_rotated"`
	AccessKey2LastUsedDate    types.String `tfsdk:"access_key_2_last_used_date"`
	AccessKey2LastUsedRegion  types.String `tfsdk:"access_key_2_last_used_region"`
	AccessKey2LastUsedService types.String `tfsdk:"access_key_2_last_used_service"`
	Cert1Active               types.Bool   `tfsdk:"cert_1_active"`
	Cert1LastRotated          types.String `tfsdk:"cert_1_last_rotated"`
	Cert2Active               types.Bool   `tfsdk:"cert_2_active"`
	Cert2LastRotated          types.String `tfsdk:"cert_2_last_rotated"`
}

func (d *credentialReportDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_credential_report"
}

func (d *credentialReportDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := findingsAttributes()
	attrs["generated_time"] = schema.StringAttribute{Computed: true, Description: "When IAM generated the report (RFC 3339); null when IAM's reply gave no time (a " +
		rules.CheckIncomplete.ID + " finding)."}
	attrs["age_seconds"] = schema.Int64Attribute{Computed: true, Description: "Age of the report when it was read, in seconds, by IAM's clock (the Date of its reply), so a host clock that runs " +
		"ahead or behind does not age the report, unless the Date is missing or more than " + fmt.Sprint(awsiam.MaxDateSkew.Minutes()) + " minutes from the provider's clock (the host's, or STS's " +
		"where ahead), which is then used; judged against the baseline (" +
		rules.CredentialReportStale.Name() + ") however the report was obtained; null when its generation time is not known."}
	attrs["generated_on_request"] = schema.BoolAttribute{Computed: true, Description: "True when IAM generated the report (or confirmed one younger than four hours) " +
		"on this read; false when GenerateCredentialReport was denied or failed and the report IAM already held was read instead."}
	user := map[string]schema.Attribute{
		"user": schema.StringAttribute{Computed: true, Description: "User name; <root_account> for the root user."},
		"arn":  schema.StringAttribute{Computed: true, Description: "User ARN."},
		"root": schema.BoolAttribute{Computed: true, Description: "True for the root user's row."},
		"password_enabled": schema.BoolAttribute{Computed: true, Description: "Whether the user has a console password; null when the report gives no value (N/A, not_supported). " +
			"AWS writes not_supported for the root user: whether root has a password is read from the account summary (AccountPasswordPresent)."},
		"mfa_active": schema.BoolAttribute{Computed: true, Description: "Whether an MFA device is enabled; null when the report gives no value."},
	}
	date := func(name, desc string) {
		user[name] = schema.StringAttribute{Computed: true, Description: desc + " (RFC 3339); null when N/A or never."}
	}
	date("user_creation_time", "When the user was created")
	date("password_last_used", "When the console password was last used")
	date("password_last_changed", "When the console password was last changed")
	date("password_next_rotation", "When the password policy next requires a change")
	for i := 1; i <= 2; i++ {
		p := fmt.Sprintf("access_key_%d_", i)
		user[p+"active"] = schema.BoolAttribute{Computed: true, Description: fmt.Sprintf("Whether access key %d is active; null when the report gives no value.", i)}
		date(p+"last_rotated", fmt.Sprintf("When access key %d was created or last rotated", i))
		date(p+"last_used_date", fmt.Sprintf("When access key %d was last used", i))
		user[p+"last_used_region"] = schema.StringAttribute{Computed: true, Description: "Region of that last use; null when N/A."}
		user[p+"last_used_service"] = schema.StringAttribute{Computed: true, Description: "Service of that last use; null when N/A."}
		p = fmt.Sprintf("cert_%d_", i)
		user[p+"active"] = schema.BoolAttribute{Computed: true, Description: fmt.Sprintf("Whether signing certificate %d is active; null when the report gives no value.", i)}
		date(p+"last_rotated", fmt.Sprintf("When signing certificate %d was created or last rotated", i))
	}
	attrs["users"] = schema.ListNestedAttribute{Computed: true, Description: "One element per report row, root first as IAM writes it.",
		NestedObject: schema.NestedAttributeObject{Attributes: user}}
	resp.Schema = schema.Schema{
		Description: "Reads the IAM credential report (iam:GenerateCredentialReport, polled until complete, then " +
			"iam:GetCredentialReport) and the account summary (iam:GetAccountSummary): a fixed handful of calls whatever the number of users. Judges " +
			rules.Names(rules.ConsoleUserNoMFA, rules.CredentialUnused, rules.RootAccessKey, rules.RootNoMFA, rules.RootUsedRecently, rules.CredentialReportStale) +
			", and each user's access keys as iamguard lint judges planned ones (" +
			rules.Names(rules.AccessKeyMultipleActive, rules.AccessKeyNotRotated) + "). A never-used credential is judged by its age. " +
			"The root user's MFA is judged only when root has a password, an active access key or an active signing certificate " +
			"(cross-checked with the live account summary), so a member account without root credentials passes. " +
			"Whether root has a password is the summary's AccountPasswordPresent (the report says not_supported for root); " +
			"a summary without it leaves " + rules.RootNoMFA.ID + " unjudged, a " + rules.CheckIncomplete.Name() + " finding, unless root has a key or certificate. " +
			"A report without the root user's row (<root_account>) is a " + rules.CheckIncomplete.Name() + " finding, and root is then " +
			"judged from the account summary alone: any root access key it shows is " + rules.RootAccessKey.ID + ". " +
			"IAM hands back a report up to four hours old, and the summary is live: a root access key the summary shows and " +
			"the report does not list is " + rules.RootAccessKey.ID + ", and the report's root keys and certificates count for " +
			"nothing once the summary shows none. The summary counts them active or not: where the report lists root's only as inactive, " +
			"one switched on or added since cannot be told, and " + rules.RootAccessKey.ID + " (with " + rules.RootNoMFA.ID + " when root has no MFA and " +
			"nothing else to protect) is not judged, a " + rules.CheckIncomplete.Name() + " finding. " +
			"A report that does not parse as AWS documents it (a missing column, a short row, a bad date) is an error; " +
			"a value a rule needs that the report leaves out (N/A, not_supported) is a " + rules.CheckIncomplete.Name() + " finding naming the column. " +
			"More users in the account summary than the report lists (made since: IAM hands back a report up to four hours old) " +
			"is two " + rules.CheckIncomplete.Name() + " findings, their console passwords and MFA (subject account) and their access keys " +
			"(subject account/access_keys) not judged; a user deleted since offsets one made since in that count, which " +
			"iamguard_account_compliance, listing the users by name, does not miss. " +
			"A finding about one key has the subject user/access_key_N.",
		Attributes: attrs,
	}
}

func (d *credentialReportDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = configureClient(req, resp)
}

func (d *credentialReportDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	rep, err := awsiam.GetCredentialReport(ctx, d.client.iam, d.client.report)
	if err != nil {
		resp.Diagnostics.Append(readFailed(ctx, "the credential report", err))
		return
	}
	m, fs, err := d.client.credentialReportArea(ctx, rep, func() (rules.AccountSummary, error) { return awsiam.AccountSummary(ctx, d.client.iam) }, nil)
	if err != nil {
		resp.Diagnostics.Append(readFailed(ctx, "the account summary", err))
		return
	}
	m.Compliant, m.Findings = d.client.compliant(fs), fs.list()
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// credentialReportArea judges a credential report, with the account
// summary (read here) for the root user and for the users made since the
// report, which readUsers, when given, names rather than counts.
func (c *client) credentialReportArea(ctx context.Context, rep *awsiam.CredentialReport, readSummary func() (rules.AccountSummary, error),
	readUsers func() ([]rules.ListedUser, error)) (credentialReportModel, findings, error) {
	now, b := c.now(), c.baseline
	var fs findings
	notRefreshed := ""
	if rep.NotRefreshed != nil {
		notRefreshed = gapReason(rep.NotRefreshed)
	}
	// The report's age by IAM's clock, which made GeneratedTime.
	if f, ok := rules.CredentialReportAge(rep.GeneratedTime, rep.AgeClock(now), notRefreshed, b); ok {
		fs.add("account", f)
	}
	summary, err := readSummary()
	if err != nil {
		if !awsiam.IsGap(err) {
			return credentialReportModel{}, nil, err
		}
		fs.add("account", rules.SummaryUnread(gapReason(err)))
	}
	m := credentialReportModel{
		GeneratedTime: timeValue(rep.GeneratedTime),
		AgeSeconds:    types.Int64Null(),
		Refreshed:     types.BoolValue(rep.NotRefreshed == nil),
		Users:         []reportUserModel{},
	}
	if !rep.GeneratedTime.IsZero() {
		m.AgeSeconds = types.Int64Value(int64(rep.AgeClock(now).Sub(rep.GeneratedTime).Seconds()))
	}
	users := make([]rules.CredentialUser, 0, len(rep.Users))
	for _, u := range rep.Users {
		users = append(users, credentialUser(u))
		k1, k2, c1, c2 := u.AccessKeys[0], u.AccessKeys[1], u.Certs[0], u.Certs[1]
		m.Users = append(m.Users, reportUserModel{
			User: types.StringValue(u.User), ARN: types.StringValue(u.ARN), Root: types.BoolValue(u.Root()),
			UserCreationTime:          timeValue(u.Created),
			PasswordEnabled:           boolValue(u.PasswordEnabled),
			PasswordLastUsed:          timeValue(u.PasswordLastUsed),
			PasswordLastChanged:       timeValue(u.PasswordLastChanged),
			PasswordNextRotation:      timeValue(u.PasswordNextRotation),
			MFAActive:                 boolValue(u.MFAActive),
			AccessKey1Active:          boolValue(k1.Active),
			AccessKey1LastRotated:     timeValue(k1.LastRotated),
			AccessKey1LastUsedDate:    timeValue(k1.LastUsed),
			AccessKey1LastUsedRegion:  stringOrNull(k1.LastUsedRegion),
			AccessKey1LastUsedService: stringOrNull(k1.LastUsedService),
			AccessKey2Active:          boolValue(k2.Active),
			AccessKey2LastRotated:     timeValue(k2.LastRotated),
			AccessKey2LastUsedDate:    timeValue(k2.LastUsed),
			AccessKey2LastUsedRegion:  stringOrNull(k2.LastUsedRegion),
			AccessKey2LastUsedService: stringOrNull(k2.LastUsedService),
			Cert1Active:               boolValue(c1.Active),
			Cert1LastRotated:          timeValue(c1.LastRotated),
			Cert2Active:               boolValue(c2.Active),
			Cert2LastRotated:          timeValue(c2.LastRotated),
		})
	}
	// The report may be up to four hours old: a user made since is not in
	// it, nor its password and keys (round 179), and one gone since is
	// (round 241). Without readUsers (a listing per thousand users), the
	// summary's count tells of the first.
	var gaps []rules.Finding
	judged := users
	if readUsers == nil {
		gaps = rules.UncountedUsers(summary, users, rep.GeneratedTime)
	} else if listed, err := readUsers(); err != nil {
		gaps = rules.UsersUnlisted(gapReason(err)) // the report itself is judged all the same
	} else {
		gaps, judged = rules.UnreportedUsers(listed, users, rep.GeneratedTime), rules.CurrentRows(listed, users)
	}
	// Its dates are IAM's, judged by IAM's clock too: a host clock behind
	// IAM's made old keys young (round 151).
	// Its rows' dates are judged as every data source judges AWS's (see
	// awsClock): against the later of the clock and the reply's, which a
	// Date from the past would make young (round 270).
	rowsAt := rep.AgeClock(now)
	if now.After(rowsAt) {
		rowsAt = now
	}
	for _, f := range rules.EvaluateCredentialReport(judged, summary, rowsAt, b) {
		fs.add(f.Subject, f)
	}
	for _, f := range gaps {
		fs.add(f.Subject, f)
	}
	return m, fs, nil
}

// credentialUser is a report row as the rules see it.
func credentialUser(u awsiam.ReportUser) rules.CredentialUser {
	cu := rules.CredentialUser{
		Name: u.User, Root: u.Root(), Created: u.Created,
		PasswordEnabled: u.PasswordEnabled, PasswordLastUsed: u.PasswordLastUsed, PasswordLastChanged: u.PasswordLastChanged,
		MFAActive: u.MFAActive,
	}
	for i, k := range u.AccessKeys {
		slot := fmt.Sprintf("access_key_%d", i+1)
		if k.Active.Unknown {
			cu.KeysUnknown = append(cu.KeysUnknown, slot)
		}
		cu.Keys = append(cu.Keys, rules.AccessKey{
			Name: slot, Live: true, Active: k.Active.V && !k.Active.Unknown, Created: k.LastRotated, LastUsed: k.LastUsed, UsageKnown: true,
		})
	}
	for _, c := range u.Certs {
		cu.Certificates = append(cu.Certificates, c.Active)
		if !c.LastRotated.IsZero() {
			cu.CertificatesListed++
		}
	}
	return cu
}
