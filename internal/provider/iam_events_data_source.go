package provider

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws/arn"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/iamguard/terraform-provider-iamguard/internal/awsiam"
	"github.com/iamguard/terraform-provider-iamguard/internal/glob"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

var _ datasource.DataSourceWithConfigure = (*iamEventsDataSource)(nil)

type iamEventsDataSource struct{ client *client }

func newIAMEventsDataSource() datasource.DataSource { return &iamEventsDataSource{} }

// defaultLookback is how far back iamguard_iam_events looks by default.
const defaultLookback = "7d"

type iamEventsModel struct {
	EventNames         []types.String `tfsdk:"event_names"`
	Lookback           types.String   `tfsdk:"lookback"`
	MaxEvents          types.Int64    `tfsdk:"max_events"`
	ExpectedPrincipals []types.String `tfsdk:"expected_principals"`
	StartTime          types.String   `tfsdk:"start_time"`
	EndTime            types.String   `tfsdk:"end_time"`
	Truncated          types.Bool     `tfsdk:"truncated"`
	Events             []eventModel   `tfsdk:"events"`
	Compliant          types.Bool     `tfsdk:"compliant"`
	Findings           []findingModel `tfsdk:"findings"`
}

type eventModel struct {
	EventID           types.String            `tfsdk:"event_id"`
	EventTime         types.String            `tfsdk:"event_time"`
	EventName         types.String            `tfsdk:"event_name"`
	PrincipalARN      types.String            `tfsdk:"principal_arn"`
	PrincipalType     types.String            `tfsdk:"principal_type"`
	UserName          types.String            `tfsdk:"user_name"`
	AccessKeyID       types.String            `tfsdk:"access_key_id"`
	SourceIPAddress   types.String            `tfsdk:"source_ip_address"`
	UserAgent         types.String            `tfsdk:"user_agent"`
	ReadOnly          types.Bool              `tfsdk:"read_only"`
	ErrorCode         types.String            `tfsdk:"error_code"`
	RequestParameters map[string]types.String `tfsdk:"request_parameters"`
}

func (d *iamEventsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_iam_events"
}

func (d *iamEventsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := findingsAttributes()
	attrs["event_names"] = schema.ListAttribute{Optional: true, Computed: true, ElementType: types.StringType,
		Description: "CloudTrail event names to look up, one LookupEvents query each, matched exactly as CloudTrail does (a guarded " +
			"event's name in other case is an error). Default: the five guarded events, " + strings.Join(rules.GuardedEvents, ", ") + "."}
	attrs["lookback"] = schema.StringAttribute{Optional: true, Computed: true,
		Description: "How far back to look, as days (\"7d\") or a Go duration (\"36h\"). Default \"" + defaultLookback +
			"\"; at most \"90d\", CloudTrail's event history."}
	attrs["max_events"] = schema.Int64Attribute{Optional: true,
		Description: "Keep at most this many events, the newest; fewer pages are read. Default: every event in the window. " +
			"A cut that leaves events out (one more event is asked for, to see that there is one) is a " + rules.CheckIncomplete.Name() +
			" finding, so compliant is false: the older events were not judged."}
	attrs["expected_principals"] = schema.ListAttribute{Optional: true, ElementType: types.StringType,
		Description: "ARNs of the principals expected to upload server certificates and SSH keys and delete signing certificates, " +
			"as globs where * is any run of characters (\"arn:aws:iam::*:role/terraform-*\"), matched as IAM matches ARNs: each of the six " +
			"colon-separated parts (arn:partition:service:region:account:resource) on its own, so a * never runs into the next part and " +
			"that example matches roles only, never a user whose path holds \":role/terraform-\". \"*\" alone matches every principal; " +
			"any other entry must be an ARN. An assumed-role session matches by its session ARN or its role's ARN. " +
			"Default: none, so every such call is a finding."}
	attrs["start_time"] = schema.StringAttribute{Computed: true, Description: "Start of the window looked at (RFC 3339)."}
	attrs["end_time"] = schema.StringAttribute{Computed: true, Description: "End of the window looked at (RFC 3339)."}
	attrs["truncated"] = schema.BoolAttribute{Computed: true, Description: "True when max_events left events out; a " + rules.CheckIncomplete.ID + " finding then says so."}
	str := func(desc string) schema.Attribute { return schema.StringAttribute{Computed: true, Description: desc} }
	attrs["events"] = schema.ListNestedAttribute{Computed: true,
		Description: "The events, newest first.",
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"event_id":          str("CloudTrail event ID."),
			"event_time":        str("When the call was made (RFC 3339)."),
			"event_name":        str("The API call, such as UpdateAccessKey."),
			"principal_arn":     str("ARN of the caller (userIdentity.arn)."),
			"principal_type":    str("Kind of caller: Root, IAMUser, AssumedRole, FederatedUser, AWSService..."),
			"user_name":         str("User name CloudTrail gives the event, if any."),
			"access_key_id":     str("Access key ID the call was signed with."),
			"source_ip_address": str("Where the call came from."),
			"user_agent":        str("The caller's user agent."),
			"read_only":         schema.BoolAttribute{Computed: true, Description: "Whether the call only reads."},
			"error_code":        str("The error the call failed with; null if it succeeded. A failed call is an attempt."),
			"request_parameters": schema.MapAttribute{Computed: true, ElementType: types.StringType,
				Description: "The request parameters (and IDs from the response) that are a name, an ID or a policy setting. " +
					"Certificate bodies, key bodies and anything else are never read out."},
		}},
	}
	resp.Schema = schema.Schema{
		Description: "Looks up recent IAM events with cloudtrail:LookupEvents in us-east-1, where IAM's events are recorded: one " +
			"query per event name, paginated, paced at CloudTrail's two requests a second, throttling retried. Judges them with " +
			rules.Names(rules.EventPasswordPolicyWeak, rules.EventAccessKeyActivated, rules.EventServerCertificateUploaded,
				rules.EventSSHKeyUploaded, rules.EventSigningCertificateDeleted) + ". A failed call is reported as an attempt, one " +
			"severity lower; a call with root credentials (root's own, or a session root issued, such as a federated user's) is critical whatever expected_principals matches. " + rules.EventPasswordPolicyWeak.ID + " is as severe as the gravest setting below the baseline the policy set, as iamguard lint judges it. An event whose record does not parse or names no caller, " +
			"or a successful UpdateAccessKey recorded without its status, is a " + rules.CheckIncomplete.Name() + " finding naming it. " +
			"Findings have the event ID as subject. A query that CloudTrail " +
			"answers with a NextToken it has already given, with a page of events it has already given (told apart by event ID, " +
			"else by their record), with ten empty pages in a row, or with more than 10,000 pages, ends there: " +
			"the events read are judged (each once) and the rest is a " +
			rules.CheckIncomplete.Name() + " finding, never a loop. LookupEvents only " +
			"sees what a trail or the 90-day event history recorded: pair this with iamguard_cloudtrail_iam_logging.",
		Attributes: attrs,
	}
}

func (d *iamEventsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = configureClient(req, resp)
}

func (d *iamEventsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m iamEventsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if m.EventNames == nil {
		for _, n := range rules.GuardedEvents {
			m.EventNames = append(m.EventNames, types.StringValue(n))
		}
	}
	names := stringValues(m.EventNames)
	if slices.Contains(names, "") || len(names) == 0 {
		resp.Diagnostics.Append(invalidAttribute(path.Root("event_names"), "Invalid event_names", "event_names must list at least one event name, none empty."))
	}
	for i, n := range names {
		// CloudTrail matches an event name exactly: a guarded event's name
		// in other case finds nothing, and would pass as no events.
		if j := slices.IndexFunc(rules.GuardedEvents, func(g string) bool { return strings.EqualFold(g, n) && g != n }); j >= 0 {
			resp.Diagnostics.Append(invalidAttribute(path.Root("event_names").AtListIndex(i), "Invalid event_names",
				fmt.Sprintf("event_names[%d] is not an event name CloudTrail records: did you mean %q? Event names are matched exactly.", i, rules.GuardedEvents[j])))
		}
	}
	if m.Lookback.IsNull() {
		m.Lookback = types.StringValue(defaultLookback)
	}
	lookback, err := parseLookback(m.Lookback.ValueString())
	if err != nil {
		resp.Diagnostics.Append(invalidAttribute(path.Root("lookback"), "Invalid lookback", err.Error()))
	}
	if !m.MaxEvents.IsNull() && m.MaxEvents.ValueInt64() < 1 {
		resp.Diagnostics.Append(invalidAttribute(path.Root("max_events"), "Invalid max_events", "max_events must be 1 or more."))
	}
	resp.Diagnostics.Append(checkPrincipals(path.Root("expected_principals"), m.ExpectedPrincipals)...)
	if resp.Diagnostics.HasError() {
		return
	}
	end := d.client.now().UTC().Truncate(time.Second)
	start := end.Add(-lookback)
	q := awsiam.EventsQuery{Names: names, Start: start, End: end, MaxEvents: int(m.MaxEvents.ValueInt64())}
	read, fs, err := d.client.iamEventsArea(ctx, q, stringValues(m.ExpectedPrincipals))
	if err != nil {
		resp.Diagnostics.Append(readFailed(ctx, "CloudTrail events", err))
		return
	}
	m.StartTime, m.EndTime = timeValue(start), timeValue(end)
	m.Truncated = types.BoolValue(read.Truncated)
	m.Events = []eventModel{}
	for _, e := range read.Events {
		params := make(map[string]types.String, len(e.Parameters))
		for k, v := range e.Parameters {
			params[k] = types.StringValue(scalarString(v))
		}
		m.Events = append(m.Events, eventModel{
			EventID:           types.StringValue(e.ID),
			EventTime:         timeValue(e.Time),
			EventName:         types.StringValue(e.Name),
			PrincipalARN:      stringOrNull(e.PrincipalARN),
			PrincipalType:     stringOrNull(e.PrincipalType),
			UserName:          stringOrNull(e.UserName),
			AccessKeyID:       stringOrNull(e.AccessKeyID),
			SourceIPAddress:   stringOrNull(e.SourceIP),
			UserAgent:         stringOrNull(e.UserAgent),
			ReadOnly:          types.BoolValue(e.ReadOnly),
			ErrorCode:         stringOrNull(e.ErrorCode),
			RequestParameters: params,
		})
	}
	m.Compliant, m.Findings = d.client.compliant(fs), fs.list()
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// eventRules are the rules guarding the named events, in catalogue order.
func eventRules(names ...string) []*rules.Rule {
	var out []*rules.Rule
	for _, n := range rules.GuardedEvents {
		if slices.Contains(names, n) {
			out = append(out, rules.EventRule(n))
		}
	}
	return out
}

// iamEventsArea looks up the guarded events q asks for and judges them;
// principals whose ARN matches one of the expected patterns may upload and
// delete credentials. A cut by q.MaxEvents, and a query whose pages did not
// chain, are IG806 findings for the events not read.
func (c *client) iamEventsArea(ctx context.Context, q awsiam.EventsQuery, expectedPrincipals []string) (*awsiam.EventsRead, findings, error) {
	read, err := awsiam.IAMEvents(ctx, c.cloudtrail, q)
	if err != nil {
		return nil, nil, err
	}
	expected := func(principal string) bool {
		return slices.ContainsFunc(expectedPrincipals, func(p string) bool { return glob.MatchARN(p, principal) })
	}
	var fs findings
	if read.Truncated {
		fs.add("account", rules.EventsCut(q.MaxEvents, eventRules(q.Names...)...))
	}
	for _, g := range read.Gaps {
		fs.add("account", rules.Incomplete(g.Item, gapReason(g.Err), eventRules(g.Name)...))
	}
	for _, f := range rules.EvaluateEvents(read.Events, c.baseline, expected) {
		fs.add(f.Subject, f)
	}
	return read, fs, nil
}

// checkPrincipals refuses an expected_principals entry that is neither
// "*" nor an ARN: glob.MatchARN would match it to no principal.
func checkPrincipals(p path.Path, patterns []types.String) diag.Diagnostics {
	var diags diag.Diagnostics
	for i, v := range patterns {
		if s := v.ValueString(); s != "*" && !arn.IsARN(s) {
			diags.Append(invalidAttribute(p.AtListIndex(i), "Invalid expected_principals",
				fmt.Sprintf("expected_principals[%d] is not an ARN pattern: write arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE, "+
					"with * in any part (\"arn:aws:iam::*:role/terraform-*\"), or \"*\" alone for every principal.", i)))
		}
	}
	return diags
}

// parseLookback reads "7d" (whole days) or a Go duration, from one second
// to awsiam.MaxLookback.
func parseLookback(s string) (time.Duration, error) {
	// Neither error quotes s, which may be sensitive.
	outOfRange := errors.New("lookback must be from 1s to 90d: CloudTrail's event history keeps 90 days")
	notLookback := errors.New(`lookback is not a number of days such as "7d" or a Go duration such as "36h"`)
	var d time.Duration
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil {
			return 0, notLookback
		}
		if n < 1 || n > int(awsiam.MaxLookback/(24*time.Hour)) {
			return 0, outOfRange // before it is multiplied: a large n, or a large negative one, would wrap into range
		}
		d = time.Duration(n) * 24 * time.Hour
	} else {
		var err error
		if d, err = time.ParseDuration(s); err != nil {
			return 0, notLookback
		}
	}
	if d < time.Second || d > awsiam.MaxLookback {
		return 0, outOfRange
	}
	return d, nil
}

// scalarString renders a JSON scalar as Terraform would: 8, true, "text".
func scalarString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}
