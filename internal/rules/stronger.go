package rules

// FlagDefaults are what AWS holds of a boolean setting a rule judges as a
// transition where none is given (omitted or null); true is the stronger.
var FlagDefaults = map[string]bool{
	AttrRequireUppercase: false, AttrRequireLowercase: false, AttrRequireNumbers: false, AttrRequireSymbols: false,
	AttrAllowUsersToChange:          true,
	"enable_logging":                true,
	"is_multi_region_trail":         false,
	"include_global_service_events": true,
	"is_organization_trail":         false,
	"enable_log_file_validation":    false,
}

// StrongerSetting gives the stronger of two values of one attribute that a
// rule judges as a transition (IG109's password-policy settings, IG201,
// IG405 and IG503's status, the trail settings IG704 and IG70x compare):
// of two values a setting had before a change (as state was written, and
// as it is now after a change made outside Terraform), the one a weakening
// to planned is to be measured from. Each is read as the rules read it:
// null as the setting's default (round 190), whole numbers with num and
// bools with flag, as Terraform converts them ("20", "true"), and a
// password policy's number as what IAM gets of it (see sent: 4294967302 is
// 6, round 187). ok is false for another attribute; the caller then keeps
// its own.
func StrongerSetting(attr string, a, b, planned any, num func(any) (int, bool), flag func(any) (bool, bool)) (stronger any, ok bool) {
	if def, ok := FlagDefaults[attr]; ok {
		return strongerOf(a, b, planned, def, flag, func(x, y bool) bool { return x || !y }, func(x bool) bool { return x }), true
	}
	sentAs := func(v any) (int, bool) {
		n, ok := num(v)
		return sentNumber(attr, n), ok
	}
	switch attr {
	case AttrMinimumLength, AttrReusePrevention:
		return strongerOf(a, b, planned, sentNumber(attr, 0), sentAs, func(x, y int) bool { return x >= y }, nil), true
	case AttrMaxAge: // the shorter expiry; 0 is never expiring
		return strongerOf(a, b, planned, 0, sentAs, func(x, y int) bool { return y <= 0 || x > 0 && x <= y }, nil), true
	case "status": // a dormant credential is the stronger state
		dormant := func(s string) bool { return s == "Inactive" || s == "Expired" }
		status := func(v any) (string, bool) {
			s, ok := v.(string)
			return s, ok && (s == "Active" || dormant(s))
		}
		return strongerOf(a, b, planned, "Active", status, func(x, y string) bool { return dormant(x) || y == "Active" }, dormant), true
	}
	return nil, false
}

// strongerOf gives a or b, whichever is the stronger (atLeast(x, y): x is
// at least as strong as y), each read with read, null as def. Where one
// cannot be read, the other is given if it is of the strongest (strongest,
// when not nil, says so), or if planned is weaker than it, a weakening
// whatever the first held; else the one that cannot be read, so that the
// rule says it cannot judge (rounds 190, 191 and 193: every rule that reads
// the value before, not only the transition's, takes a dormant credential
// as dormant).
func strongerOf[T any](a, b, planned any, def T, read func(any) (T, bool), atLeast func(x, y T) bool, strongest func(T) bool) any {
	readOr := func(v any) (T, bool) {
		if v == nil {
			return def, true
		}
		return read(v)
	}
	x, okx := readOr(a)
	y, oky := readOr(b)
	switch {
	case okx && oky:
		if atLeast(x, y) {
			return a
		}
		return b
	case !okx && !oky:
		return a
	}
	readable, value, unreadable := a, x, b
	if !okx {
		readable, value, unreadable = b, y, a
	}
	if strongest != nil && strongest(value) {
		return readable
	}
	if p, ok := readOr(planned); ok && !atLeast(p, value) {
		return readable
	}
	return unreadable
}
