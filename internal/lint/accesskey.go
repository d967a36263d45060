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
	out := c.reactivation(rules.AccessKeyReactivated)
	status := c.after.str("status", "Active")
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
// applied. Keys whose user or status is known only after apply are not
// counted.
func (l *linter) activeKeysByUser() map[string][]string {
	if l.activeKeys != nil {
		return l.activeKeys
	}
	l.activeKeys = map[string][]string{}
	for addr, o := range l.applied("aws_iam_access_key") {
		user, _ := o.values["user"].(string)
		status, ok := o.values["status"].(string)
		if user == "" || o.unknown["user"] == true || o.unknown["status"] == true || ok && status != "Active" {
			continue
		}
		l.activeKeys[user] = append(l.activeKeys[user], addr)
	}
	for _, keys := range l.activeKeys {
		sort.Strings(keys)
	}
	return l.activeKeys
}
