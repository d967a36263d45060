package provider

import (
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// findingModel is one element of a data source's findings list.
type findingModel struct {
	RuleID   types.String `tfsdk:"rule_id"`
	Rule     types.String `tfsdk:"rule"`
	Severity types.String `tfsdk:"severity"`
	Subject  types.String `tfsdk:"subject"`
	Message  types.String `tfsdk:"message"`

	severity rules.Severity // for compliant; not attributes
	gap      bool
}

// findingsAttributes are the compliant and findings attributes every data
// source shares.
func findingsAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"compliant": schema.BoolAttribute{Computed: true,
			Description: "True when no finding is at or above the provider's compliant_at severity (default low, so only info findings leave it true). " +
				"A fact that could not be read is a finding, never a pass: " + gapFindings + " makes compliant false, whatever compliant_at says."},
		"findings": schema.ListNestedAttribute{Computed: true,
			Description: "Rules that fired, from the shared iamguard rule catalogue.",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"rule_id":  schema.StringAttribute{Computed: true, Description: "Stable rule ID, such as " + rules.PasswordMinLength.ID + "."},
				"rule":     schema.StringAttribute{Computed: true, Description: "Rule slug, such as password-min-length."},
				"severity": schema.StringAttribute{Computed: true, Description: "critical, high, medium, low or info."},
				"subject":  schema.StringAttribute{Computed: true, Description: "What the finding is about: account; a user name; an access key ID; user/access_key_N for a key in the credential report, or user/access_keys for the keys of a user it does not list; a server certificate's or trail's name; an SSH public key's or signing certificate's ID, or an SSH key's fingerprint for one shared by users; a CloudTrail event's ID. The data source's description says which it gives."},
				"message":  schema.StringAttribute{Computed: true, Description: "What is wrong, in words."},
			}},
		},
	}
}

// gapFindings names the findings that say facts could not be read
// (rules.Finding.Gap), which are never compliant.
var gapFindings = "any " + rules.CheckIncomplete.Name() + " finding (medium), or " + rules.CredentialReportStale.ID +
	" for a credential report left old because a fresh one could not be generated (iam:GenerateCredentialReport denied, throttled or failed),"

// findings collects the findings of one read, each with its subject.
type findings []findingModel

func (fs *findings) add(subject string, f ...rules.Finding) {
	for _, x := range f {
		*fs = append(*fs, findingModel{
			RuleID:   types.StringValue(x.Rule.ID),
			Rule:     types.StringValue(x.Rule.Slug),
			Severity: types.StringValue(x.Severity.String()),
			Subject:  types.StringValue(subject),
			Message:  types.StringValue(x.Message),
			severity: x.Severity,
			gap:      x.Gap(),
		})
	}
}

// compliant is false when any finding is at or above the provider's
// compliant_at severity, or says that facts could not be read (rules'
// Finding.Gap, whatever compliant_at: what was not read was not judged, so
// it cannot pass). Every data source sets its compliant attribute through it.
func (c *client) compliant(fs findings) types.Bool {
	for _, f := range fs {
		if f.severity >= c.compliantAt || f.gap {
			return types.BoolValue(false)
		}
	}
	return types.BoolValue(true)
}

// list is never nil, so a clean account has findings = [] rather than null.
func (fs findings) list() []findingModel {
	if fs == nil {
		return []findingModel{}
	}
	return fs
}

// configureClient is the Configure method every data source shares.
func configureClient(req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) *client {
	if req.ProviderData == nil { // validation runs before the provider is configured
		return nil
	}
	c, ok := req.ProviderData.(*client)
	if !ok {
		resp.Diagnostics.Append(unexpectedProviderData(req.ProviderData))
	}
	return c
}

// timeValue renders t as RFC 3339, or null when zero (never, or not known).
func timeValue(t time.Time) types.String {
	if t.IsZero() {
		return types.StringNull()
	}
	return types.StringValue(t.UTC().Format(time.RFC3339))
}

// daysSince is the whole days from t to now, or null when t is not known:
// an unknown date is never day zero of the calendar.
func daysSince(t, now time.Time) types.Int64 {
	if t.IsZero() {
		return types.Int64Null()
	}
	return types.Int64Value(int64(rules.Days(t, now)))
}

// boolValue is null for a value the source did not report.
func boolValue(v rules.Value[bool]) types.Bool {
	if v.Unknown {
		return types.BoolNull()
	}
	return types.BoolValue(v.V)
}

// stringOrNull is null for "".
func stringOrNull(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}
