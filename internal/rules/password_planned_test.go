package rules

import "testing"

// TestPlannedPasswordPolicyDefaults: an omitted argument of
// aws_iam_account_password_policy takes the default UpdateAccountPasswordPolicy
// applies, except allow_users_to_change_password (true, the AWS provider's
// default); a given one is used as given.
func TestPlannedPasswordPolicyDefaults(t *testing.T) {
	omitted := PlannedPasswordPolicy(
		func(_ string, def int) Value[int] { return Known(def) },
		func(_ string, def bool) Value[bool] { return Known(def) })
	want := PasswordPolicy{MinimumLength: Known(APIDefaultMinimumLength), AllowUsersToChange: Known(true),
		RequireUppercase: Known(false), RequireLowercase: Known(false), RequireNumbers: Known(false), RequireSymbols: Known(false),
		MaxAgeDays: Known(0), ReusePrevention: Known(0), HardExpiry: Known(false)}
	if omitted != want {
		t.Errorf("omitted: got %+v, want %+v", omitted, want)
	}
	given := PlannedPasswordPolicy(
		func(name string, _ int) Value[int] {
			return map[string]Value[int]{AttrMinimumLength: Known(14), AttrMaxAge: UnknownValue[int](), AttrReusePrevention: Known(24)}[name]
		},
		func(name string, _ bool) Value[bool] { return Known(name != AttrAllowUsersToChange) })
	if given.MinimumLength != Known(14) || !given.MaxAgeDays.Unknown || given.ReusePrevention != Known(24) ||
		!given.RequireSymbols.V || !given.HardExpiry.V || given.AllowUsersToChange.V {
		t.Errorf("given: got %+v", given)
	}
}
