package lint

import "github.com/iamguard/terraform-provider-iamguard/internal/rules"

// passwordPolicy reads aws_iam_account_password_policy; omitted attributes
// take the defaults rules.PlannedPasswordPolicy declares.
func passwordPolicy(a attrs) rules.PasswordPolicy {
	return rules.PlannedPasswordPolicy(a.int, a.bool)
}

func judgePasswordPolicy(l *linter, c *change) []rules.Finding {
	if c.removed {
		return rules.PasswordPolicyRemoval()
	}
	after := passwordPolicy(c.after())
	out := rules.EvaluatePasswordPolicy(after, l.baseline)
	switch before := c.before(); {
	case before.values != nil:
		out = append(out, rules.PasswordPolicyWeakened(passwordPolicy(before), after)...)
	case c.action == "create" && l.currentPolicy != nil:
		// Created beside another object of the account's one policy, it
		// replaces the policy that object shows.
		out = append(out, rules.PasswordPolicyWeakened(*l.currentPolicy, after)...)
	}
	// The account has one policy, and destroying any object of this type
	// deletes it: a replacement that creates before it destroys sets the
	// new policy, then deletes it.
	if c.action == "replace" && len(c.rc.Actions) > 0 && c.rc.Actions[0] == "create" {
		out = append(out, rules.PasswordPolicyReplacedCreatingFirst()...)
	}
	return out
}
