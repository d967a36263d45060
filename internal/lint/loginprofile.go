package lint

import "github.com/iamguard/terraform-provider-iamguard/internal/rules"

// judgeLoginProfile judges the reset flag only when the plan sets a console
// password (CreateLoginProfile). IAM clears PasswordResetRequired once the
// user has changed the password, so an existing profile reads false in state
// whatever it was created with.
func judgeLoginProfile(_ *linter, c *change) []rules.Finding {
	if c.action != "create" && c.action != "replace" {
		return nil
	}
	return rules.EvaluateLoginProfile(c.after().bool("password_reset_required", false))
}
