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
	if reactivated(c) {
		out = append(out, rules.SSHKeyReactivated.Finding("status", "status changes from Inactive to Active"))
	}
	if key != nil {
		if users := l.sshKeyUsers()[key.SHA256Fingerprint]; len(users) > 1 {
			out = append(out, rules.SharedSSHKey(key.SHA256Fingerprint, users))
		}
	}
	return out
}

// reactivated reports an update that turns status from Inactive to Active.
func reactivated(c *change) bool {
	status := c.after.str("status", "Active")
	if c.action != "update" || status.Unknown || status.V != "Active" {
		return false
	}
	before, _ := c.before.raw("status").(string)
	return before == "Inactive"
}

// sshKeyUsers maps each SSH key (by SHA-256 fingerprint) to the users it is
// uploaded for once the plan is applied: keys in prior state the plan
// leaves alone, plus what the plan creates or keeps. Keys whose text or
// user is known only after apply are left out.
func (l *linter) sshKeyUsers() map[string][]string {
	if l.sshKeys != nil {
		return l.sshKeys
	}
	type upload struct{ user, fingerprint string }
	final := map[string]upload{}
	read := func(v, unknown map[string]any) (upload, bool) {
		user, _ := v["username"].(string)
		text, _ := v["public_key"].(string)
		if user == "" || text == "" || unknown["username"] == true || unknown["public_key"] == true {
			return upload{}, false
		}
		k, err := inspect.ParseSSHPublicKey(text)
		if err != nil {
			return upload{}, false
		}
		return upload{user, k.SHA256Fingerprint}, true
	}
	for _, r := range l.plan.Prior {
		if r.Type == "aws_iam_user_ssh_key" {
			if u, ok := read(r.Values, nil); ok {
				final[r.Address] = u
			}
		}
	}
	for _, rc := range l.plan.Changes {
		if rc.Type != "aws_iam_user_ssh_key" || rc.Change == nil || rc.DeposedKey != "" {
			continue
		}
		delete(final, rc.Address)
		if rc.Change.Actions.Delete() {
			continue
		}
		after, _ := rc.Change.After.(map[string]any)
		unknown, _ := rc.Change.AfterUnknown.(map[string]any)
		if rc.Change.Actions.Forget() { // the key stays in AWS as it was
			after, _ = rc.Change.Before.(map[string]any)
		}
		if u, ok := read(after, unknown); ok {
			final[rc.Address] = u
		}
	}
	l.sshKeys = map[string][]string{}
	for _, u := range final {
		if !slices.Contains(l.sshKeys[u.fingerprint], u.user) {
			l.sshKeys[u.fingerprint] = append(l.sshKeys[u.fingerprint], u.user)
		}
	}
	for _, users := range l.sshKeys {
		slices.Sort(users)
	}
	return l.sshKeys
}
