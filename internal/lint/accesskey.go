package lint

import (
	"slices"

	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// judgeAccessKey judges aws_iam_access_key. Removing a key is never the risk.
func judgeAccessKey(l *linter, c *change) []rules.Finding {
	if c.removed {
		return nil
	}
	if l.keyFacts == nil {
		panic("lint: an access key was judged before the keys were grouped by user; group them in gatherFacts")
	}
	facts := l.keySetFacts(c)
	out := c.reactivation(rules.AccessKeyReactivated)
	secret := rules.AccessKeySecret(c.after().str("pgp_key", ""), c.noKeySecret())
	if out == nil && len(facts) == 0 {
		return secret
	}
	out = append(slices.Grow(out, len(secret)+len(facts)), secret...)
	return append(out, facts...)
}

// noKeySecret reports whether the state holds no secret of the key once
// the change is applied: it is forgotten, or it was there before with its
// secret null (imported: AWS returns a secret only from CreateAccessKey)
// and is not made anew. The plan's secret is never read, only whether it
// is null (plan.NullOnly).
func (c *change) noKeySecret() bool {
	switch c.action {
	case "forget":
		return true
	case "create", "replace":
		return false
	}
	v, ok := c.before().values.Get("secret")
	return ok && v == nil
}
