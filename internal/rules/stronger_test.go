package rules

import (
	"encoding/json"
	"testing"
)

// TestStrongerSetting: of two values a setting had, the one a weakening is
// measured from; nothing for an attribute no transition rule compares, or
// values of another type.
func TestStrongerSetting(t *testing.T) {
	for _, c := range []struct {
		attr     string
		a, b     any
		stronger any
		ok       bool
	}{
		{AttrMinimumLength, 20.0, 8.0, 20.0, true},
		{AttrMinimumLength, 8.0, json.Number("20"), json.Number("20"), true},
		{AttrReusePrevention, 0.0, 24.0, 24.0, true},
		{AttrMaxAge, 90.0, 200.0, 90.0, true},
		{AttrMaxAge, 0.0, 200.0, 200.0, true}, // 0: never expiring
		{AttrMaxAge, 60.0, 0.0, 60.0, true},
		{AttrRequireSymbols, false, true, true, true},
		{"is_organization_trail", true, false, true, true},
		{"status", "Active", "Inactive", "Inactive", true},
		{"status", "Expired", "Active", "Expired", true},
		{"status", "Active", "Active", "Active", true},
		{AttrMinimumLength, "20", 8.0, nil, false},
		{"enable_logging", nil, true, nil, false},
		{"tags", "a", "b", nil, false},
	} {
		got, ok := StrongerSetting(c.attr, c.a, c.b)
		if ok != c.ok || got != c.stronger {
			t.Errorf("StrongerSetting(%s, %v, %v) = %v, %v; want %v, %v", c.attr, c.a, c.b, got, ok, c.stronger, c.ok)
		}
	}
}
