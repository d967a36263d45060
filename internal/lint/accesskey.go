package lint

import "github.com/iamguard/terraform-provider-iamguard/internal/rules"

// judgeAccessKey judges aws_iam_access_key. Removing a key is never the risk.
func judgeAccessKey(l *linter, c *change) []rules.Finding {
	if c.removed {
		return nil
	}
	out := c.reactivation(rules.AccessKeyReactivated)
	out = append(out, rules.AccessKeySecret(c.after().str("pgp_key", ""))...)
	return append(out, l.accessKeyFindings()[c.rc.Address]...)
}
