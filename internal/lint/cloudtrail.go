package lint

import "github.com/iamguard/terraform-provider-iamguard/internal/rules"

func judgeCloudTrail(_ *linter, c *change) []rules.Finding {
	if c.removed {
		return rules.TrailRemoval()
	}
	a := c.after()
	t := rules.Trail{
		IncludeGlobalServiceEvents: a.bool("include_global_service_events", true),
		MultiRegion:                a.bool("is_multi_region_trail", false),
		Logging:                    a.bool("enable_logging", true),
		LogFileValidation:          a.bool("enable_log_file_validation", false),
	}
	if a.blockUnknown("event_selector") || a.blockUnknown("advanced_event_selector") {
		t.Selectors = rules.UnknownValue[bool]()
	}
	t.Selectors.Sensitive = a.isSensitive("event_selector") || a.isSensitive("advanced_event_selector")
	// A selector value known only after apply leaves the selectors undecided
	// (include_management_events carries its own unknown).
	for _, s := range a.list("event_selector") {
		if s.anyUnknown("read_write_type", "exclude_management_event_sources") {
			t.Selectors.Unknown = true
		}
		t.EventSelectors = append(t.EventSelectors, rules.EventSelector{
			ReadWriteType:                 s.str("read_write_type", "").V,
			IncludeManagementEvents:       s.bool("include_management_events", true),
			ExcludeManagementEventSources: s.strings("exclude_management_event_sources"),
		})
	}
	for _, s := range a.list("advanced_event_selector") {
		var sel rules.AdvancedSelector
		for _, f := range s.list("field_selector") {
			if f.anyUnknown("field", "equals", "not_equals", "starts_with", "not_starts_with", "ends_with", "not_ends_with") {
				t.Selectors.Unknown = true
			}
			sel.Fields = append(sel.Fields, rules.FieldSelector{
				Field:  f.str("field", "").V,
				Equals: f.strings("equals"), NotEquals: f.strings("not_equals"),
				StartsWith: f.strings("starts_with"), NotStartsWith: f.strings("not_starts_with"),
				EndsWith: f.strings("ends_with"), NotEndsWith: f.strings("not_ends_with"),
			})
		}
		t.AdvancedSelectors = append(t.AdvancedSelectors, sel)
	}
	return rules.EvaluateTrail(t)
}
