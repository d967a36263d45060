package rules

import "encoding/json"

// StrongerSetting gives the stronger of two values of one attribute that a
// rule judges as a transition (IG109's password-policy settings, IG201,
// IG405 and IG503's status, the trail settings IG704 and IG70x compare):
// of two values a setting had before a change (as state was written, and
// as it is now after a change made outside Terraform), the one a weakening
// is to be measured from. ok is false for another attribute, or values it
// cannot compare; the caller then keeps its own.
func StrongerSetting(attr string, a, b any) (stronger any, ok bool) {
	switch attr {
	case AttrMinimumLength, AttrReusePrevention:
		x, okx := number(a)
		y, oky := number(b)
		if !okx || !oky {
			return nil, false
		}
		if x >= y {
			return a, true
		}
		return b, true
	case AttrMaxAge: // the shorter expiry; 0 (or none) is never expiring
		x, okx := number(a)
		y, oky := number(b)
		if !okx || !oky {
			return nil, false
		}
		if x > 0 && (y <= 0 || x <= y) {
			return a, true
		}
		return b, true
	case AttrRequireUppercase, AttrRequireLowercase, AttrRequireNumbers, AttrRequireSymbols, AttrAllowUsersToChange,
		"enable_logging", "is_multi_region_trail", "include_global_service_events", "is_organization_trail", "enable_log_file_validation":
		x, okx := a.(bool)
		_, oky := b.(bool)
		if !okx || !oky {
			return nil, false
		}
		if x {
			return a, true
		}
		return b, true
	case "status": // a dormant credential is the stronger state
		x, okx := a.(string)
		y, oky := b.(string)
		if !okx || !oky {
			return nil, false
		}
		if x == "Inactive" || x == "Expired" || y == "Active" {
			return a, true
		}
		return b, true
	}
	return nil, false
}

// number reads a decoded JSON number.
func number(v any) (float64, bool) {
	switch n := v.(type) {
	case float64:
		return n, true
	case json.Number:
		f, err := n.Float64()
		return f, err == nil
	}
	return 0, false
}
