package rules

import (
	"strconv"
	"testing"
)

// TestStrongerSetting: of two values a setting had, the one a weakening is
// measured from, read as the rules read them (numbers as what IAM gets,
// null as the default); nothing for an attribute no transition rule
// compares.
func TestStrongerSetting(t *testing.T) {
	num := func(v any) (int, bool) { // as lint's toInt, for float64 and strings
		switch x := v.(type) {
		case float64:
			return int(x), x == float64(int(x))
		case string:
			n, err := strconv.Atoi(x)
			return n, err == nil
		}
		return 0, false
	}
	flag := func(v any) (bool, bool) {
		switch x := v.(type) {
		case bool:
			return x, true
		case string: // as lint's toBool
			return x == "true" || x == "1", x == "true" || x == "1" || x == "false" || x == "0"
		}
		return false, false
	}
	for _, c := range []struct {
		attr     string
		a, b     any
		stronger any
		ok       bool
	}{
		{AttrMinimumLength, 20.0, 8.0, 20.0, true},
		{AttrMinimumLength, 8.0, "20", "20", true},
		{AttrMinimumLength, "20", 8.0, "20", true},
		{AttrMinimumLength, 4294967302.0, 8.0, 8.0, true},               // IAM gets 6 of the first (round 187)
		{AttrMinimumLength, 0.0, 5.0, 0.0, true},                        // IAM's default of 6
		{AttrReusePrevention, -4294967272.0, 14.0, -4294967272.0, true}, // 24
		{AttrReusePrevention, 0.0, 24.0, 24.0, true},
		{AttrMaxAge, 90.0, 200.0, 90.0, true},
		{AttrMaxAge, 0.0, 200.0, 200.0, true}, // 0: never expiring
		{AttrMaxAge, 60.0, 0.0, 60.0, true},
		{AttrMaxAge, 4294967356.0, 90.0, 4294967356.0, true}, // 60
		{AttrRequireSymbols, false, true, true, true},
		{AttrAllowUsersToChange, "true", false, "true", true},
		{AttrAllowUsersToChange, true, "false", true, true},
		{"is_organization_trail", true, false, true, true},
		{"status", "Active", "Inactive", "Inactive", true},
		{"status", "Expired", "Active", "Expired", true},
		{"status", "Active", "Active", "Active", true},
		{AttrMinimumLength, 24.0, nil, 24.0, true}, // null: IAM's default of 6 (round 190)
		{AttrMinimumLength, nil, 5.0, nil, true},
		{AttrMaxAge, 60.0, nil, 60.0, true}, // never expiring
		{"is_organization_trail", true, nil, true, true},
		{"enable_logging", nil, false, nil, true}, // true
		{"status", "Inactive", nil, "Inactive", true},
		{"status", nil, "Inactive", "Inactive", true},
		{"tags", "a", "b", nil, false},
	} {
		got, ok := StrongerSetting(c.attr, c.a, c.b, nil, num, flag)
		if ok != c.ok || got != c.stronger {
			t.Errorf("StrongerSetting(%s, %v, %v) = %v, %v; want %v, %v", c.attr, c.a, c.b, got, ok, c.stronger, c.ok)
		}
	}
	// One value that cannot be read: the other where it is the strongest
	// there is, or the planned value is weaker than it, a weakening
	// whatever the first held; else the first, of which the rule says it
	// cannot judge (rounds 190, 191 and 193).
	for _, c := range []struct {
		attr          string
		a, b, planned any
		stronger      any
	}{
		{AttrMinimumLength, "twenty", 14.0, 8.0, 14.0},
		{AttrMinimumLength, "twenty", 14.0, 14.0, "twenty"},
		{AttrMinimumLength, 8.0, 14.5, 20.0, 14.5},
		{AttrReusePrevention, 24.0, "x", 5.0, 24.0},
		{AttrMaxAge, "x", 30.0, 90.0, 30.0},
		{AttrMaxAge, "x", 30.0, 0.0, 30.0}, // never expiring
		{AttrMaxAge, "x", 30.0, 10.0, "x"},
		{AttrMinimumLength, "x", 14.0, struct{}{}, "x"}, // planned known after apply
		{"is_organization_trail", "TRUE", false, false, "TRUE"},
		{"is_organization_trail", "TRUE", true, false, true},
		{"is_organization_trail", true, "TRUE", true, true},
		{"status", "inactive", "Active", "Active", "inactive"},
		{"status", "Inactive", "inactive", "Active", "Inactive"},
		{"status", "Inactive", "inactive", "Inactive", "Inactive"}, // the strongest (round 193)
		{"status", "x", "Expired", struct{}{}, "Expired"},
		{"is_organization_trail", "TRUE", true, true, true},
		{"status", "x", "y", "Active", "x"},
	} {
		if got, _ := StrongerSetting(c.attr, c.a, c.b, c.planned, num, flag); got != c.stronger {
			t.Errorf("StrongerSetting(%s, %v, %v) to %v = %v; want %v", c.attr, c.a, c.b, c.planned, got, c.stronger)
		}
	}
}
