package lint

import (
	"slices"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

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
		// Beside other standing objects of the account's one policy, AWS
		// holds whichever was applied last, and an update sets it anew
		// (round 301: compared with its own before alone). A no-op sets
		// nothing.
		prev := passwordPolicy(before)
		if same, _ := l.accountPolicy(c); same != nil && (c.action == "update" || c.action == "replace") {
			prev = rules.StricterPolicy(prev, *same)
		}
		out = append(out, rules.PasswordPolicyWeakened(prev, after)...)
	case c.action == "create":
		// Created beside another object of the account's one policy, it
		// replaces the policy that object shows.
		switch same, other := l.accountPolicy(c); {
		case same != nil:
			out = append(out, rules.PasswordPolicyWeakened(*same, after)...)
		case other != nil:
			out = append(out, rules.PasswordPolicyMayReplace(other.address)...)
		}
	}
	// The account has one policy, and destroying any object of this type
	// deletes it: a replacement that creates before it destroys sets the
	// new policy, then deletes it; one that destroys first sets no policy
	// IAM refuses. One that forgets the old object destroys nothing.
	switch {
	case c.action != "replace":
	case slices.Equal(c.rc.Actions, tfjson.Actions{tfjson.ActionCreate, tfjson.ActionDelete}):
		out = append(out, rules.PasswordPolicyReplacedCreatingFirst()...)
	case slices.Equal(c.rc.Actions, tfjson.Actions{tfjson.ActionDelete, tfjson.ActionCreate}):
		out = append(out, rules.PasswordPolicyReplacedRefused(after)...)
	}
	return out
}
