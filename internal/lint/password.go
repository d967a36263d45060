package lint

import "github.com/iamguard/terraform-provider-iamguard/internal/rules"

// passwordPolicy reads aws_iam_account_password_policy. Omitted attributes
// take what UpdateAccountPasswordPolicy applies for them, except
// allow_users_to_change_password, which the AWS provider defaults to true.
func passwordPolicy(a attrs) rules.PasswordPolicy {
	return rules.PasswordPolicy{
		MinimumLength:      a.int(rules.AttrMinimumLength, rules.APIDefaultMinimumLength),
		RequireUppercase:   a.bool(rules.AttrRequireUppercase, false),
		RequireLowercase:   a.bool(rules.AttrRequireLowercase, false),
		RequireNumbers:     a.bool(rules.AttrRequireNumbers, false),
		RequireSymbols:     a.bool(rules.AttrRequireSymbols, false),
		MaxAgeDays:         a.int(rules.AttrMaxAge, 0),
		ReusePrevention:    a.int(rules.AttrReusePrevention, 0),
		AllowUsersToChange: a.bool(rules.AttrAllowUsersToChange, true),
		HardExpiry:         a.bool(rules.AttrHardExpiry, false),
	}
}

func judgePasswordPolicy(l *linter, c *change) []rules.Finding {
	if c.removed {
		return rules.PasswordPolicyRemoval()
	}
	after := passwordPolicy(c.after)
	out := rules.EvaluatePasswordPolicy(after, l.baseline)
	if c.before.values != nil {
		out = append(out, rules.PasswordPolicyWeakened(passwordPolicy(c.before), after)...)
	}
	return out
}
