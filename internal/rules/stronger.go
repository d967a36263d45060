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
// is to be measured from. Each is read as the rules read it: null as the
// setting's default (round 190), whole numbers with num and bools with
// flag, as Terraform converts them ("20", "true"), and a password policy's
// number as what IAM gets of it (see sent: 4294967302 is 6, round 187).
// ok is false for another attribute; the caller then keeps its own.
func StrongerSetting(attr string, a, b any, num func(any) (int, bool), flag func(any) (bool, bool)) (stronger any, ok bool) {
	if def, ok := FlagDefaults[attr]; ok {
		return strongerOf(a, b, def, flag, func(x, _ bool) bool { return x }, func(x bool) bool { return x }), true
	}
	sentAs := func(v any) (int, bool) {
		n, ok := num(v)
		return sentNumber(attr, n), ok
	}
	switch attr {
	case AttrMinimumLength, AttrReusePrevention:
		return strongerOf(a, b, sentNumber(attr, 0), sentAs, func(x, y int) bool { return x >= y }, nil), true
	case AttrMaxAge: // the shorter expiry; 0 is never expiring
		return strongerOf(a, b, 0, sentAs, func(x, y int) bool { return x > 0 && (y <= 0 || x <= y) }, nil), true
	case "status": // a dormant credential is the stronger state
		dormant := func(s string) bool { return s == "Inactive" || s == "Expired" }
		status := func(v any) (string, bool) {
			s, ok := v.(string)
			return s, ok && (s == "Active" || dormant(s))
		}
		return strongerOf(a, b, "Active", status, func(x, y string) bool { return dormant(x) || y == "Active" }, dormant), true
	}
	return nil, false
}

// strongerOf gives a or b, whichever stronger says is the stronger, each
// read with read, null as def. Where one cannot be read, it is given, so
// that the rule says it cannot judge, unless the other is of the strongest
// (strongest, when not nil, says so) and so at least as strong.
func strongerOf[T any](a, b any, def T, read func(any) (T, bool), stronger func(x, y T) bool, strongest func(T) bool) any {
	readOr := func(v any) (T, bool) {
		if v == nil {
			return def, true
		}
		return read(v)
	}
	x, okx := readOr(a)
	y, oky := readOr(b)
	switch {
	case !okx && !oky:
		return a
	case !okx:
		if strongest != nil && strongest(y) {
			return b
		}
		return a
	case !oky:
		if strongest != nil && strongest(x) {
			return a
		}
		return b
	case stronger(x, y):
		return a
	}
	return b
}
