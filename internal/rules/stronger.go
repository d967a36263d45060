package rules

// StrongerSetting gives the stronger of two values of one attribute that a
// rule judges as a transition (IG109's password-policy settings, IG201,
// IG405 and IG503's status, the trail settings IG704 and IG70x compare):
// of two values a setting had before a change (as state was written, and
// as it is now after a change made outside Terraform), the one a weakening
// is to be measured from. Each is read as the rules read it, whole numbers
// with num and bools with flag, as Terraform converts them ("20",
// "true"), and a password policy's number as what IAM gets of it (see
// sent: 4294967302 is 6, round 187). ok is false for another attribute, or
// values it cannot read; the caller then keeps its own.
func StrongerSetting(attr string, a, b any, num func(any) (int, bool), flag func(any) (bool, bool)) (stronger any, ok bool) {
	pick := func(aStronger bool) (any, bool) {
		if aStronger {
			return a, true
		}
		return b, true
	}
	switch attr {
	case AttrMinimumLength, AttrReusePrevention, AttrMaxAge:
		x, okx := num(a)
		y, oky := num(b)
		if !okx || !oky {
			return nil, false
		}
		x, y = sentNumber(attr, x), sentNumber(attr, y)
		if attr == AttrMaxAge { // the shorter expiry; 0 is never expiring
			return pick(x > 0 && (y <= 0 || x <= y))
		}
		return pick(x >= y)
	case AttrRequireUppercase, AttrRequireLowercase, AttrRequireNumbers, AttrRequireSymbols, AttrAllowUsersToChange,
		"enable_logging", "is_multi_region_trail", "include_global_service_events", "is_organization_trail", "enable_log_file_validation":
		x, okx := flag(a)
		_, oky := flag(b)
		if !okx || !oky {
			return nil, false
		}
		return pick(x)
	case "status": // a dormant credential is the stronger state
		x, okx := a.(string)
		y, oky := b.(string)
		if !okx || !oky {
			return nil, false
		}
		return pick(x == "Inactive" || x == "Expired" || y == "Active")
	}
	return nil, false
}
