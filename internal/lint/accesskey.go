package lint

import (
	"sort"
	"time"

	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

func judgeAccessKey(l *linter, c *change) []rules.Finding {
	if c.removed {
		return nil // removing a key is never the risk
	}
	var out []rules.Finding
	status := c.after.str("status", "Active")
	if c.action == "update" && !status.Unknown && status.V == "Active" {
		if before, _ := c.before.raw("status").(string); before == "Inactive" {
			out = append(out, rules.AccessKeyReactivated.Finding("status", "status changes from Inactive to Active"))
		}
	}
	switch pgp := c.after.str("pgp_key", ""); {
	case pgp.Unknown:
		out = append(out, rules.AccessKeySecretInState.Unknown("pgp_key"))
	case pgp.V == "":
		out = append(out, rules.AccessKeySecretInState.Finding("pgp_key",
			"pgp_key is not set: the secret access key and SMTP password are stored unencrypted in state"))
	}
	if status.Unknown || status.V != "Active" {
		return out
	}
	if user, ok := c.after.raw("user").(string); ok {
		if keys := l.activeKeysByUser()[user]; len(keys) > 1 {
			out = append(out, rules.MultipleActiveKeys(user, keys))
		}
	}
	// A key created by this plan is new by definition; an existing key's
	// create_date is known from state.
	if created, ok := c.after.raw("create_date").(string); ok {
		if t, err := time.Parse(time.RFC3339, created); err == nil {
			if f, ok := rules.AccessKeyAge(t, l.now, l.baseline); ok {
				out = append(out, f)
			}
		}
	}
	return out
}

// activeKeysByUser lists, per user, the access keys active once the plan is
// applied: keys in prior state that the plan leaves alone, plus what the
// plan creates or keeps.
func (l *linter) activeKeysByUser() map[string][]string {
	if l.activeKeys != nil {
		return l.activeKeys
	}
	type key struct {
		user   string
		active bool
	}
	final := map[string]key{}
	read := func(v map[string]any) key {
		user, _ := v["user"].(string)
		status, ok := v["status"].(string)
		return key{user: user, active: !ok || status == "Active"}
	}
	for _, r := range l.plan.Prior {
		if r.Type == "aws_iam_access_key" {
			final[r.Address] = read(r.Values)
		}
	}
	for _, rc := range l.plan.Changes {
		if rc.Type != "aws_iam_access_key" || rc.Change == nil || rc.DeposedKey != "" {
			continue
		}
		if rc.Change.Actions.Delete() {
			delete(final, rc.Address)
			continue
		}
		after, _ := rc.Change.After.(map[string]any)
		if rc.Change.Actions.Forget() {
			after, _ = rc.Change.Before.(map[string]any) // the key stays, unmanaged
		}
		k := read(after)
		if unknown, _ := rc.Change.AfterUnknown.(map[string]any); unknown["user"] == true || unknown["status"] == true {
			k.user = "" // cannot be counted until apply
		}
		final[rc.Address] = k
	}
	l.activeKeys = map[string][]string{}
	for addr, k := range final {
		if k.active && k.user != "" {
			l.activeKeys[k.user] = append(l.activeKeys[k.user], addr)
		}
	}
	for _, keys := range l.activeKeys {
		sort.Strings(keys)
	}
	return l.activeKeys
}
