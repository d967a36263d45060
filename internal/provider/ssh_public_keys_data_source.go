package provider

import (
	"context"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/iamguard/terraform-provider-iamguard/internal/awsiam"
	"github.com/iamguard/terraform-provider-iamguard/internal/inspect"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

var _ datasource.DataSourceWithConfigure = (*sshPublicKeysDataSource)(nil)

type sshPublicKeysDataSource struct{ client *client }

func newSSHPublicKeysDataSource() datasource.DataSource { return &sshPublicKeysDataSource{} }

// sshKeyRules are the rules a live SSH key is judged by. IG405
// (reactivation) is a change, which only a plan shows.
var sshKeyRules = []*rules.Rule{rules.SSHKeyDSA, rules.SSHKeyWeakRSA, rules.SSHKeyUnparseable, rules.SSHKeyShared}

type sshPublicKeysModel struct {
	UserName      types.String        `tfsdk:"user_name"`
	SSHPublicKeys []sshPublicKeyModel `tfsdk:"ssh_public_keys"`
	Compliant     types.Bool          `tfsdk:"compliant"`
	Findings      []findingModel      `tfsdk:"findings"`
}

type sshPublicKeyModel struct {
	UserName       types.String `tfsdk:"user_name"`
	SSHPublicKeyID types.String `tfsdk:"ssh_public_key_id"`
	Status         types.String `tfsdk:"status"`
	UploadDate     types.String `tfsdk:"upload_date"`
	Fingerprint    types.String `tfsdk:"fingerprint"`
	Algorithm      types.String `tfsdk:"algorithm"`
	Bits           types.Int64  `tfsdk:"bits"`
}

func (d *sshPublicKeysDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_ssh_public_keys"
}

func (d *sshPublicKeysDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := findingsAttributes()
	attrs["user_name"] = schema.StringAttribute{Optional: true,
		Description: "Show and judge only this user's keys. " + rules.SSHKeyShared.Name() + " still compares them with every other user's keys, " +
			"so the whole account is read either way; if the other users cannot be read, a " + rules.CheckIncomplete.Name() + " finding says so."}
	str := func(desc string) schema.Attribute { return schema.StringAttribute{Computed: true, Description: desc} }
	parsed := " Null when the key could not be read or parsed."
	attrs["ssh_public_keys"] = schema.ListNestedAttribute{Computed: true,
		Description: "Every SSH public key (of user_name only, when set), ordered by user name then key ID. The key itself is never shown.",
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"user_name":         str("User the key belongs to."),
			"ssh_public_key_id": str("SSH public key ID (APKA...), the user name CodeCommit takes."),
			"status":            str("As IAM gives it: Active or Inactive (its API also names Expired)."),
			"upload_date":       str("When the key was uploaded (RFC 3339)."),
			"fingerprint":       str("OpenSSH SHA-256 fingerprint (SHA256:...), the same whatever the encoding." + parsed),
			"algorithm":         str("Key algorithm: RSA, DSA, ECDSA or Ed25519." + parsed),
			"bits":              schema.Int64Attribute{Computed: true, Description: "Key size in bits." + parsed},
		}},
	}
	resp.Schema = schema.Schema{
		Description: "Lists IAM users' SSH public keys (iam:ListUsers, then iam:ListSSHPublicKeys per user, then iam:GetSSHPublicKey " +
			"in SSH encoding per key; at most 16 calls at once) and judges them as iamguard lint judges planned aws_iam_user_ssh_key: " +
			rules.Names(sshKeyRules...) + ", the last across every user of the account, whose names IAM compares case-insensitively. " +
			"A user or key that cannot be read (AccessDenied, throttling, or gone since it was listed: deleted, or a user renamed) is named in a " + rules.CheckIncomplete.Name() +
			" finding with the permission; the rest is still judged. A refused iam:ListUsers (or, with user_name, a refused listing of that user's keys) fails the read.",
		Attributes: attrs,
	}
}

func (d *sshPublicKeysDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = configureClient(req, resp)
}

func (d *sshPublicKeysDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m sshPublicKeysModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	keys, fs, err := d.client.sshPublicKeysArea(ctx, m.UserName.ValueString())
	if err != nil {
		resp.Diagnostics.Append(readFailed(ctx, "SSH public keys", err))
		return
	}
	m.SSHPublicKeys = keys
	m.Compliant, m.Findings = d.client.compliant(fs), fs.list()
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// sshPublicKeysArea reads every user's SSH public keys and judges them;
// with only set, it shows and judges that user's keys (the shared-key rule
// still compares them with every other user's).
func (c *client) sshPublicKeysArea(ctx context.Context, only string) ([]sshPublicKeyModel, findings, error) {
	read, err := awsiam.SSHPublicKeys(ctx, c.iam, only)
	if err != nil {
		return nil, nil, err
	}
	shown := func(user string) bool { return only == "" || rules.FoldName(user) == rules.FoldName(only) }
	// unjudged is what a gap leaves undecided: a shown user's keys are not
	// judged at all, another user's only matter to the shared-key rule.
	unjudged := func(user string) []*rules.Rule {
		if user != "" && shown(user) {
			return sshKeyRules
		}
		return []*rules.Rule{rules.SSHKeyShared}
	}
	var fs findings
	var uses []rules.SSHKeyUse
	ours := map[string]bool{} // fingerprints of the keys shown
	out := []sshPublicKeyModel{}
	for _, k := range read.Keys {
		km := sshPublicKeyModel{
			UserName: types.StringValue(k.UserName), SSHPublicKeyID: types.StringValue(k.ID), Status: types.StringValue(k.Status),
			UploadDate: timeValue(k.Uploaded), Fingerprint: types.StringNull(), Algorithm: types.StringNull(), Bits: types.Int64Null(),
		}
		var found []rules.Finding
		var key *inspect.SSHKey
		if k.Gap != nil {
			found = []rules.Finding{rules.Incomplete(k.Gap.Item, gapReason(k.Gap.Err), unjudged(k.UserName)...)}
		} else {
			// Asked for the SSH form; a key IAM sends in another is judged
			// in the form it came in, not as a key in the wrong form
			// (round 279).
			enc := inspect.EncodingSSH
			if strings.HasPrefix(strings.TrimSpace(k.Body), "-----BEGIN") {
				enc = inspect.EncodingPEM
			}
			found, key = rules.EvaluateSSHKey(rules.SSHPublicKey{PublicKey: rules.Known(k.Body), Encoding: rules.Known(enc)}, c.baseline)
		}
		if key != nil {
			uses = append(uses, rules.SSHKeyUse{User: rules.Known(k.UserName), Fingerprint: rules.Known(key.SHA256Fingerprint)})
		}
		if !shown(k.UserName) {
			if k.Gap != nil {
				fs.add(k.ID, found...)
			}
			continue
		}
		fs.add(k.ID, found...)
		if key != nil {
			ours[key.SHA256Fingerprint] = true
			km.Fingerprint, km.Algorithm, km.Bits = types.StringValue(key.SHA256Fingerprint), types.StringValue(key.Algorithm), types.Int64Value(int64(key.Bits))
		}
		out = append(out, km)
	}
	for _, g := range read.Users {
		subject := g.Name
		if subject == "" {
			subject = "account"
		}
		fs.add(subject, rules.Incomplete(g.Item, gapReason(g.Err), unjudged(g.Name)...))
	}
	shared := rules.SharedSSHKeys(uses)
	fps := make([]string, 0, len(shared))
	for fp := range shared {
		if only == "" || ours[fp] {
			fps = append(fps, fp)
		}
	}
	slices.Sort(fps)
	for _, fp := range fps {
		fs.add(fp, shared[fp])
	}
	return out, fs, nil
}
