package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/iamguard/terraform-provider-iamguard/internal/awsiam"
	"github.com/iamguard/terraform-provider-iamguard/internal/inspect"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

var _ datasource.DataSourceWithConfigure = (*signingCertificatesDataSource)(nil)

type signingCertificatesDataSource struct{ client *client }

func newSigningCertificatesDataSource() datasource.DataSource {
	return &signingCertificatesDataSource{}
}

// signingCertificateRules are the rules a live signing certificate is
// judged by. IG501 and IG503 are changes, which only a plan shows.
var signingCertificateRules = []*rules.Rule{rules.SigningCertificateWeak, rules.SigningCertificateUnused}

type signingCertificatesModel struct {
	UserName            types.String              `tfsdk:"user_name"`
	SigningCertificates []signingCertificateModel `tfsdk:"signing_certificates"`
	Compliant           types.Bool                `tfsdk:"compliant"`
	Findings            []findingModel            `tfsdk:"findings"`
}

type signingCertificateModel struct {
	UserName           types.String `tfsdk:"user_name"`
	CertificateID      types.String `tfsdk:"certificate_id"`
	Status             types.String `tfsdk:"status"`
	UploadDate         types.String `tfsdk:"upload_date"`
	Expiration         types.String `tfsdk:"expiration"`
	DaysToExpiry       types.Int64  `tfsdk:"days_to_expiry"`
	Subject            types.String `tfsdk:"subject"`
	KeyAlgorithm       types.String `tfsdk:"key_algorithm"`
	KeyBits            types.Int64  `tfsdk:"key_bits"`
	SignatureAlgorithm types.String `tfsdk:"signature_algorithm"`
}

func (d *signingCertificatesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_signing_certificates"
}

func (d *signingCertificatesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := findingsAttributes()
	attrs["user_name"] = schema.StringAttribute{Optional: true,
		Description: "Read only this user's certificates (no credential report, no root user). Default: every user's, and the root user's."}
	str := func(desc string) schema.Attribute { return schema.StringAttribute{Computed: true, Description: desc} }
	parsed := " Null for the root user's certificates (the report has no body) and for a body that does not parse."
	attrs["signing_certificates"] = schema.ListNestedAttribute{Computed: true,
		Description: "Every signing certificate, ordered by user name then certificate ID; the root user's (<root_account>) come from the credential report. " +
			"The PEM body is never shown.",
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"user_name":           str("User the certificate belongs to; <root_account> for the root user."),
			"certificate_id":      str("Certificate ID; for the root user, the credential report slot (cert_1 or cert_2)."),
			"status":              str("As IAM gives it: Active or Inactive (its API also names Expired)."),
			"upload_date":         str("When the certificate was uploaded (RFC 3339); for the root user, the report's cert_N_last_rotated."),
			"expiration":          str("The certificate's notAfter (RFC 3339)." + parsed),
			"days_to_expiry":      schema.Int64Attribute{Computed: true, Description: "Whole days from now until expiration; negative once expired." + parsed},
			"subject":             str("Subject distinguished name." + parsed),
			"key_algorithm":       str("Public key algorithm: RSA, ECDSA, Ed25519, DSA, or unknown for a key crypto/x509 does not read (RSA-PSS, Ed448)." + parsed),
			"key_bits":            schema.Int64Attribute{Computed: true, Description: "Public key size in bits." + parsed},
			"signature_algorithm": str("Signature algorithm, such as SHA256-RSA; for one crypto/x509 does not name, its object identifier (1.3.101.113)." + parsed),
		}},
	}
	resp.Schema = schema.Schema{
		Description: "Lists IAM users' X.509 signing certificates (iam:ListSigningCertificates per user, every page, the body coming with the listing; " +
			"at most 16 calls at once) and judges them: " + rules.Names(signingCertificateRules...) + ". " +
			"Without user_name every user is listed (iam:ListUsers), whatever the credential report shows: IAM hands back a report up to four hours old, " +
			"which may miss a certificate uploaded since. The report (iam:GenerateCredentialReport, iam:GetCredentialReport) gives the root user's certificates, " +
			"from its cert_1 and cert_2 columns (status and upload date only, so " + rules.SigningCertificateWeak.Name() + " cannot judge them). " +
			"The live account summary (iam:GetAccountSummary) checks the report, which may be up to four hours old: a root certificate the summary shows and " +
			"the report does not list is a " + rules.CheckIncomplete.Name() + " finding, and the report's root certificates count for nothing once the summary shows none; " +
			"where the report lists them all as inactive, one switched on or uploaded since cannot be told from them, a " + rules.CheckIncomplete.Name() + " finding too; " +
			"a summary that cannot be read (AccessDenied, throttling) leaves the report's and is a " + rules.CheckIncomplete.Name() + " finding for any uploaded since. " +
			"A user whose certificates cannot be listed (AccessDenied, throttling, or gone since iam:ListUsers named it: deleted or renamed) is named in a " + rules.CheckIncomplete.Name() +
			" finding with the permission, as is the root user when the report cannot be read; a refused iam:ListUsers fails the read. " +
			"A certificate whose status is not Active, Inactive or Expired, or an active one IAM gives no upload_date for, is a " +
			rules.CheckIncomplete.Name() + " finding naming " + rules.SigningCertificateUnused.Name() + " as not judged.",
		Attributes: attrs,
	}
}

func (d *signingCertificatesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = configureClient(req, resp)
}

func (d *signingCertificatesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m signingCertificatesModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	report := func(ctx context.Context) (*awsiam.CredentialReport, error) {
		return awsiam.GetCredentialReport(ctx, d.client.iam, d.client.report)
	}
	summary := func(ctx context.Context) (rules.AccountSummary, error) {
		return awsiam.AccountSummary(ctx, d.client.iam)
	}
	certs, fs, err := d.client.signingCertificatesArea(ctx, m.UserName.ValueString(), report, summary)
	if err != nil {
		resp.Diagnostics.Append(readFailed(ctx, "signing certificates", err))
		return
	}
	m.SigningCertificates = certs
	m.Compliant, m.Findings = d.client.compliant(fs), fs.list()
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// signingCertificatesArea reads the signing certificates of every user (of
// userName alone, when set) and judges them; report reads the credential
// report, which shows the root user's, and summary the account summary,
// which shows whether root has one the report, up to four hours old, lacks.
func (cl *client) signingCertificatesArea(ctx context.Context, userName string, report func(context.Context) (*awsiam.CredentialReport, error),
	summary func(context.Context) (rules.AccountSummary, error)) ([]signingCertificateModel, findings, error) {
	now, b := cl.now(), cl.baseline
	read, err := awsiam.SigningCertificatesWithReport(ctx, cl.iam, userName, report, summary)
	if err != nil {
		return nil, nil, err
	}
	var fs findings
	out := []signingCertificateModel{}
	for _, c := range read.Certificates {
		cm := signingCertificateModel{
			UserName: types.StringValue(c.UserName), CertificateID: types.StringValue(c.ID), Status: types.StringValue(c.Status),
			UploadDate: timeValue(c.Uploaded), Expiration: types.StringNull(), DaysToExpiry: types.Int64Null(),
			Subject: types.StringNull(), KeyAlgorithm: types.StringNull(), KeyBits: types.Int64Null(), SignatureAlgorithm: types.StringNull(),
		}
		subject, body := c.ID, rules.Known(c.Body)
		if c.Root {
			cm.CertificateID = types.StringValue(fmt.Sprintf("cert_%d", c.Slot))
			subject, body = c.UserName+"/"+cm.CertificateID.ValueString(), rules.UnknownValue[string]()
			if c.Active() {
				fs.add(subject, rules.Incomplete("the body of the root user's active signing certificate "+cm.CertificateID.ValueString(),
					"IAM lists the root user's signing certificates to the root user only", rules.SigningCertificateWeak))
			}
		}
		fs.add(subject, rules.EvaluateLiveSigningCertificate(rules.LiveSigningCertificate{Body: body, Active: c.Active(), Uploaded: c.Uploaded,
			StatusUnreadable: !c.StatusKnown(), UploadedMissing: c.UploadMissing()}, now, b)...)
		if parsed, err := inspect.ParseCertificate(c.Body); err == nil && !c.Root {
			cm.Expiration, cm.DaysToExpiry = timeValue(parsed.NotAfter), types.Int64Value(int64(rules.Days(now, parsed.NotAfter)))
			cm.Subject, cm.KeyAlgorithm, cm.KeyBits = types.StringValue(parsed.Subject), types.StringValue(parsed.KeyAlgorithm), types.Int64Value(int64(parsed.KeyBits))
			cm.SignatureAlgorithm = types.StringValue(parsed.SignatureAlgorithm)
		}
		out = append(out, cm)
	}
	for _, g := range read.Gaps {
		fs.add(g.Name, rules.Incomplete(g.Item, gapReason(g.Err), signingCertificateRules...))
	}
	return out, fs, nil
}
