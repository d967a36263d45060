package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/iamguard/terraform-provider-iamguard/internal/inspect"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

var _ function.Function = sshPublicKeyInfoFunction{}

// sshPublicKeyInfoFunction inspects an SSH public key and judges its
// strength.
type sshPublicKeyInfoFunction struct{}

func newSSHPublicKeyInfoFunction() function.Function { return sshPublicKeyInfoFunction{} }

var sshKeyMaterial = material{
	function:   "ssh_public_key_info",
	name:       "key",
	want:       "one SSH public key",
	example:    `file("id_rsa.pub")`,
	hint:       `Pass the public half only, such as file("id_rsa.pub") or tls_private_key's public_key_openssh`,
	baselineAt: 1,
	result:     sshPublicKeyInfoType,
}

func (sshPublicKeyInfoFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "ssh_public_key_info"
}

type sshPublicKeyInfo struct {
	Algorithm         string            `tfsdk:"algorithm"`
	Type              string            `tfsdk:"type"`
	Bits              int64             `tfsdk:"bits"`
	Encoding          string            `tfsdk:"encoding"`
	SHA256Fingerprint string            `tfsdk:"sha256_fingerprint"`
	MD5Fingerprint    string            `tfsdk:"md5_fingerprint"`
	PublicKey         string            `tfsdk:"public_key"`
	Findings          []functionFinding `tfsdk:"findings"`
}

var sshPublicKeyInfoType = map[string]attr.Type{
	"algorithm":          types.StringType,
	"type":               types.StringType,
	"bits":               types.Int64Type,
	"encoding":           types.StringType,
	"sha256_fingerprint": types.StringType,
	"md5_fingerprint":    types.StringType,
	"public_key":         types.StringType,
	"findings":           functionFindingsType,
}

func (sshPublicKeyInfoFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Inspects an SSH public key and judges it against the baseline",
		MarkdownDescription: "Reads one SSH public key in either form `aws_iam_user_ssh_key` takes: the OpenSSH " +
			"one-line form (`ssh-rsa AAAA... comment`, encoding `SSH`) or a PEM `PUBLIC KEY` / `RSA PUBLIC KEY` block (encoding `PEM`). " +
			"IAM documents RSA keys of 2048 bits or more; keys of the other algorithms OpenSSH uses are read and judged too. " +
			"It returns an object with `algorithm` (RSA, ECDSA, Ed25519, DSA), `type` (the SSH key type, such as `ssh-rsa`), `bits`, " +
			"`encoding` (the form the key was given in: `SSH` or `PEM`, as `aws_iam_user_ssh_key` names them), " +
			"`sha256_fingerprint` (OpenSSH's `SHA256:...`, the same for both forms of a key), `md5_fingerprint` (the colon-separated hex IAM shows " +
			"as the key's fingerprint), `public_key` (the key in OpenSSH one-line form without its comment, whichever form it was given in, " +
			"so two spellings of one key compare equal), and `findings`.\n\n" +
			"`findings` applies the rules `iamguard lint` applies to the key itself: " + rules.Names(rules.SSHKeyDSA, rules.SSHKeyWeakRSA) + ". " +
			"A key that does not parse is an argument error, not a finding of " + rules.SSHKeyUnparseable.Name() + "; " +
			"a key that parses but gives no security (an RSA key of the public exponent 1 or an Ed25519 key of small order, so that anyone can make signatures that verify under it, or Ed25519 bytes that are no point of the curve) is one, at high.\n\n" +
			baselineDescription() + "\n\n" +
			findingsDescription + "\n\n" +
			"A null `key`, and text that is not one SSH public key (a private key passed by mistake, several keys, anything else), " +
			"are argument errors. Their messages say what is wrong and never quote the argument, so a private key passed by mistake " +
			"does not reach the output or the logs. " + sensitiveNote + " " +
			unknownNote + "\n\n" + openTofuNote,
		Parameters: []function.Parameter{
			function.StringParameter{
				Name:           "key",
				AllowNullValue: true, // so that null gets this function's own error
				Description:    "One SSH public key, in OpenSSH one-line or PEM form.",
			},
		},
		VariadicParameter: baselineParameter(),
		Return:            function.ObjectReturn{AttributeTypes: sshPublicKeyInfoType},
	}
}

func (sshPublicKeyInfoFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var (
		keyText  types.String
		baseline []types.Dynamic
	)
	if resp.Error = req.Arguments.Get(ctx, &keyText, &baseline); resp.Error != nil {
		return
	}
	inspectMaterial(ctx, resp, sshKeyMaterial, keyText, baseline, inspect.ParseSSHPublicKey,
		func(k *inspect.SSHKey, b rules.Baseline) any {
			return sshPublicKeyInfo{
				Algorithm:         k.Algorithm,
				Type:              k.Type,
				Bits:              int64(k.Bits),
				Encoding:          k.Encoding,
				SHA256Fingerprint: k.SHA256Fingerprint,
				MD5Fingerprint:    k.MD5Fingerprint,
				PublicKey:         k.Authorized,
				Findings:          functionFindings(rules.SSHKeyStrength(k, b)),
			}
		})
}
