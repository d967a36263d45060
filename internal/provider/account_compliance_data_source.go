package provider

import (
	"context"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/iamguard/terraform-provider-iamguard/internal/awsiam"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

var _ datasource.DataSourceWithConfigure = (*accountComplianceDataSource)(nil)

type accountComplianceDataSource struct{ client *client }

func newAccountComplianceDataSource() datasource.DataSource { return &accountComplianceDataSource{} }

type accountComplianceModel struct {
	Events    *accountEventsModel   `tfsdk:"events"`
	Compliant types.Bool            `tfsdk:"compliant"`
	Counts    *severityCountsModel  `tfsdk:"counts"`
	Areas     []areaModel           `tfsdk:"areas"`
	Findings  []accountFindingModel `tfsdk:"findings"`
}

// accountEventsModel asks for the events area, with iamguard_iam_events'
// settings.
type accountEventsModel struct {
	Lookback           types.String   `tfsdk:"lookback"`
	MaxEvents          types.Int64    `tfsdk:"max_events"`
	ExpectedPrincipals []types.String `tfsdk:"expected_principals"`
}

type severityCountsModel struct {
	Critical types.Int64 `tfsdk:"critical"`
	High     types.Int64 `tfsdk:"high"`
	Medium   types.Int64 `tfsdk:"medium"`
	Low      types.Int64 `tfsdk:"low"`
	Info     types.Int64 `tfsdk:"info"`
}

type areaModel struct {
	Area      types.String `tfsdk:"area"`
	Read      types.Bool   `tfsdk:"read"`
	Compliant types.Bool   `tfsdk:"compliant"`
	Findings  types.Int64  `tfsdk:"findings"`
}

type accountFindingModel struct {
	Area     types.String `tfsdk:"area"`
	RuleID   types.String `tfsdk:"rule_id"`
	Rule     types.String `tfsdk:"rule"`
	Severity types.String `tfsdk:"severity"`
	Subject  types.String `tfsdk:"subject"`
	Message  types.String `tfsdk:"message"`
}

// An area is one part of the account the summary judges: what it reads,
// the rules that go unjudged when it cannot be read, and how it reads.
type area struct {
	name, what string
	rules      []*rules.Rule
	read       func(ctx context.Context, r *accountRead) (findings, error)
}

// accountRead is what the areas of one read share: the credential report
// and its findings, and the account summary, each read once for all of them.
type accountRead struct {
	client         *client
	report         func() (*awsiam.CredentialReport, error)
	summary        func() (rules.AccountSummary, error)
	users          func() ([]rules.ListedUser, error)
	reportFindings func() (findings, error) // areas split them by rule
	events         *accountEventsModel
	window         [2]time.Time
}

func newAccountRead(ctx context.Context, c *client, events *accountEventsModel) *accountRead {
	r := &accountRead{client: c, events: events}
	r.report = sync.OnceValues(func() (*awsiam.CredentialReport, error) { return awsiam.GetCredentialReport(ctx, c.iam, c.report) })
	r.summary = sync.OnceValues(func() (rules.AccountSummary, error) { return awsiam.AccountSummary(ctx, c.iam) })
	r.users = sync.OnceValues(func() ([]rules.ListedUser, error) { return awsiam.Users(ctx, c.iam) })
	r.reportFindings = sync.OnceValues(func() (findings, error) {
		rep, err := r.report()
		if err != nil {
			return nil, err
		}
		_, fs, err := c.credentialReportArea(ctx, rep, r.summary, r.users)
		return fs, err
	})
	return r
}

// reportKeyRules are the rules the credential report judges access keys by;
// their findings are the access_keys area's, and so is a gap about one of a
// user's keys (IG806, its Subject user/access_key_N, or user/access_keys
// for a user the report does not list), which leaves them undecided. Root's
// keys are the credential_report area's (IG803).
var reportKeyRules = []*rules.Rule{rules.AccessKeyMultipleActive, rules.AccessKeyNotRotated}

func isAccessKeyFinding(f findingModel) bool {
	id, subject := f.RuleID.ValueString(), f.Subject.ValueString()
	if id == rules.CheckIncomplete.ID {
		return strings.Contains(subject, "/access_key") && !strings.HasPrefix(subject, rules.RootUserName+"/")
	}
	return slices.ContainsFunc(reportKeyRules, func(r *rules.Rule) bool { return r.ID == id })
}

var areas = []area{
	{"password_policy", "the account password policy", rules.PolicyRules,
		func(ctx context.Context, r *accountRead) (findings, error) {
			_, fs, err := r.client.passwordPolicyArea(ctx)
			return fs, err
		}},
	{"credential_report", "the credential report", []*rules.Rule{rules.ConsoleUserNoMFA, rules.CredentialUnused,
		rules.RootAccessKey, rules.RootNoMFA, rules.RootUsedRecently, rules.CredentialReportStale},
		func(_ context.Context, r *accountRead) (findings, error) {
			fs, err := r.reportFindings()
			return filter(fs, func(f findingModel) bool { return !isAccessKeyFinding(f) }), err
		}},
	{"access_keys", "the credential report's access keys", reportKeyRules,
		func(_ context.Context, r *accountRead) (findings, error) {
			fs, err := r.reportFindings()
			// A stale report misses keys made or switched on since, as
			// it misses users (round 181): IG805 is this area's too.
			return filter(fs, func(f findingModel) bool {
				return isAccessKeyFinding(f) || f.RuleID.ValueString() == rules.CredentialReportStale.ID
			}), err
		}},
	{"server_certificates", "the server certificates", serverCertificateRules,
		func(ctx context.Context, r *accountRead) (findings, error) {
			_, fs, err := r.client.serverCertificatesArea(ctx, "", nil)
			return fs, err
		}},
	{"ssh_public_keys", "the SSH public keys", sshKeyRules,
		func(ctx context.Context, r *accountRead) (findings, error) {
			_, fs, err := r.client.sshPublicKeysArea(ctx, "")
			return fs, err
		}},
	{"signing_certificates", "the signing certificates", signingCertificateRules,
		func(ctx context.Context, r *accountRead) (findings, error) {
			report := func(context.Context) (*awsiam.CredentialReport, error) { return r.report() }
			summary := func(context.Context) (rules.AccountSummary, error) { return r.summary() }
			_, fs, err := r.client.signingCertificatesArea(ctx, "", report, summary)
			return fs, err
		}},
	{"cloudtrail", "the CloudTrail trails", []*rules.Rule{rules.CloudTrailNoIAMRecording, rules.CloudTrailGlobalEventsOff,
		rules.CloudTrailSingleRegion, rules.CloudTrailLoggingOff, rules.CloudTrailManagementEventsExcluded, rules.CloudTrailLogValidationOff},
		func(ctx context.Context, r *accountRead) (findings, error) {
			_, fs, err := r.client.cloudTrailArea(ctx)
			return fs, err
		}},
	{eventsArea, "the CloudTrail events", []*rules.Rule{rules.EventPasswordPolicyWeak, rules.EventAccessKeyActivated,
		rules.EventServerCertificateUploaded, rules.EventSSHKeyUploaded, rules.EventSigningCertificateDeleted},
		func(ctx context.Context, r *accountRead) (findings, error) {
			q := awsiam.EventsQuery{Names: rules.GuardedEvents, Start: r.window[0], End: r.window[1], MaxEvents: int(r.events.MaxEvents.ValueInt64())}
			_, fs, err := r.client.iamEventsArea(ctx, q, stringValues(r.events.ExpectedPrincipals))
			return fs, err
		}},
}

// eventsArea is read only when the configuration asks for it.
const eventsArea = "iam_events"

func filter(fs findings, keep func(findingModel) bool) findings {
	var out findings
	for _, f := range fs {
		if keep(f) {
			out = append(out, f)
		}
	}
	return out
}

func areaNames() []string {
	names := make([]string, len(areas))
	for i, a := range areas {
		names[i] = a.name
	}
	return names
}

func (d *accountComplianceDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_account_compliance"
}

func (d *accountComplianceDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	count := func(desc string) schema.Attribute { return schema.Int64Attribute{Computed: true, Description: desc} }
	str := func(desc string) schema.Attribute { return schema.StringAttribute{Computed: true, Description: desc} }
	resp.Schema = schema.Schema{
		Description: "Judges the whole account in one read, for one `check` block per account or a module `precondition`: " +
			"the password policy, the credential report (and the access keys it shows, without a call per user), the server " +
			"certificates, the SSH public keys, the signing certificates, CloudTrail's recording of IAM events and, when `events` " +
			"is set, the guarded IAM events. Each area is read and judged as its own data source does, all at once under the " +
			"provider's pacing, and the credential report is read once for all. An area that cannot be read (access denied, " +
			"throttled after retries) is an " + rules.CheckIncomplete.Name() + " finding in that area, never a pass, and the " +
			"rest is still judged. The report may be up to four hours old: a user iam:ListUsers names that it does not list " +
			"(made or renamed since), or lists as made at another time (deleted and made again under its name), is a " +
			rules.CheckIncomplete.ID + " finding in the credential_report area and another in the " +
			"access_keys area, since neither its password nor its keys were read; a row whose user is gone since is not judged; " +
			"and a stale report (" + rules.CredentialReportStale.ID + ") is a finding in both areas.",
		Attributes: map[string]schema.Attribute{
			"events": schema.SingleNestedAttribute{Optional: true,
				Description: "Set (even to `{}`) to judge the guarded IAM events too, as iamguard_iam_events does " +
					"(cloudtrail:LookupEvents, two requests a second).",
				Attributes: map[string]schema.Attribute{
					"lookback": schema.StringAttribute{Optional: true,
						Description: "How far back to look, as days (\"7d\") or a Go duration (\"36h\"). Default \"" + defaultLookback + "\"; at most \"90d\"."},
					"max_events": schema.Int64Attribute{Optional: true,
						Description: "Judge at most this many events, the newest. Default: every event in the window. " +
							"A cut that leaves events out (one more event is asked for, to see that there is one) is a " +
							rules.CheckIncomplete.Name() + " finding in the events area."},
					"expected_principals": schema.ListAttribute{Optional: true, ElementType: types.StringType,
						Description: "ARN globs of the principals expected to upload server certificates and SSH keys and delete " +
							"signing certificates, as in iamguard_iam_events. Default: none."},
				}},
			"compliant": schema.BoolAttribute{Computed: true,
				Description: "True when no finding in any area is at or above the provider's compliant_at severity (default low) " +
					"and none says that a fact could not be read (" + gapFindings + " whatever compliant_at says)."},
			"counts": schema.SingleNestedAttribute{Computed: true, Description: "Findings by severity.",
				Attributes: map[string]schema.Attribute{
					"critical": count("Critical findings."), "high": count("High findings."), "medium": count("Medium findings."),
					"low": count("Low findings."), "info": count("Info findings."),
				}},
			"areas": schema.ListNestedAttribute{Computed: true,
				Description: "One verdict per area, in this order: " + strings.Join(areaNames(), ", ") + " (the last only with `events`).",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"area":      str("The area's name."),
					"read":      schema.BoolAttribute{Computed: true, Description: "False when the area could not be read; its findings then say why."},
					"compliant": schema.BoolAttribute{Computed: true, Description: "True when none of the area's findings is at or above compliant_at, and none says that a fact could not be read."},
					"findings":  count("How many findings the area has."),
				}},
			},
			"findings": schema.ListNestedAttribute{Computed: true,
				Description: "Every area's findings, area by area, each with the same fields as the single data sources' findings and its area.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"area":     str("The area the finding is in."),
					"rule_id":  str("Stable rule ID, such as " + rules.PasswordMinLength.ID + "."),
					"rule":     str("Rule slug, such as password-min-length."),
					"severity": str("critical, high, medium, low or info."),
					"subject":  str("What the finding is about: account, a user name, a key or certificate ID or name, a trail."),
					"message":  str("What is wrong, in words."),
				}},
			},
		},
	}
}

func (d *accountComplianceDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = configureClient(req, resp)
}

func (d *accountComplianceDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m accountComplianceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	c := d.client
	r := newAccountRead(ctx, c, m.Events)
	if e := m.Events; e != nil {
		lookback, err := parseLookback(e.Lookback.ValueString())
		if e.Lookback.IsNull() {
			lookback, err = parseLookback(defaultLookback)
		}
		if err != nil {
			resp.Diagnostics.Append(invalidAttribute(path.Root("events").AtName("lookback"), "Invalid lookback", err.Error()))
		}
		if !e.MaxEvents.IsNull() && e.MaxEvents.ValueInt64() < 1 {
			resp.Diagnostics.Append(invalidAttribute(path.Root("events").AtName("max_events"), "Invalid max_events", "max_events must be 1 or more."))
		}
		resp.Diagnostics.Append(checkPrincipals(path.Root("events").AtName("expected_principals"), e.ExpectedPrincipals)...)
		end := c.now().UTC().Truncate(time.Second)
		r.window = [2]time.Time{end.Add(-lookback), end}
	}
	if resp.Diagnostics.HasError() {
		return
	}

	results := r.readAreas(ctx)
	if err := ctx.Err(); err != nil {
		resp.Diagnostics.AddError("Reading the account was cancelled", err.Error())
		return
	}
	m.Areas, m.Findings = []areaModel{}, []accountFindingModel{}
	var all findings
	counts := map[rules.Severity]int64{}
	for _, res := range results {
		fs := res.findings
		m.Areas = append(m.Areas, areaModel{Area: types.StringValue(res.name), Read: types.BoolValue(res.read),
			Compliant: c.compliant(fs), Findings: types.Int64Value(int64(len(fs)))})
		for _, f := range fs {
			counts[f.severity]++
			m.Findings = append(m.Findings, accountFindingModel{Area: types.StringValue(res.name), RuleID: f.RuleID, Rule: f.Rule,
				Severity: f.Severity, Subject: f.Subject, Message: f.Message})
		}
		all = append(all, fs...)
	}
	m.Compliant = c.compliant(all)
	m.Counts = &severityCountsModel{
		Critical: types.Int64Value(counts[rules.Critical]), High: types.Int64Value(counts[rules.High]),
		Medium: types.Int64Value(counts[rules.Medium]), Low: types.Int64Value(counts[rules.Low]), Info: types.Int64Value(counts[rules.Info]),
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// areaResult is an area's findings, or when it could not be read, the
// finding that says so.
type areaResult struct {
	name     string
	read     bool
	findings findings
}

// readAreas reads and judges every area at once (the events area only when
// asked for), in the order of areas: the IAM calls share the provider's
// pacing, the CloudTrail calls CloudTrail's.
func (r *accountRead) readAreas(ctx context.Context) []areaResult {
	var todo []area
	for _, a := range areas {
		if a.name != eventsArea || r.events != nil {
			todo = append(todo, a)
		}
	}
	out := make([]areaResult, len(todo))
	var wg sync.WaitGroup
	for i, a := range todo {
		wg.Go(func() {
			fs, err := a.read(ctx, r)
			if err != nil {
				fs = nil
				fs.add("account", rules.Incomplete(a.what, gapReason(err), a.rules...))
			}
			out[i] = areaResult{name: a.name, read: err == nil, findings: fs}
		})
	}
	wg.Wait()
	return out
}
