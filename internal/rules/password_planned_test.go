package rules

import (
	"slices"
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

// TestPlannedSent: the AWS provider leaves a zero out of the call (GetOk),
// so minimum_password_length = 0 applies IAM's default of 6, as an omitted
// one does, and sends only the low 32 bits of a number (round 180:
// 4294967302 is 6, 4294967297 is 1, 4294968391 is 1095): each is judged as
// IAM gets it, never refused as outside what IAM takes. A number whose low
// bits are all zero reaches IAM as 0, which it refuses: judged as planned.
func TestPlannedSent(t *testing.T) {
	policy := func(length, reuse, age Value[int]) PasswordPolicy {
		return PlannedPasswordPolicy(
			func(name string, _ int) Value[int] {
				return map[string]Value[int]{AttrMinimumLength: length, AttrReusePrevention: reuse, AttrMaxAge: age}[name]
			},
			func(_ string, _ bool) Value[bool] { return Known(true) })
	}
	zero := policy(Value[int]{Sensitive: true}, Known(24), Known(90))
	if zero.MinimumLength != (Value[int]{V: APIDefaultMinimumLength, Sensitive: true}) {
		t.Fatalf("length 0: got %+v", zero.MinimumLength)
	}
	if why := OutsideIAMLimits(zero); why != "" {
		t.Errorf("length 0 refused: %s", why)
	}
	if weak := EvaluatePasswordPolicy(zero, DefaultBaseline()); len(weak) != 1 || weak[0].Rule != PasswordMinLength || weak[0].Severity != High {
		t.Fatalf("length 0, default baseline: %+v", weak)
	}
	zero.MinimumLength.Sensitive = false
	if msg := EvaluatePasswordPolicy(zero, DefaultBaseline())[0].Message; msg != "minimum_password_length is 6 (0 given, which the AWS provider leaves out: IAM's default); the baseline requires at least 14" {
		t.Errorf("message %q", msg)
	}
	if got := EvaluatePasswordPolicy(zero, Baseline{PasswordMinLength: 6, PasswordReusePrevention: 24, PasswordMaxAgeDays: 90}); len(got) != 0 {
		t.Errorf("length 0, baseline 6: %+v", got)
	}

	cut := policy(Known(1<<32+6), Known(1<<32+1), Known(1<<32+1095))
	if cut.MinimumLength.V != 6 || cut.ReusePrevention.V != 1 || cut.MaxAgeDays.V != 1095 || OutsideIAMLimits(cut) != "" {
		t.Fatalf("past 32 bits: got %+v", cut)
	}
	var msgs []string
	for _, f := range EvaluatePasswordPolicy(cut, DefaultBaseline()) {
		msgs = append(msgs, f.Rule.ID+" "+f.Severity.String()+": "+f.Message)
	}
	want := []string{
		"IG101 high: minimum_password_length is 6 (4294967302 given, of which the AWS provider sends only the low 32 bits); the baseline requires at least 14",
		"IG106 medium: password_reuse_prevention is 1 (4294967297 given, of which the AWS provider sends only the low 32 bits); the baseline requires 24",
		"IG107 medium: max_password_age is 1095 days (4294968391 given, of which the AWS provider sends only the low 32 bits); the baseline allows at most 90",
	}
	if !slices.Equal(msgs, want) {
		t.Errorf("past 32 bits:\n got %q\nwant %q", msgs, want)
	}
	if neg := policy(Known(-(1<<32)+6), Known(24), Known(90)); neg.MinimumLength.V != 6 {
		t.Errorf("-4294967290: got %d, want 6", neg.MinimumLength.V)
	}
	// Low 32 bits that meet the baseline: low, not a pass (round 252).
	sound := policy(Known(-(1<<32)+14), Known(24), Known(1<<32+90))
	msgs = nil
	for _, f := range EvaluatePasswordPolicy(sound, DefaultBaseline()) {
		msgs = append(msgs, f.Rule.ID+" "+f.Severity.String()+": "+f.Message)
	}
	want = []string{
		"IG101 low: minimum_password_length is -4294967282, of which the AWS provider sends only the low 32 bits, 14: that meets the baseline, but write it as 14",
		"IG107 low: max_password_age is 4294967386, of which the AWS provider sends only the low 32 bits, 90: that meets the baseline, but write it as 90",
	}
	if !slices.Equal(msgs, want) {
		t.Errorf("past 32 bits, low bits sound:\n got %q\nwant %q", msgs, want)
	}
	// Low bits IAM refuses: refused, not advised (round 253).
	refused := EvaluatePasswordPolicy(policy(Known(1<<32+200), Known(24), Known(90)), DefaultBaseline())
	if len(refused) != 1 || refused[0].Severity != Info || !strings.Contains(refused[0].Message, "IAM refuses the policy") {
		t.Errorf("past 32 bits, low bits refused: %+v", refused)
	}
	if all := policy(Known(1<<32), Known(24), Known(90)); all.MinimumLength.V != 1<<32 || OutsideIAMLimits(all) == "" {
		t.Errorf("2^32: got %d, refused %q; want it kept, refused", all.MinimumLength.V, OutsideIAMLimits(all))
	}
}
