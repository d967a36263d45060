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
	secret := rules.AccessKeySecret(c.after().str("pgp_key", ""))
	if out == nil && len(facts) == 0 {
		return secret
	}
	out = append(slices.Grow(out, len(secret)+len(facts)), secret...)
	return append(out, facts...)
}
