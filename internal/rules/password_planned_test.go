package rules

import (
	"strings"
	"testing"
)

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

// TestPlannedZeroLength: the AWS provider leaves a zero out of the call
// (GetOk), so minimum_password_length = 0 applies IAM's default of 6, as an
// omitted one does: judged as 6, never refused as outside what IAM takes.
func TestPlannedZeroLength(t *testing.T) {
	zero := PlannedPasswordPolicy(
		func(name string, _ int) Value[int] {
			return map[string]Value[int]{AttrMinimumLength: {Sensitive: true}, AttrMaxAge: Known(90), AttrReusePrevention: Known(24)}[name]
		},
		func(_ string, def bool) Value[bool] { return Known(true) })
	if zero.MinimumLength != (Value[int]{V: APIDefaultMinimumLength, Sensitive: true}) || !zero.MinimumLengthZero {
		t.Fatalf("got %+v", zero)
	}
	if why := OutsideIAMLimits(zero); why != "" {
		t.Errorf("refused: %s", why)
	}
	weak := EvaluatePasswordPolicy(zero, DefaultBaseline())
	if len(weak) != 1 || weak[0].Rule != PasswordMinLength || weak[0].Severity != High {
		t.Fatalf("default baseline: %+v", weak)
	}
	zero.MinimumLength.Sensitive = false
	if msg := EvaluatePasswordPolicy(zero, DefaultBaseline())[0].Message; !strings.Contains(msg, "is 0, which the AWS provider leaves out, so IAM applies its default of 6") {
		t.Errorf("message %q", msg)
	}
	if got := EvaluatePasswordPolicy(zero, Baseline{PasswordMinLength: 6, PasswordReusePrevention: 24, PasswordMaxAgeDays: 90}); len(got) != 0 {
		t.Errorf("baseline 6: %+v", got)
	}
}
