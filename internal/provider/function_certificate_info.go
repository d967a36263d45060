package provider

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/iamguard/terraform-provider-iamguard/internal/inspect"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

var _ function.Function = certificateInfoFunction{}

// certificateInfoFunction inspects a PEM certificate and judges it on its
// own. now is the clock used when the call passes now = null.
type certificateInfoFunction struct{ now func() time.Time }

var certificateMaterial = material{
	function:   "certificate_info",
	name:       "pem",
	want:       "one PEM-encoded X.509 certificate",
	example:    `file("cert.pem")`,
	hint:       `Pass the certificate only, such as file("cert.pem"); the chain and the private key do not belong here`,
	baselineAt: 2,
	result:     certificateInfoType,
}

func (certificateInfoFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "certificate_info"
}

type certificateInfo struct {
	Subject            string            `tfsdk:"subject"`
	Issuer             string            `tfsdk:"issuer"`
	SerialNumber       string            `tfsdk:"serial_number"`
	SANs               []string          `tfsdk:"sans"`
	DNSNames           []string          `tfsdk:"dns_names"`
	NotBefore          string            `tfsdk:"not_before"`
	NotAfter           string            `tfsdk:"not_after"`
	KeyAlgorithm       string            `tfsdk:"key_algorithm"`
	KeyBits            int64             `tfsdk:"key_bits"`
	SignatureAlgorithm string            `tfsdk:"signature_algorithm"`
	IsCA               bool              `tfsdk:"is_ca"`
	SelfSigned         bool              `tfsdk:"self_signed"`
	SHA256Fingerprint  string            `tfsdk:"sha256_fingerprint"`
	Findings           []functionFinding `tfsdk:"findings"`
}

var certificateInfoType = map[string]attr.Type{
	"subject":             types.StringType,
	"issuer":              types.StringType,
	"serial_number":       types.StringType,
	"sans":                types.ListType{ElemType: types.StringType},
	"dns_names":           types.ListType{ElemType: types.StringType},
	"not_before":          types.StringType,
	"not_after":           types.StringType,
	"key_algorithm":       types.StringType,
	"key_bits":            types.Int64Type,
	"signature_algorithm": types.StringType,
	"is_ca":               types.BoolType,
	"self_signed":         types.BoolType,
	"sha256_fingerprint":  types.StringType,
	"findings":            functionFindingsType,
}

func (certificateInfoFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Inspects a PEM X.509 certificate and judges it against the baseline",
		MarkdownDescription: "Reads one PEM-encoded X.509 certificate, such as the `certificate_body` of an " +
			"`aws_iam_server_certificate`, and returns an object with `subject` and `issuer` (RFC 2253 distinguished names), " +
			"`serial_number` (decimal), `sans` (every subject alternative name: DNS names, IP addresses, e-mail addresses, URIs), " +
			"`dns_names`, `not_before` and `not_after` (RFC 3339, UTC), `key_algorithm` (RSA, ECDSA, Ed25519, DSA, or unknown) and `key_bits`, " +
			"`signature_algorithm` (such as SHA256-RSA, or the object identifier of one crypto/x509 does not name), `is_ca`, `self_signed`, `sha256_fingerprint` (over the DER, colon-separated hex), and `findings`.\n\n" +
			"`findings` judges the certificate on its own, with the rules `iamguard lint` applies to a server certificate's body: " +
			rules.Names(rules.CertificateExpired, rules.CertificateExpiring, rules.CertificateNotYetValid, rules.CertificateWeakKey,
				rules.CertificateWeakSignature, rules.CertificateDomain, rules.CertificateSelfSigned) + ", and " +
			rules.Names(rules.CertificateChainInvalid) + " where the certificate's own extensions keep a TLS server from using it (its key usage, " +
			"extended key usage or a critical extension clients do not know). What needs other inputs (the chain, and " +
			rules.Names(rules.CertificateKeyMismatch) + ") is not judged. " +
			"Where a message says \"plan time\", it means `now`.\n\n" +
			"`now` is the time the dates are judged against, as an RFC 3339 timestamp. Pass `plantimestamp()`: it is known during plan " +
			"and the same during apply, so the result is too. With `now = null` the function reads the clock of the machine running " +
			"Terraform, so its findings are time-dependent: they can change between plan and apply, and from one run to the next. " +
			"Terraform checks that a function gives the same result during apply as during plan, so a change in between " +
			"(a count of days left, a certificate that expires) makes the apply fail with \"provider function returned an inconsistent result\".\n\n" +
			baselineDescription() + "\n\n" +
			findingsDescription + "\n\n" +
			"A null `pem`, text that does not hold exactly one PEM `CERTIFICATE` block (a private key passed by mistake, a chain, " +
			"anything else; text outside the block, such as openssl's `Bag Attributes`, is passed over as PEM readers do) " +
			"and a `now` that is not RFC 3339 are argument errors. Their messages say what is wrong and never quote the argument, " +
			"so a private key passed by mistake does not reach the output or the logs. " + sensitiveNote + " " +
			unknownNote + "\n\n" + openTofuNote,
		Parameters: []function.Parameter{
			function.StringParameter{
				Name:           "pem",
				AllowNullValue: true, // so that null gets this function's own error
				Description:    "One PEM-encoded X.509 certificate (a BEGIN CERTIFICATE block); null is an argument error.",
			},
			function.StringParameter{
				Name:           "now",
				AllowNullValue: true,
				Description:    "RFC 3339 time to judge the dates against, such as plantimestamp(); null reads the clock, which makes the result time-dependent (an apply fails if it changed since plan).",
			},
		},
		VariadicParameter: baselineParameter(),
		Return:            function.ObjectReturn{AttributeTypes: certificateInfoType},
	}
}

func (f certificateInfoFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var (
		pemText, nowText types.String
		baseline         []types.Dynamic
	)
	if resp.Error = req.Arguments.Get(ctx, &pemText, &nowText, &baseline); resp.Error != nil {
		return
	}
	now := time.Now
	if f.now != nil {
		now = f.now
	}
	at := now()
	if !nowText.IsNull() {
		t, err := time.Parse(time.RFC3339, nowText.ValueString())
		if err != nil {
			resp.Error = function.NewArgumentFuncError(1,
				"now must be an RFC 3339 timestamp such as \"2026-06-01T12:00:00Z\" (plantimestamp() gives one), or null for the current time")
			return
		}
		at = t
	}
	inspectMaterial(ctx, resp, certificateMaterial, pemText, baseline, inspect.ParseCertificate,
		func(c *inspect.Certificate, b rules.Baseline) any {
			return certificateInfo{
				Subject:            c.Subject,
				Issuer:             c.Issuer,
				SerialNumber:       c.SerialNumber,
				SANs:               nonNil(c.SANs),
				DNSNames:           nonNil(c.DNSNames),
				NotBefore:          c.NotBefore.UTC().Format(time.RFC3339),
				NotAfter:           c.NotAfter.UTC().Format(time.RFC3339),
				KeyAlgorithm:       c.KeyAlgorithm,
				KeyBits:            int64(c.KeyBits),
				SignatureAlgorithm: c.SignatureAlgorithm,
				IsCA:               c.IsCA,
				SelfSigned:         c.SelfSigned(),
				SHA256Fingerprint:  c.SHA256Fingerprint,
				Findings:           functionFindings(rules.CertificateOwnFindings(c, at, b)),
			}
		})
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
