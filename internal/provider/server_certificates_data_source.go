package provider

import (
	"context"
	"errors"
	"regexp"
	"regexp/syntax"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/iamguard/terraform-provider-iamguard/internal/awsiam"
	"github.com/iamguard/terraform-provider-iamguard/internal/inspect"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

var _ datasource.DataSourceWithConfigure = (*serverCertificatesDataSource)(nil)

type serverCertificatesDataSource struct{ client *client }

func newServerCertificatesDataSource() datasource.DataSource { return &serverCertificatesDataSource{} }

// serverCertificateRules are the rules a live server certificate is judged
// by: all of IG301-IG310 but IG307, which needs the private key IAM never
// returns.
var serverCertificateRules = []*rules.Rule{
	rules.CertificateExpired, rules.CertificateExpiring, rules.CertificateNotYetValid, rules.CertificateWeakKey,
	rules.CertificateWeakSignature, rules.CertificateChainInvalid, rules.CertificateUnparseable, rules.CertificateDomain,
	rules.CertificateSelfSigned,
}

type serverCertificatesModel struct {
	PathPrefix         types.String             `tfsdk:"path_prefix"`
	NameRegex          types.String             `tfsdk:"name_regex"`
	ServerCertificates []serverCertificateModel `tfsdk:"server_certificates"`
	Compliant          types.Bool               `tfsdk:"compliant"`
	Findings           []findingModel           `tfsdk:"findings"`
}

type serverCertificateModel struct {
	Name               types.String `tfsdk:"name"`
	ID                 types.String `tfsdk:"id"`
	ARN                types.String `tfsdk:"arn"`
	Path               types.String `tfsdk:"path"`
	UploadDate         types.String `tfsdk:"upload_date"`
	Expiration         types.String `tfsdk:"expiration"`
	DaysToExpiry       types.Int64  `tfsdk:"days_to_expiry"`
	Subject            types.String `tfsdk:"subject"`
	Issuer             types.String `tfsdk:"issuer"`
	SANs               []string     `tfsdk:"sans"`
	KeyAlgorithm       types.String `tfsdk:"key_algorithm"`
	KeyBits            types.Int64  `tfsdk:"key_bits"`
	SignatureAlgorithm types.String `tfsdk:"signature_algorithm"`
	SelfSigned         types.Bool   `tfsdk:"self_signed"`
	ChainLength        types.Int64  `tfsdk:"chain_length"`
	ChainValid         types.Bool   `tfsdk:"chain_valid"`
}

func (d *serverCertificatesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_server_certificates"
}

func (d *serverCertificatesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := findingsAttributes()
	attrs["path_prefix"] = schema.StringAttribute{Optional: true,
		Description: "Read only certificates whose path starts with this prefix, such as /cloudfront/. Default: every certificate."}
	attrs["name_regex"] = schema.StringAttribute{Optional: true,
		Description: "Read and judge only certificates whose name matches this regular expression (Go RE2 syntax). " +
			"Certificates filtered out cost no iam:GetServerCertificate call."}
	str := func(desc string) schema.Attribute { return schema.StringAttribute{Computed: true, Description: desc} }
	parsed := " Null when the body could not be read or parsed."
	attrs["server_certificates"] = schema.ListNestedAttribute{Computed: true,
		Description: "Every server certificate that passed the filters, ordered by name. Only public certificate fields are shown; " +
			"neither the PEM body nor the chain is.",
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"name":                str("Server certificate name."),
			"id":                  str("Server certificate ID (ASCA...)."),
			"arn":                 str("Server certificate ARN."),
			"path":                str("IAM path, such as / or /cloudfront/."),
			"upload_date":         str("When the certificate was uploaded (RFC 3339)."),
			"expiration":          str("When the certificate expires (RFC 3339), as IAM reports it."),
			"days_to_expiry":      schema.Int64Attribute{Computed: true, Description: "Whole days from now until expiration; negative once expired."},
			"subject":             str("Subject distinguished name." + parsed),
			"issuer":              str("Issuer distinguished name." + parsed),
			"sans":                schema.ListAttribute{Computed: true, ElementType: types.StringType, Description: "Subject alternative names (DNS, IP, email, URI)." + parsed},
			"key_algorithm":       str("Public key algorithm: RSA, ECDSA, Ed25519, DSA, or unknown for a key crypto/x509 does not read (RSA-PSS, Ed448)." + parsed),
			"key_bits":            schema.Int64Attribute{Computed: true, Description: "Public key size in bits." + parsed},
			"signature_algorithm": str("Signature algorithm, such as SHA256-RSA; for one crypto/x509 does not name, its object identifier (1.3.101.113)." + parsed),
			"self_signed": schema.BoolAttribute{Computed: true, Description: "Whether the certificate signs itself, or names itself as its issuer; null where its signature is not checked and its names do not tell " +
				"(past the read's budget of signature checks, or a key too costly to check)." + parsed},
			"chain_length": schema.Int64Attribute{Computed: true, Description: "Number of certificates in the uploaded chain; 0 when none was uploaded." + parsed},
			"chain_valid": schema.BoolAttribute{Computed: true, Description: "The " + rules.CertificateChainInvalid.Name() +
				" verdict: whether the uploaded chain verifies the certificate. Null when no chain was uploaded or the body could not be read or parsed."},
		}},
	}
	resp.Schema = schema.Schema{
		Description: "Lists IAM server certificates (iam:ListServerCertificates, every page, then iam:GetServerCertificate per certificate; " +
			"at most 16 calls at once) and judges each one as iamguard lint judges a planned aws_iam_server_certificate: " +
			rules.Names(serverCertificateRules...) + ". " +
			rules.CertificateKeyMismatch.Name() + " cannot be judged: IAM never returns a certificate's private key. " +
			"A certificate whose body cannot be read (AccessDenied or throttling on iam:GetServerCertificate) is still listed, " +
			"and a " + rules.CheckIncomplete.Name() + " finding names it and the permission; a refused listing fails the read.",
		Attributes: attrs,
	}
}

func (d *serverCertificatesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = configureClient(req, resp)
}

func (d *serverCertificatesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m serverCertificatesModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var keep func(string) bool
	if expr := m.NameRegex.ValueString(); expr != "" {
		re, err := regexp.Compile(expr)
		if err != nil {
			// The syntax error's code, not the text it quotes.
			why := "it does not compile"
			var se *syntax.Error
			if errors.As(err, &se) {
				why = string(se.Code)
			}
			resp.Diagnostics.Append(invalidAttribute(path.Root("name_regex"), "Invalid name_regex",
				"name_regex is not a Go regular expression (RE2 syntax): "+why+"."))
			return
		}
		keep = re.MatchString
	}
	certs, fs, err := d.client.serverCertificatesArea(ctx, m.PathPrefix.ValueString(), keep)
	if err != nil {
		resp.Diagnostics.Append(readFailed(ctx, "server certificates", err))
		return
	}
	m.ServerCertificates = certs
	m.Compliant, m.Findings = d.client.compliant(fs), fs.list()
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// serverCertificatesArea reads the server certificates under pathPrefix
// whose names keep accepts (nil: all) and judges each as it is read, its
// material then let go. The read's signature checks are bounded as a
// plan's are (inspect.Budget; judge runs one certificate at a time).
func (cl *client) serverCertificatesArea(ctx context.Context, pathPrefix string, keep func(string) bool) ([]serverCertificateModel, findings, error) {
	now, b, checks := cl.now(), cl.baseline, inspect.NewBudget()
	judged := map[string]judgedServerCertificate{}
	certs, err := awsiam.ServerCertificatesJudged(ctx, cl.iam, pathPrefix, keep, func(c *awsiam.ServerCertificate) {
		judged[c.Name] = judgeServerCertificate(*c, now, b, checks)
		c.Body, c.Chain = "", ""
	})
	if err != nil {
		return nil, nil, err
	}
	var fs findings
	out := []serverCertificateModel{}
	for _, c := range certs {
		j := judged[c.Name]
		fs.add(c.Name, j.found...)
		out = append(out, j.model)
	}
	return out, fs, nil
}

// judgedServerCertificate is a certificate's model and findings.
type judgedServerCertificate struct {
	model serverCertificateModel
	found []rules.Finding
}

func judgeServerCertificate(c awsiam.ServerCertificate, now time.Time, b rules.Baseline, checks *inspect.Budget) judgedServerCertificate {
	cm := serverCertificateModel{
		Name: types.StringValue(c.Name), ID: types.StringValue(c.ID), ARN: types.StringValue(c.ARN), Path: types.StringValue(c.Path),
		UploadDate: timeValue(c.Uploaded), Expiration: timeValue(c.Expiration),
		DaysToExpiry: types.Int64Null(), Subject: types.StringNull(), Issuer: types.StringNull(),
		KeyAlgorithm: types.StringNull(), KeyBits: types.Int64Null(), SignatureAlgorithm: types.StringNull(),
		SelfSigned: types.BoolNull(), ChainLength: types.Int64Null(), ChainValid: types.BoolNull(),
	}
	if !c.Expiration.IsZero() {
		cm.DaysToExpiry = types.Int64Value(int64(rules.Days(now, c.Expiration)))
	}
	if c.Gap != nil {
		return judgedServerCertificate{cm, []rules.Finding{rules.Incomplete(c.Gap.Item, gapReason(c.Gap.Err), serverCertificateRules...)}}
	}
	found := rules.EvaluateServerCertificate(rules.ServerCertificate{
		Body: rules.Known(c.Body), Chain: rules.Known(c.Chain), PrivateKey: rules.Known(""), Checks: checks,
	}, now, b)
	if body, err := inspect.ParseCertificate(c.Body); err == nil {
		cm.Subject, cm.Issuer = types.StringValue(body.Subject), types.StringValue(body.Issuer)
		cm.SANs = body.SANs
		if cm.SANs == nil {
			cm.SANs = []string{}
		}
		cm.KeyAlgorithm, cm.KeyBits = types.StringValue(body.KeyAlgorithm), types.Int64Value(int64(body.KeyBits))
		cm.SignatureAlgorithm = types.StringValue(body.SignatureAlgorithm)
		// Its own signature checked within the read's budget, as the
		// findings are; null where it is not and the names do not tell.
		if s, unchecked := body.SelfSignature(checks); s != inspect.NotSelfSigned || !unchecked {
			cm.SelfSigned = types.BoolValue(s != inspect.NotSelfSigned)
		}
		if c.Expiration.IsZero() {
			cm.Expiration, cm.DaysToExpiry = timeValue(body.NotAfter), types.Int64Value(int64(rules.Days(now, body.NotAfter)))
		}
		cm.ChainLength = types.Int64Value(0)
		if chain, err := inspect.ParseChain(c.Chain); err == nil {
			cm.ChainLength, cm.ChainValid = types.Int64Value(int64(len(chain))), types.BoolValue(chainVerified(found))
		}
	}
	return judgedServerCertificate{cm, found}
}

// chainVerified reads the chain verdict off a certificate's findings: the
// chain verifies unless the evaluation found it invalid or unparseable.
func chainVerified(found []rules.Finding) bool {
	for _, f := range found {
		if f.Attribute == "certificate_chain" {
			return false
		}
	}
	return true
}
