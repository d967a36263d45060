package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/iamguard/terraform-provider-iamguard/internal/inspect"
)

var sshKeyTypes = []string{"aws_iam_user_ssh_key"}

// SSH public-key rules. IAM keeps SSH keys for CodeCommit; each one opens a
// user's repositories to whoever holds the private half.
var (
	SSHKeyDSA = &Rule{
		ID: "IG401", Slug: "ssh-key-dsa", Severity: High,
		Event:     "UploadSSHPublicKey",
		Summary:   "An ssh-dss (DSA) key is uploaded",
		Rationale: "DSA keys are fixed at 1024 bits and were removed from OpenSSH; they no longer give the protection a key should.",
		Remediation: Remediation{
			Console:   "IAM > Users > (user) > Security credentials > SSH public keys: upload an RSA key of at least the baseline's RSA size (2048 bits by default) and delete the DSA one.",
			CLI:       "ssh-keygen -t rsa -b BITS, BITS at least the baseline's RSA size (2048 by default); aws iam upload-ssh-public-key --user-name USER --ssh-public-key-body file://id_rsa.pub",
			Terraform: "Replace public_key in aws_iam_user_ssh_key with an RSA key of BITS at least the baseline's RSA size, 2048 by default (ssh-keygen -t rsa -b BITS, or tls_private_key with rsa_bits = BITS).",
		},
		References:    []string{"NIST SP 800-131A", "AWS CodeCommit User Guide: SSH connections"},
		ResourceTypes: sshKeyTypes,
	}
	SSHKeyWeakRSA = &Rule{
		ID: "IG402", Slug: "ssh-key-weak-rsa", Severity: High,
		Event:     "UploadSSHPublicKey",
		Summary:   "An RSA SSH key is shorter than the baseline",
		Rationale: "RSA keys below 2048 bits are within reach of factoring; IAM itself asks for at least 2048.",
		Remediation: Remediation{
			Console:   "Generate a key of at least the baseline's RSA size (2048 bits by default) and upload it in place of the short one.",
			CLI:       "ssh-keygen -t rsa -b BITS, BITS at least the baseline's RSA size (2048 by default); aws iam upload-ssh-public-key, then aws iam delete-ssh-public-key for the old key.",
			Terraform: "Use a public_key of BITS at least the baseline's RSA size, 2048 by default (tls_private_key { algorithm = \"RSA\", rsa_bits = BITS }).",
		},
		References:    []string{"NIST SP 800-131A", "IAM API Reference: UploadSSHPublicKey"},
		ResourceTypes: sshKeyTypes,
	}
	SSHKeyUnparseable = &Rule{
		ID: "IG403", Slug: "ssh-key-unparseable", Severity: Medium,
		Event:     "UploadSSHPublicKey",
		Summary:   "The SSH public key does not parse, or does not match its encoding",
		Rationale: "IAM rejects a malformed key at apply time, and a key given in one form while encoding names the other reads back differently on every plan.",
		Remediation: Remediation{
			Console:   "Paste the contents of the .pub file (ssh-rsa AAAA...) or the PEM public key, nothing else.",
			CLI:       "ssh-keygen -l -f key.pub must accept the key; ssh-keygen -e -m PKCS8 -f key.pub converts it to PEM.",
			Terraform: "Set encoding = \"SSH\" for an OpenSSH one-line key and \"PEM\" for a PEM public key, and pass the public key only (file(\"id_rsa.pub\"), or tls_private_key's public_key_openssh).",
		},
		References:    []string{"IAM API Reference: UploadSSHPublicKey"},
		ResourceTypes: sshKeyTypes,
	}
	SSHKeyShared = &Rule{
		ID: "IG404", Slug: "ssh-key-shared", Severity: Medium,
		Event:     "UploadSSHPublicKey",
		Summary:   "The same SSH key is uploaded for several users",
		Rationale: "A shared key makes users indistinguishable in CloudTrail and means one leaked private key opens every account it is attached to.",
		Remediation: Remediation{
			Console:   "Have every user generate and upload a key of their own.",
			CLI:       "aws iam list-ssh-public-keys per user and compare fingerprints; delete the duplicates.",
			Terraform: "Give each aws_iam_user_ssh_key its own public_key; do not reuse one variable for several users.",
		},
		References:    []string{"AWS IAM best practices: do not share credentials", "AWS CodeCommit User Guide: SSH connections"},
		ResourceTypes: sshKeyTypes,
	}
	SSHKeyReactivated = &Rule{
		ID: "IG405", Slug: "ssh-key-reactivated", Severity: High,
		Event:     "UpdateSSHPublicKey",
		Summary:   "An inactive SSH key is switched back on",
		Rationale: "A key was deactivated because it leaked, was replaced or went unused; reactivating it, or uploading the same key again, revives a credential nobody is watching.",
		Remediation: Remediation{
			Console:   "Upload a new key instead of activating the old one, then delete the old key.",
			CLI:       "aws iam upload-ssh-public-key for a new key; aws iam delete-ssh-public-key for the old one.",
			Terraform: "Keep status = \"Inactive\" on the old aws_iam_user_ssh_key, and give a new aws_iam_user_ssh_key a new key, not the old one.",
		},
		References:    []string{"CIS AWS 1.12"},
		ResourceTypes: sshKeyTypes,
	}
)

var sshKeyRules = []*Rule{SSHKeyDSA, SSHKeyWeakRSA, SSHKeyUnparseable, SSHKeyShared, SSHKeyReactivated}

// SSHPublicKey is an SSH key as IAM holds it: the key text and the encoding
// it is declared in (SSH or PEM).
type SSHPublicKey struct {
	PublicKey Value[string]
	Encoding  Value[string]
}

// EvaluateSSHKey judges an SSH public key (IG401-IG403). The parsed key is
// returned too (nil when it does not parse) for cross-key checks.
func EvaluateSSHKey(k SSHPublicKey, b Baseline) ([]Finding, *inspect.SSHKey) {
	if k.PublicKey.Unknown {
		return []Finding{SSHKeyUnparseable.unknown("public_key", k.PublicKey)}, nil
	}
	key, err := inspect.ParseSSHPublicKey(k.PublicKey.V)
	if err != nil {
		f := SSHKeyUnparseable.finding("public_key", "public_key: %v", err)
		return withhold([]Finding{f}, k.sensitive), nil
	}
	var out []Finding
	switch enc := k.Encoding; {
	case enc.Unknown:
		out = append(out, SSHKeyUnparseable.unknown("encoding", enc))
	case !strings.EqualFold(enc.V, key.Encoding) && k.PublicKey.Sensitive: // its form would tell of it
		out = append(out, SSHKeyUnparseable.finding("encoding", "public_key is %s and not in the form encoding %s names", redacted, enc.Quote()))
	case !strings.EqualFold(enc.V, key.Encoding):
		out = append(out, SSHKeyUnparseable.finding("encoding", "public_key is in %s form but encoding is %s", describeEncoding(key.Encoding), enc.Quote()))
	}
	return withhold(append(out, SSHKeyStrength(key, b)...), k.sensitive), key
}

// sensitive reports whether a finding on attr draws on a sensitive value:
// an encoding finding on the encoding (its message shows the key only as
// sensitive), every other one on the key.
func (k SSHPublicKey) sensitive(attr string) bool {
	if attr == "encoding" {
		return k.Encoding.Sensitive
	}
	return k.PublicKey.Sensitive
}

// SSHKeyStrength judges a parsed key's algorithm and size (IG401, IG402),
// and a key that gives no security whatever its size (IG403 at high, as a
// certificate's is IG304: rounds 244 and 297).
func SSHKeyStrength(key *inspect.SSHKey, b Baseline) []Finding {
	switch {
	case key.KeyFlaw != "":
		f := SSHKeyUnparseable.finding("public_key", "public_key is an %s", key.KeyFlaw)
		f.Severity = High
		return []Finding{f}
	case key.Algorithm == "DSA":
		return []Finding{SSHKeyDSA.finding("public_key", "ssh-dss (DSA) key of %d bits; use RSA of at least %d bits", key.Bits, b.MinRSABits)}
	case key.Algorithm == "RSA" && key.Bits < b.MinRSABits:
		return []Finding{SSHKeyWeakRSA.finding("public_key", "RSA key of %d bits; at least %d required", key.Bits, b.MinRSABits)}
	}
	return nil
}

func describeEncoding(e string) string {
	if e == inspect.EncodingSSH {
		return "SSH (OpenSSH one-line)"
	}
	return e
}

// SSHKeyUse is one upload of an SSH key, named by its SHA-256 fingerprint,
// for a user. Either may be sensitive; they are grouped all the same.
type SSHKeyUse struct {
	User, Fingerprint Value[string]
	// UserKey tells users apart where User.V cannot (a user known only
	// after apply, named by where it comes from); empty: User.V, case
	// aside.
	UserKey string
	// ReadFrom, for a key known only after apply, is the references it is
	// read from; Fingerprint then stands for that source, the same for
	// every upload that reads it alike, which may be one key (IG404 at
	// info).
	ReadFrom []string
}

// SharedSSHKeys judges an account's SSH keys as a set: each key uploaded for
// more than one user gets an IG404 finding, keyed by fingerprint. IAM user
// names are case-insensitive, so "Deployer" and "deployer" are one user.
func SharedSSHKeys(uses []SSHKeyUse) map[string]Finding {
	type key struct {
		fingerprint Value[string]
		readFrom    []string
		users       []Value[string] // first spelling kept
		uses        int             // uploads, users known or not
		unknownUser Value[string]   // Unknown: one of them for a user known only after apply (Impure: chosen then)
	}
	keys := map[string]*key{}
	seen := map[[2]string]int{} // a key's user, case aside -> its index in users
	for _, u := range uses {
		fp := u.Fingerprint.V
		if u.Fingerprint.Unknown || fp == "" {
			continue
		}
		if keys[fp] == nil {
			keys[fp] = &key{fingerprint: u.Fingerprint, readFrom: u.ReadFrom}
		}
		k := keys[fp]
		k.uses++
		// Any upload marking the key sensitive withholds it, whoever uses it.
		k.fingerprint.Sensitive = k.fingerprint.Sensitive || u.Fingerprint.Sensitive
		if u.User.Unknown || u.User.V == "" {
			k.unknownUser.Unknown = k.unknownUser.Unknown || u.User.Unknown
			k.unknownUser.Impure = k.unknownUser.Impure || u.User.Impure
			continue
		}
		userKey := u.UserKey
		if userKey == "" {
			userKey = FoldName(u.User.V)
		}
		if i, ok := seen[[2]string{fp, userKey}]; ok {
			// Another spelling of a user already listed: one marked
			// sensitive withholds the name for both.
			k.users[i].Sensitive = k.users[i].Sensitive || u.User.Sensitive
			continue
		}
		seen[[2]string{fp, userKey}] = len(k.users)
		k.users = append(k.users, u.User)
	}
	out := map[string]Finding{}
	for fp, k := range keys {
		if len(k.users) < 2 {
			if k.unknownUser.Unknown && k.uses > 1 {
				// Uploaded more than once, for a user known only after
				// apply: whether for another user cannot be told yet.
				out[fp] = SSHKeyShared.unknown("username", k.unknownUser)
			}
			continue
		}
		// Names shown in order, the withheld ones after them, as the
		// uploads come: where a withheld name sorted would tell of it.
		slices.SortStableFunc(k.users, func(a, b Value[string]) int {
			switch {
			case a.Sensitive && b.Sensitive:
				return 0
			case a.Sensitive:
				return 1
			case b.Sensitive:
				return -1
			}
			return strings.Compare(a.V, b.V)
		})
		// Users of one name are of as many accounts (round 355).
		quoted := make([]string, 0, len(k.users))
		for i := 0; i < len(k.users); {
			u, n := k.users[i], 1
			for i+n < len(k.users) && !u.Sensitive && !k.users[i+n].Sensitive && FoldName(k.users[i+n].V) == FoldName(u.V) {
				n++
			}
			q := u.Quote()
			if n > 1 {
				q += fmt.Sprintf(" (in %d accounts)", n)
			}
			quoted = append(quoted, q)
			i += n
		}
		f := SSHKeyShared.finding("public_key", "the key %s is uploaded for %d users: %s", k.fingerprint.Show(), len(k.users), nameSome(quoted))
		if k.readFrom != nil {
			// Two expressions over the same references may give two keys
			// (lookup(x, "a"), lookup(x, "b")): undecided.
			f.Severity = Info
			f.Message = fmt.Sprintf("uploads for %d users read the key from %s alike: %s; whether they upload one key is known only after apply",
				len(k.users), nameSome(k.readFrom), nameSome(quoted))
		}
		f.Subject = fp
		out[fp] = f
	}
	return out
}
