package lint

import (
	"slices"

	"github.com/iamguard/terraform-provider-iamguard/internal/inspect"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// judgeSSHKey judges aws_iam_user_ssh_key (IG401-IG405).
func judgeSSHKey(l *linter, c *change) []rules.Finding {
	if c.removed {
		return nil
	}
	out, key := rules.EvaluateSSHKey(rules.SSHPublicKey{
		PublicKey: c.after.str("public_key", ""),
		Encoding:  c.after.str("encoding", ""),
	}, l.baseline)
	out = append(out, c.reactivation(rules.SSHKeyReactivated)...)
	if key != nil {
		if users := l.sshKeyUsers()[key.SHA256Fingerprint]; len(users) > 1 {
			out = append(out, rules.SharedSSHKey(key.SHA256Fingerprint, users))
		}
	}
	return out
}

// sshKeyUsers maps each SSH key (by SHA-256 fingerprint) to the users it is
// uploaded for once the plan is applied. Keys whose text or user is known
// only after apply are left out.
func (l *linter) sshKeyUsers() map[string][]string {
	if l.sshKeys != nil {
		return l.sshKeys
	}
	l.sshKeys = map[string][]string{}
	for _, o := range l.applied("aws_iam_user_ssh_key") {
		user, _ := o.values["username"].(string)
		text, _ := o.values["public_key"].(string)
		if user == "" || text == "" || o.unknown["username"] == true || o.unknown["public_key"] == true {
			continue
		}
		k, err := inspect.ParseSSHPublicKey(text)
		if err != nil {
			continue
		}
		if users := l.sshKeys[k.SHA256Fingerprint]; !slices.Contains(users, user) {
			l.sshKeys[k.SHA256Fingerprint] = append(users, user)
		}
	}
	for _, users := range l.sshKeys {
		slices.Sort(users)
	}
	return l.sshKeys
}
