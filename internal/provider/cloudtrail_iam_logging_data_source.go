package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/iamguard/terraform-provider-iamguard/internal/awsiam"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

var _ datasource.DataSourceWithConfigure = (*cloudTrailIAMLoggingDataSource)(nil)

type cloudTrailIAMLoggingDataSource struct{ client *client }

func newCloudTrailIAMLoggingDataSource() datasource.DataSource {
	return &cloudTrailIAMLoggingDataSource{}
}

type cloudTrailIAMLoggingModel struct {
	RecordingIAM types.Bool     `tfsdk:"recording_iam"`
	Trails       []trailModel   `tfsdk:"trails"`
	Compliant    types.Bool     `tfsdk:"compliant"`
	Findings     []findingModel `tfsdk:"findings"`
}

type trailModel struct {
	Name                       types.String `tfsdk:"name"`
	ARN                        types.String `tfsdk:"arn"`
	HomeRegion                 types.String `tfsdk:"home_region"`
	IsMultiRegionTrail         types.Bool   `tfsdk:"is_multi_region_trail"`
	IncludeGlobalServiceEvents types.Bool   `tfsdk:"include_global_service_events"`
	IsOrganizationTrail        types.Bool   `tfsdk:"is_organization_trail"`
	IsLogging                  types.Bool   `tfsdk:"is_logging"`
	LatestDeliveryTime         types.String `tfsdk:"latest_delivery_time"`
	LatestDeliveryError        types.String `tfsdk:"latest_delivery_error"`
	LogFileValidationEnabled   types.Bool   `tfsdk:"log_file_validation_enabled"`
	KMSKeySet                  types.Bool   `tfsdk:"kms_key_set"`
	RecordsIAMWriteEvents      types.Bool   `tfsdk:"records_iam_write_events"`
	RecordingIAM               types.Bool   `tfsdk:"recording_iam"`
	NotRecordingReason         types.String `tfsdk:"not_recording_reason"`
}

func (d *cloudTrailIAMLoggingDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_cloudtrail_iam_logging"
}

func (d *cloudTrailIAMLoggingDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := findingsAttributes()
	attrs["recording_iam"] = schema.BoolAttribute{Computed: true,
		Description: "True when at least one trail records IAM events: it is logging, is multi-region or lives in us-east-1, " +
			"includes global service events, and its selectors record write management events from iam.amazonaws.com. " +
			"An organization trail seen from a member account counts."}
	str := func(desc string) schema.Attribute { return schema.StringAttribute{Computed: true, Description: desc} }
	flag := func(desc string) schema.Attribute { return schema.BoolAttribute{Computed: true, Description: desc} }
	attrs["trails"] = schema.ListNestedAttribute{Computed: true,
		Description: "The trails visible from us-east-1 (the account's trails there, and multi-region and organization trails homed elsewhere), ordered by name.",
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"name":                          str("Trail name."),
			"arn":                           str("Trail ARN; an organization trail's names the management account."),
			"home_region":                   str("Region the trail was created in; its status and selectors are read there."),
			"is_multi_region_trail":         flag("Whether the trail records every region."),
			"include_global_service_events": flag("Whether the trail records global service events, where IAM's go."),
			"is_organization_trail":         flag("Whether this is an AWS Organizations trail."),
			"is_logging":                    flag("Whether the trail is logging (GetTrailStatus); null for an organization trail seen from a member account, which only the management account can read."),
			"latest_delivery_time":          str("When logs were last delivered to S3 (RFC 3339); null if never."),
			"latest_delivery_error":         str("The last S3 delivery error, if any."),
			"log_file_validation_enabled":   flag("Whether log file integrity validation is on."),
			"kms_key_set":                   flag("Whether log files are encrypted with a KMS key (the key itself is not shown)."),
			"records_iam_write_events":      flag("Whether the trail's event selectors (basic or advanced) record write management events from iam.amazonaws.com; null when only the management account can read them."),
			"recording_iam":                 flag("Whether this trail records IAM events (see the top-level recording_iam)."),
			"not_recording_reason":          str("Why the trail does not record IAM events; null when it does."),
		}},
	}
	resp.Schema = schema.Schema{
		Description: "Tells whether CloudTrail records IAM events (cloudtrail:DescribeTrails in us-east-1 with shadow trails, then " +
			"cloudtrail:GetTrailStatus and cloudtrail:GetEventSelectors for each trail in its home region). Each trail is judged as " +
			"iamguard lint judges a planned aws_cloudtrail (" + rules.Names(rules.CloudTrailGlobalEventsOff, rules.CloudTrailSingleRegion,
			rules.CloudTrailLoggingOff, rules.CloudTrailManagementEventsExcluded, rules.CloudTrailLogValidationOff) + "), and the account " +
			"by " + rules.CloudTrailNoIAMRecording.Name() + " when no trail records IAM events. A trail whose status or event selectors " +
			"are refused (denied, or throttled past the retries) is listed, not counted as recording IAM events, and named by a " +
			rules.CheckIncomplete.Name() + " finding; the other trails are judged. Findings about a trail have its name as subject.",
		Attributes: attrs,
	}
}

func (d *cloudTrailIAMLoggingDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = configureClient(req, resp)
}

func (d *cloudTrailIAMLoggingDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	m, fs, err := d.client.cloudTrailArea(ctx)
	if err != nil {
		resp.Diagnostics.Append(readFailed(ctx, "CloudTrail trails", err))
		return
	}
	m.Compliant, m.Findings = d.client.compliant(fs), fs.list()
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// knownBool is v, or null when it cannot be read from this account.
func knownBool(v rules.Value[bool]) types.Bool {
	if v.Unknown {
		return types.BoolNull()
	}
	return types.BoolValue(v.V)
}

// cloudTrailArea reads every trail the account sees and judges whether
// one records IAM events.
func (c *client) cloudTrailArea(ctx context.Context) (cloudTrailIAMLoggingModel, findings, error) {
	trails, err := awsiam.Trails(ctx, c.cloudtrail, c.account)
	if err != nil {
		return cloudTrailIAMLoggingModel{}, nil, err
	}
	live := make([]rules.LiveTrail, len(trails))
	for i, t := range trails {
		live[i] = t.LiveTrail
	}
	recording, verdicts, account := rules.EvaluateLiveTrails(live)
	m := cloudTrailIAMLoggingModel{RecordingIAM: types.BoolValue(recording), Trails: []trailModel{}}
	var fs findings
	for i, t := range trails {
		v := verdicts[i]
		fs.add(t.Name, v.Findings...)
		if t.Gap != nil {
			// One trail refused: the rest is still judged (round 303: the
			// whole read failed).
			fs.add(t.Name, rules.Incomplete("trail "+t.Name+"'s "+t.Unread, gapReason(t.Gap),
				rules.CloudTrailLoggingOff, rules.CloudTrailManagementEventsExcluded))
		}
		reason := types.StringNull()
		if !v.RecordsIAM {
			reason = types.StringValue(v.Why)
		}
		m.Trails = append(m.Trails, trailModel{
			Name:                       types.StringValue(t.Name),
			ARN:                        types.StringValue(t.ARN),
			HomeRegion:                 types.StringValue(t.HomeRegion),
			IsMultiRegionTrail:         types.BoolValue(t.MultiRegion.V),
			IncludeGlobalServiceEvents: types.BoolValue(t.IncludeGlobalServiceEvents.V),
			IsOrganizationTrail:        types.BoolValue(t.Organization),
			IsLogging:                  knownBool(t.Logging),
			LatestDeliveryTime:         timeValue(t.LatestDeliveryTime),
			LatestDeliveryError:        stringOrNull(t.LatestDeliveryError),
			LogFileValidationEnabled:   types.BoolValue(t.LogFileValidation.V),
			KMSKeySet:                  types.BoolValue(t.KMSKeySet),
			RecordsIAMWriteEvents:      knownBool(rules.Value[bool]{V: v.RecordsIAMWrites, Unknown: t.Selectors.Unknown}),
			RecordingIAM:               types.BoolValue(v.RecordsIAM),
			NotRecordingReason:         reason,
		})
	}
	fs.add("account", account...)
	return m, fs, nil
}
