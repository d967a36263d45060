package rules

// LoginProfileNoReset is IG601.
var LoginProfileNoReset = &Rule{
	ID: "IG601", Slug: "login-profile-no-reset", Severity: Medium,
	Summary:   "A console password is set without requiring a reset at first sign-in",
	Rationale: "Whoever set the initial password (and anyone who can read state or the pipeline log) knows it until the user changes it; forcing a reset limits that to one sign-in.",
	Remediation: Remediation{
		Console:   "IAM > Users > (user) > Security credentials > Console access: tick 'User must create a new password at next sign-in'.",
		CLI:       "aws iam create-login-profile --user-name USER --password-reset-required ...",
		Terraform: "Set password_reset_required = true on aws_iam_user_login_profile (and pgp_key so the generated password is encrypted).",
	},
	References:    []string{"AWS IAM User Guide: Setting a user's password (require a new password at next sign-in)", "Terraform docs: aws_iam_user_login_profile password_reset_required"},
	Event:         "CreateLoginProfile",
	ResourceTypes: []string{"aws_iam_user_login_profile"},
}

var loginProfileRules = []*Rule{LoginProfileNoReset}

// EvaluateLoginProfile judges a console password's reset flag (IG601).
func EvaluateLoginProfile(passwordResetRequired Value[bool]) []Finding {
	const attr = "password_reset_required"
	switch {
	case passwordResetRequired.Unknown:
		return []Finding{LoginProfileNoReset.unknown(attr, passwordResetRequired)}
	case !passwordResetRequired.V:
		f := LoginProfileNoReset.finding(attr, "%s is false: the initial console password stays valid until the user changes it", attr)
		return withhold([]Finding{f}, func(string) bool { return passwordResetRequired.Sensitive })
	}
	return nil
}
