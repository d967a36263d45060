package rules

import (
	"fmt"
	"math"
	"slices"
)

const eventPasswordPolicy = "UpdateAccountPasswordPolicy"

var passwordTypes = []string{"aws_iam_account_password_policy"}

// Password-policy rules.
var (
	PasswordMinLength = &Rule{
		ID: "IG101", Slug: "password-min-length", Severity: High,
		Summary:   "Password policy minimum length is below the baseline",
		Rationale: "Short passwords fall to guessing and offline cracking; CIS asks for at least 14 characters. An omitted minimum means AWS's default of 6 applies.",
		Remediation: Remediation{
			Console:   "IAM > Account settings > Password policy > Edit: set 'Enforce minimum password length' to the baseline's length or more (14 by default).",
			CLI:       "aws iam update-account-password-policy --minimum-password-length N, N the baseline's length or more (14 by default; repeat every other setting you keep: the call replaces the whole policy)",
			Terraform: "Set minimum_password_length on aws_iam_account_password_policy to the baseline's length or more (14 by default).",
		},
		References: []string{"CIS AWS 1.8", "AWS FSBP IAM.15", "AWS FSBP IAM.7"},
		Event:      eventPasswordPolicy, ResourceTypes: passwordTypes,
	}
	PasswordRequireUppercase = &Rule{
		ID: "IG102", Slug: "password-require-uppercase", Severity: Medium,
		Summary:   "Password policy does not require uppercase letters",
		Rationale: "Requiring uppercase letters widens the space an attacker must search; CIS asks for every character class.",
		Remediation: Remediation{
			Console:   "IAM > Account settings > Password policy > Edit: require at least one of the uppercase letters.",
			CLI:       "aws iam update-account-password-policy --require-uppercase-characters (plus every other setting you keep)",
			Terraform: "Set require_uppercase_characters = true on aws_iam_account_password_policy.",
		},
		References: []string{"CIS AWS 1.5 (v1.2)", "AWS FSBP IAM.11"},
		Event:      eventPasswordPolicy, ResourceTypes: passwordTypes,
	}
	PasswordRequireLowercase = &Rule{
		ID: "IG103", Slug: "password-require-lowercase", Severity: Medium,
		Summary:   "Password policy does not require lowercase letters",
		Rationale: "Requiring lowercase letters widens the space an attacker must search; CIS asks for every character class.",
		Remediation: Remediation{
			Console:   "IAM > Account settings > Password policy > Edit: require at least one of the lowercase letters.",
			CLI:       "aws iam update-account-password-policy --require-lowercase-characters (plus every other setting you keep)",
			Terraform: "Set require_lowercase_characters = true on aws_iam_account_password_policy.",
		},
		References: []string{"CIS AWS 1.6 (v1.2)", "AWS FSBP IAM.12"},
		Event:      eventPasswordPolicy, ResourceTypes: passwordTypes,
	}
	PasswordRequireNumbers = &Rule{
		ID: "IG104", Slug: "password-require-numbers", Severity: Medium,
		Summary:   "Password policy does not require numbers",
		Rationale: "Requiring numbers widens the space an attacker must search; CIS asks for every character class.",
		Remediation: Remediation{
			Console:   "IAM > Account settings > Password policy > Edit: require at least one of the numbers.",
			CLI:       "aws iam update-account-password-policy --require-numbers (plus every other setting you keep)",
			Terraform: "Set require_numbers = true on aws_iam_account_password_policy.",
		},
		References: []string{"CIS AWS 1.8 (v1.2)", "AWS FSBP IAM.14"},
		Event:      eventPasswordPolicy, ResourceTypes: passwordTypes,
	}
	PasswordRequireSymbols = &Rule{
		ID: "IG105", Slug: "password-require-symbols", Severity: Medium,
		Summary:   "Password policy does not require symbols",
		Rationale: "Requiring symbols widens the space an attacker must search; CIS asks for every character class.",
		Remediation: Remediation{
			Console:   "IAM > Account settings > Password policy > Edit: require at least one of the symbols.",
			CLI:       "aws iam update-account-password-policy --require-symbols (plus every other setting you keep)",
			Terraform: "Set require_symbols = true on aws_iam_account_password_policy.",
		},
		References: []string{"CIS AWS 1.7 (v1.2)", "AWS FSBP IAM.13"},
		Event:      eventPasswordPolicy, ResourceTypes: passwordTypes,
	}
	PasswordReusePrevention = &Rule{
		ID: "IG106", Slug: "password-reuse-prevention", Severity: Medium,
		Summary:   "Password reuse prevention is below the baseline",
		Rationale: "Users who may cycle back to an old password undo every forced change; CIS asks that the last 24 passwords be remembered.",
		Remediation: Remediation{
			Console:   "IAM > Account settings > Password policy > Edit: tick 'Prevent password reuse' and remember 24 passwords.",
			CLI:       "aws iam update-account-password-policy --password-reuse-prevention 24 (plus every other setting you keep)",
			Terraform: "Set password_reuse_prevention = 24 on aws_iam_account_password_policy.",
		},
		References: []string{"CIS AWS 1.9", "AWS FSBP IAM.16"},
		Event:      eventPasswordPolicy, ResourceTypes: passwordTypes,
	}
	PasswordMaxAge = &Rule{
		ID: "IG107", Slug: "password-max-age", Severity: Medium,
		Summary:   "Passwords never expire, or expire later than the baseline allows",
		Rationale: "A leaked password stays useful until it is changed; a maximum age bounds that window.",
		Remediation: Remediation{
			Console:   "IAM > Account settings > Password policy > Edit: tick 'Turn on password expiration' and set the baseline's days or fewer (90 by default).",
			CLI:       "aws iam update-account-password-policy --max-password-age N, N the baseline's days or fewer (90 by default; plus every other setting you keep)",
			Terraform: "Set max_password_age on aws_iam_account_password_policy to the baseline's days or fewer (90 by default).",
		},
		References: []string{"CIS AWS 1.11 (v1.2)", "AWS FSBP IAM.17"},
		Event:      eventPasswordPolicy, ResourceTypes: passwordTypes,
	}
	PasswordPolicyRemoved = &Rule{
		ID: "IG108", Slug: "password-policy-removed", Severity: High,
		Summary:   "The account password policy is deleted",
		Rationale: "Deleting the policy (DeleteAccountPasswordPolicy) drops the account to AWS's default: 8 characters, no expiry, no reuse prevention.",
		Remediation: Remediation{
			Console:   "IAM > Account settings > Password policy: keep a custom policy in place.",
			CLI:       "Do not run aws iam delete-account-password-policy; restore one with aws iam update-account-password-policy.",
			Terraform: "Keep the aws_iam_account_password_policy resource; when moving it (into a module, to another name), add a moved block from the old address to the new one, so that Terraform neither deletes nor creates it.",
		},
		References: []string{"CIS AWS 1.8", "AWS FSBP IAM.7"},
		Event:      "DeleteAccountPasswordPolicy", ResourceTypes: passwordTypes,
	}
	PasswordPolicyWeakenedRule = &Rule{
		ID: "IG109", Slug: "password-policy-weakened", Severity: Medium,
		Summary:   "A password-policy setting becomes weaker",
		Rationale: "A weakening is worth a second look even when the result still meets the baseline: it is how policies drift below it.",
		Remediation: Remediation{
			Console:   "IAM > Account settings > Password policy: restore the stronger setting.",
			CLI:       "aws iam update-account-password-policy with the previous values.",
			Terraform: "Revert the attribute to its previous value in aws_iam_account_password_policy, or waive IG109 with a reason.",
		},
		References: []string{"AWS FSBP IAM.7"},
		Event:      eventPasswordPolicy, ResourceTypes: passwordTypes,
	}
	PasswordChangeDisallowed = &Rule{
		ID: "IG110", Slug: "password-change-disallowed", Severity: Low,
		Summary:   "Users may not change their own password",
		Rationale: "Users who cannot change their password cannot rotate one they suspect is exposed, and expiry then locks them out.",
		Remediation: Remediation{
			Console:   "IAM > Account settings > Password policy > Edit: tick 'Allow users to change their own password'.",
			CLI:       "aws iam update-account-password-policy --allow-users-to-change-password (plus every other setting you keep)",
			Terraform: "Set allow_users_to_change_password = true on aws_iam_account_password_policy.",
		},
		References: []string{"AWS IAM user guide: password policy"},
		Event:      eventPasswordPolicy, ResourceTypes: passwordTypes,
	}
)

var passwordRules = []*Rule{
	PasswordMinLength, PasswordRequireUppercase, PasswordRequireLowercase, PasswordRequireNumbers,
	PasswordRequireSymbols, PasswordReusePrevention, PasswordMaxAge, PasswordPolicyRemoved,
	PasswordPolicyWeakenedRule, PasswordChangeDisallowed,
}

// PasswordPolicy is an account password policy as IAM stores it. A zero
// MaxAgeDays means passwords never expire; a zero ReusePrevention means reuse
// is allowed.
type PasswordPolicy struct {
	MinimumLength      Value[int]
	RequireUppercase   Value[bool]
	RequireLowercase   Value[bool]
	RequireNumbers     Value[bool]
	RequireSymbols     Value[bool]
	MaxAgeDays         Value[int]
	ReusePrevention    Value[int]
	AllowUsersToChange Value[bool]
	HardExpiry         Value[bool]
	// The plan's value of a numeric setting where IAM gets another (see
	// sent); nil where they are the same.
	plannedLength, plannedReuse, plannedMaxAge *int
}

// iamLimit is a numeric setting of a password policy and the range
// UpdateAccountPasswordPolicy takes for it.
type iamLimit struct {
	rule     *Rule
	name     string
	v        Value[int]
	min, max int
	zeroOff  bool // 0 leaves the setting off, outside the range
}

func (c iamLimit) refused() bool {
	return !c.v.Unknown && !(c.zeroOff && c.v.V == 0) && (c.v.V < c.min || c.v.V > c.max)
}

func (c iamLimit) String() string {
	off := ""
	if c.zeroOff {
		off = " (0 leaves it off)"
	}
	return fmt.Sprintf("%s must be from %d to %d%s, as IAM takes it", c.name, c.min, c.max, off)
}

// iamLimits are p's numeric settings: length 6 to 128, reuse prevention 1 to
// 24, maximum age 1 to 1095 days, where 0 leaves the last two off.
func iamLimits(p PasswordPolicy) []iamLimit {
	return []iamLimit{
		{PasswordMinLength, AttrMinimumLength, p.MinimumLength, 6, 128, false},
		{PasswordReusePrevention, AttrReusePrevention, p.ReusePrevention, 1, 24, true},
		{PasswordMaxAge, AttrMaxAge, p.MaxAgeDays, 1, 1095, true},
	}
}

// refusedLimit is the first setting of p that UpdateAccountPasswordPolicy
// refuses, if any.
func refusedLimit(p PasswordPolicy) (iamLimit, bool) {
	for _, c := range iamLimits(p) {
		if c.refused() {
			return c, true
		}
	}
	return iamLimit{}, false
}

// OutsideIAMLimits names a setting of p that UpdateAccountPasswordPolicy
// refuses, or is "" when IAM takes them all. Such a policy is never
// applied, so it cannot be judged compliant.
func OutsideIAMLimits(p PasswordPolicy) string {
	if c, ok := refusedLimit(p); ok {
		return c.String()
	}
	return ""
}

// Attribute names, shared with aws_iam_account_password_policy.
const (
	AttrMinimumLength      = "minimum_password_length"
	AttrRequireUppercase   = "require_uppercase_characters"
	AttrRequireLowercase   = "require_lowercase_characters"
	AttrRequireNumbers     = "require_numbers"
	AttrRequireSymbols     = "require_symbols"
	AttrMaxAge             = "max_password_age"
	AttrReusePrevention    = "password_reuse_prevention"
	AttrAllowUsersToChange = "allow_users_to_change_password"
	AttrHardExpiry         = "hard_expiry"
)

// PolicyUnjudged are the arguments PlannedPasswordPolicy reads that no rule
// judges: known or not, they change no finding. The AWS provider leaves an
// omitted hard_expiry unknown until a policy is made.
var PolicyUnjudged = []string{AttrHardExpiry}

// APIDefaultMinimumLength is what UpdateAccountPasswordPolicy applies when the
// minimum length is omitted.
const APIDefaultMinimumLength = 6

// PlannedPasswordPolicy is the policy an aws_iam_account_password_policy
// with the given arguments applies. num and flag read one argument each:
// its value, unknown, or def when the argument is omitted. The defaults are
// what UpdateAccountPasswordPolicy applies for an omitted argument, except
// allow_users_to_change_password, which the AWS provider defaults to true.
// The numbers are what the AWS provider sends of them (see sent).
// The linter and the password_policy_findings function both build policies
// here, so an omitted argument is judged alike by both.
func PlannedPasswordPolicy(num func(name string, def int) Value[int], flag func(name string, def bool) Value[bool]) PasswordPolicy {
	var p PasswordPolicy // read in the order the function's errors name them
	numeric := func(name string) (Value[int], *int) {
		def := numberDefault(name)
		return sent(num(name, def), def)
	}
	setting := func(name string) Value[bool] { return flag(name, FlagDefaults[name]) }
	p.MinimumLength, p.plannedLength = numeric(AttrMinimumLength)
	p.RequireUppercase = setting(AttrRequireUppercase)
	p.RequireLowercase = setting(AttrRequireLowercase)
	p.RequireNumbers = setting(AttrRequireNumbers)
	p.RequireSymbols = setting(AttrRequireSymbols)
	p.MaxAgeDays, p.plannedMaxAge = numeric(AttrMaxAge)
	p.ReusePrevention, p.plannedReuse = numeric(AttrReusePrevention)
	p.AllowUsersToChange = setting(AttrAllowUsersToChange)
	p.HardExpiry = flag(AttrHardExpiry, false)
	return p
}

// numberDefault is IAM's value of a password policy's number that the
// AWS provider does not send: an omitted one, or 0.
func numberDefault(attr string) int {
	if attr == AttrMinimumLength {
		return APIDefaultMinimumLength
	}
	return 0 // no expiry, no reuse prevention
}

// sentNumber is what IAM gets of a password policy's number n.
func sentNumber(attr string, n int) int {
	v, _ := sent(Known(n), numberDefault(attr))
	return v.V
}

// sent is what IAM gets of a planned whole number, and the planned value
// when that differs. The AWS provider sends no zero (d.GetOk), so IAM's
// default def applies, and sends the low 32 bits of any other number
// (aws.Int32(int32(v))): 4294967302 is 6 (round 180). A number whose low 32
// bits are all zero is kept as planned: IAM refuses the 0 it gets for every
// setting, as it refuses the number. So is one past int64 (read as the
// nearest int64, whose low bits are none of the number's), which the
// provider cannot take whole either.
func sent(v Value[int], def int) (Value[int], *int) {
	planned := v.V
	switch low := int(int32(v.V)); {
	case v.Unknown, v.V == math.MaxInt64, v.V == math.MinInt64:
		return v, nil
	case v.V == 0:
		v.V = def
	case low != 0:
		v.V = low
	}
	if v.V == planned {
		return v, nil
	}
	return v, &planned
}

// plannedNote says, for a numeric setting IAM gets otherwise than given
// (in the plan, or to password_policy_findings), what was given and why;
// else "".
func (p PasswordPolicy) plannedNote(attr string) string {
	switch planned := p.planned(attr); {
	case planned == nil:
		return ""
	case *planned == 0:
		return " (0 given, which the AWS provider leaves out: IAM's default)"
	default:
		return fmt.Sprintf(" (%d given, of which the AWS provider sends only the low 32 bits)", *planned)
	}
}

// planned is the number given for a numeric setting that IAM gets
// otherwise (see sent); nil for one it gets as given.
func (p PasswordPolicy) planned(attr string) *int {
	switch attr {
	case AttrMinimumLength:
		return p.plannedLength
	case AttrReusePrevention:
		return p.plannedReuse
	case AttrMaxAge:
		return p.plannedMaxAge
	}
	return nil
}

// NoPasswordPolicy is what applies when the account has no custom policy
// (GetAccountPasswordPolicy answers NoSuchEntity): AWS's default of at least
// eight characters, no required class, no expiry and no reuse prevention.
func NoPasswordPolicy() PasswordPolicy {
	return PasswordPolicy{MinimumLength: Known(8)}
}

// PolicyRules are the rules EvaluatePasswordPolicy judges: those that need
// only the policy itself, not a change to it.
var PolicyRules = []*Rule{
	PasswordMinLength, PasswordRequireUppercase, PasswordRequireLowercase, PasswordRequireNumbers,
	PasswordRequireSymbols, PasswordReusePrevention, PasswordMaxAge, PasswordChangeDisallowed,
}

// EvaluatePasswordPolicy judges a policy against the baseline (IG101-IG107, IG110).
func EvaluatePasswordPolicy(p PasswordPolicy, b Baseline) []Finding {
	var out []Finding
	r := PasswordMinLength
	switch v := p.MinimumLength; {
	case v.Unknown:
		out = append(out, r.unknown(AttrMinimumLength, v))
	case v.V < b.PasswordMinLength:
		out = append(out, r.finding(AttrMinimumLength, "%s is %d%s; the baseline requires at least %d", AttrMinimumLength, v.V, p.plannedNote(AttrMinimumLength), b.PasswordMinLength))
	}
	for _, c := range []struct {
		rule *Rule
		attr string
		v    Value[bool]
	}{
		{PasswordRequireUppercase, AttrRequireUppercase, p.RequireUppercase},
		{PasswordRequireLowercase, AttrRequireLowercase, p.RequireLowercase},
		{PasswordRequireNumbers, AttrRequireNumbers, p.RequireNumbers},
		{PasswordRequireSymbols, AttrRequireSymbols, p.RequireSymbols},
	} {
		switch {
		case c.v.Unknown:
			out = append(out, c.rule.unknown(c.attr, c.v))
		case !c.v.V:
			out = append(out, c.rule.finding(c.attr, "%s is false; the baseline requires it", c.attr))
		}
	}
	r = PasswordReusePrevention
	switch v := p.ReusePrevention; {
	case v.Unknown:
		out = append(out, r.unknown(AttrReusePrevention, v))
	case v.V == 0:
		out = append(out, r.finding(AttrReusePrevention, "%s is not set, so passwords may be reused; the baseline requires %d", AttrReusePrevention, b.PasswordReusePrevention))
	case v.V < b.PasswordReusePrevention:
		out = append(out, r.finding(AttrReusePrevention, "%s is %d%s; the baseline requires %d", AttrReusePrevention, v.V, p.plannedNote(AttrReusePrevention), b.PasswordReusePrevention))
	}
	r = PasswordMaxAge
	switch v := p.MaxAgeDays; {
	case v.Unknown:
		out = append(out, r.unknown(AttrMaxAge, v))
	case v.V == 0:
		out = append(out, r.finding(AttrMaxAge, "passwords never expire (%s not set); the baseline requires at most %s", AttrMaxAge, days(b.PasswordMaxAgeDays)))
	case v.V < 0:
		out = append(out, r.finding(AttrMaxAge, "%s is %d%s, which is no number of days; the baseline requires at most %d", AttrMaxAge, v.V, p.plannedNote(AttrMaxAge), b.PasswordMaxAgeDays))
	case v.V > b.PasswordMaxAgeDays:
		out = append(out, r.finding(AttrMaxAge, "%s is %d days%s; the baseline allows at most %d", AttrMaxAge, v.V, p.plannedNote(AttrMaxAge), b.PasswordMaxAgeDays))
	}
	r = PasswordChangeDisallowed
	switch v := p.AllowUsersToChange; {
	case v.Unknown:
		out = append(out, r.unknown(AttrAllowUsersToChange, v))
	case !v.V:
		out = append(out, r.finding(AttrAllowUsersToChange, "%s is false: users cannot change their own password", AttrAllowUsersToChange))
	}
	// A value IAM refuses that no rule above found weak (a length of 200,
	// say) is no compliant policy: it is never applied.
	for _, c := range iamLimits(p) {
		if c.refused() && !slices.ContainsFunc(out, func(f Finding) bool { return f.Attribute == c.name }) {
			out = append(out, Finding{Rule: c.rule, Severity: Info, Attribute: c.name, Message: fmt.Sprintf(
				"%s is outside the %d to %d IAM takes: IAM refuses the policy, and the apply fails", c.name, c.min, c.max)})
		}
	}
	// A number past 32 bits whose low 32 bits meet the baseline is what IAM
	// gets, and judged so; still, the configuration does not say what it
	// means, and reads back otherwise on every plan: low, so that it does
	// not pass quietly (round 252: -4294967282 is 14). One whose low bits
	// IAM refuses has the note above (round 253: 4294967496 is 200).
	for _, c := range []struct {
		rule *Rule
		attr string
		v    Value[int]
	}{
		{PasswordMinLength, AttrMinimumLength, p.MinimumLength},
		{PasswordReusePrevention, AttrReusePrevention, p.ReusePrevention},
		{PasswordMaxAge, AttrMaxAge, p.MaxAgeDays},
	} {
		if planned := p.planned(c.attr); planned != nil && *planned != 0 && !slices.ContainsFunc(out, func(f Finding) bool { return f.Attribute == c.attr }) {
			out = append(out, Finding{Rule: c.rule, Severity: Low, Attribute: c.attr, Message: fmt.Sprintf(
				"%s is %d, of which the AWS provider sends only the low 32 bits, %d: that meets the baseline, but write it as %d", c.attr, *planned, c.v.V, c.v.V)})
		}
	}
	return withhold(out, p.sensitive)
}

// sensitive reports whether the attribute's value is marked sensitive.
func (p PasswordPolicy) sensitive(attr string) bool {
	switch attr {
	case AttrMinimumLength:
		return p.MinimumLength.Sensitive
	case AttrRequireUppercase:
		return p.RequireUppercase.Sensitive
	case AttrRequireLowercase:
		return p.RequireLowercase.Sensitive
	case AttrRequireNumbers:
		return p.RequireNumbers.Sensitive
	case AttrRequireSymbols:
		return p.RequireSymbols.Sensitive
	case AttrMaxAge:
		return p.MaxAgeDays.Sensitive
	case AttrReusePrevention:
		return p.ReusePrevention.Sensitive
	case AttrAllowUsersToChange:
		return p.AllowUsersToChange.Sensitive
	case AttrHardExpiry:
		return p.HardExpiry.Sensitive
	}
	return false
}

// StricterPolicy is, setting by setting, the stricter of a and b: where
// either may be the policy the account holds (two objects of its one
// policy), a policy weaker than this one in a setting is weaker than one of
// them (round 298: compared with the first alone, a weakening passed when
// the weaker object's address sorted first). A definite value is stricter
// than none; of two values not definite, an unreadable one, which
// PasswordPolicyWeakened reports.
func StricterPolicy(a, b PasswordPolicy) PasswordPolicy {
	larger := func(x, y int) bool { return x > y }
	shorter := func(x, y int) bool { return x > 0 && (y == 0 || x < y) } // 0: never expires
	on := func(x, y bool) bool { return x && !y }
	return PasswordPolicy{
		MinimumLength:      stricter(a.MinimumLength, b.MinimumLength, larger),
		RequireUppercase:   stricter(a.RequireUppercase, b.RequireUppercase, on),
		RequireLowercase:   stricter(a.RequireLowercase, b.RequireLowercase, on),
		RequireNumbers:     stricter(a.RequireNumbers, b.RequireNumbers, on),
		RequireSymbols:     stricter(a.RequireSymbols, b.RequireSymbols, on),
		MaxAgeDays:         stricter(a.MaxAgeDays, b.MaxAgeDays, shorter),
		ReusePrevention:    stricter(a.ReusePrevention, b.ReusePrevention, larger),
		AllowUsersToChange: stricter(a.AllowUsersToChange, b.AllowUsersToChange, on),
		HardExpiry:         stricter(a.HardExpiry, b.HardExpiry, on),
	}
}

// stricter is the stricter of a and b, where more(x, y) says x is stricter
// than y (see StricterPolicy).
func stricter[T any](a, b Value[T], more func(x, y T) bool) Value[T] {
	switch {
	case a.Unknown && b.Unknown:
		if b.Unreadable && !a.Unreadable {
			return b
		}
		return a
	case a.Unknown:
		return b
	case b.Unknown || !more(b.V, a.V):
		return a
	}
	return b
}

// PasswordPolicyWeakened reports each setting that is weaker in after than in
// before (IG109), whether or not after still meets the baseline. Settings
// unknown on either side are not compared: EvaluatePasswordPolicy already
// reports the unknown after-value.
func PasswordPolicyWeakened(before, after PasswordPolicy) []Finding {
	var out []Finding
	r := PasswordPolicyWeakenedRule
	// unreadable reports whether a value before cannot be read (a
	// hand-made plan's), and says so where the value after may be weaker:
	// whether the setting weakens cannot be told (round 190).
	unreadable := func(attr string, b uncertain, mayBeWeaker bool) bool {
		if b.unreadable() && mayBeWeaker {
			out = append(out, r.unknown(attr, b))
		}
		return b.unreadable()
	}
	lower := func(attr string, b, a Value[int], unit string) {
		if !unreadable(attr, b, !a.Unknown) && !b.Unknown && !a.Unknown && a.V < b.V {
			out = append(out, r.finding(attr, "%s drops from %d%s to %d%s", attr, b.V, unit, a.V, unit))
		}
	}
	lower(AttrMinimumLength, before.MinimumLength, after.MinimumLength, "")
	if b, a := before.ReusePrevention, after.ReusePrevention; !unreadable(AttrReusePrevention, b, !a.Unknown) && !b.Unknown && !a.Unknown && b.V > 0 && a.V < b.V {
		out = append(out, r.finding(AttrReusePrevention, "%s drops from %d to %d", AttrReusePrevention, b.V, a.V))
	}
	// Expiry: 0 means never, the weakest setting of all.
	if b, a := before.MaxAgeDays, after.MaxAgeDays; !unreadable(AttrMaxAge, b, !a.Unknown) && !b.Unknown && !a.Unknown && b.V > 0 && (a.V == 0 || a.V > b.V) {
		if a.V == 0 {
			out = append(out, r.finding(AttrMaxAge, "%s changes from %s to never expiring", AttrMaxAge, days(b.V)))
		} else {
			out = append(out, r.finding(AttrMaxAge, "%s grows from %d to %s", AttrMaxAge, b.V, days(a.V)))
		}
	}
	turnedOff := func(attr string, b, a Value[bool]) {
		if !unreadable(attr, b, !a.Unknown && !a.V) && !b.Unknown && !a.Unknown && b.V && !a.V {
			out = append(out, r.finding(attr, "%s changes from true to false", attr))
		}
	}
	turnedOff(AttrRequireUppercase, before.RequireUppercase, after.RequireUppercase)
	turnedOff(AttrRequireLowercase, before.RequireLowercase, after.RequireLowercase)
	turnedOff(AttrRequireNumbers, before.RequireNumbers, after.RequireNumbers)
	turnedOff(AttrRequireSymbols, before.RequireSymbols, after.RequireSymbols)
	turnedOff(AttrAllowUsersToChange, before.AllowUsersToChange, after.AllowUsersToChange)
	return withhold(out, func(attr string) bool { return before.sensitive(attr) || after.sensitive(attr) })
}

// PasswordPolicyReplacedCreatingFirst is the verdict on a replacement that
// creates before it destroys (create_before_destroy): the account has one
// policy, so destroying the old object deletes the one just set (IG108).
func PasswordPolicyReplacedCreatingFirst() []Finding {
	return []Finding{PasswordPolicyRemoved.finding("",
		"the policy is replaced creating first: destroying the old object then deletes the account's only policy, and AWS's default applies")}
}

// PasswordPolicyReplacedRefused is the verdict on a replacement that
// destroys before it creates (Terraform's default) p, if IAM refuses it
// (see OutsideIAMLimits): destroying the old object deletes the account's
// only policy, and the new one is never set (IG108; round 233). Where a
// numeric setting has no definite value, whether IAM takes it cannot be
// told: IG108 at info, as IG704 notes a trail's (round 261).
func PasswordPolicyReplacedRefused(p PasswordPolicy) []Finding {
	c, ok := refusedLimit(p)
	if !ok {
		for _, c := range iamLimits(p) {
			if c.v.Unknown {
				return []Finding{PasswordPolicyRemoved.undecided(c.name,
					"the policy is replaced destroying first, and %s has no value iamguard can judge at plan: if IAM refuses it (%s), the old policy is deleted and none takes its place",
					c.name, c)}
			}
		}
		return nil
	}
	return withhold([]Finding{PasswordPolicyRemoved.finding(c.name,
		"the policy is replaced destroying first, and IAM refuses the new one (%s): the old one is deleted, none takes its place, and AWS's default applies", c)},
		p.sensitive) // the range a sensitive value is outside tells of it (round 236)
}

// PasswordPolicyMayReplace is IG109 at info for a policy created beside
// another object of the policy (at address other) that may be in another
// account (of another AWS provider configuration, or of one the plan does
// not show): if it is this account's, the new policy replaces it, and
// whether it weakens it cannot be told.
func PasswordPolicyMayReplace(other string) []Finding {
	return []Finding{{Rule: PasswordPolicyWeakenedRule, Severity: Info, Message: fmt.Sprintf(
		"%s may be this account's policy, which this one would replace, or another account's (the plan's AWS provider configurations may be several accounts); %s cannot compare them",
		clip(other), PasswordPolicyWeakenedRule.Name())}}
}

// PasswordPolicyRemoval is the verdict on deleting the account password
// policy without a replacement (IG108).
func PasswordPolicyRemoval() []Finding {
	return []Finding{PasswordPolicyRemoved.finding("",
		"the password policy is deleted: the account falls back to AWS's default (8 characters, no expiry, no reuse prevention)")}
}
