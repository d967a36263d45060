package lint

import "github.com/iamguard/terraform-provider-iamguard/internal/rules"

func judgeLoginProfile(_ *linter, c *change) []rules.Finding {
	if c.removed {
		return nil
	}
	return rules.EvaluateLoginProfile(c.after.bool("password_reset_required", false))
}
