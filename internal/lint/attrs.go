package lint

import "github.com/iamguard/terraform-provider-iamguard/internal/rules"

// attrs reads one side of a resource change the way the rules must see it:
// a value known only after apply stays unknown, unless the configuration
// shows the attribute was omitted, in which case its default applies.
type attrs struct {
	values     map[string]any
	unknown    map[string]any // after_unknown; nil for the before side
	configured map[string]bool
	hasConfig  bool
}

func (a attrs) isUnknown(name string) bool {
	u, _ := a.unknown[name].(bool)
	return u && (!a.hasConfig || a.configured[name])
}

// blockUnknown reports whether a nested block list is known only after
// apply. The configuration cannot say otherwise: Terraform leaves dynamic
// blocks, the only way a block list can be unknown, out of it.
func (a attrs) blockUnknown(name string) bool {
	u, _ := a.unknown[name].(bool)
	return u
}

// raw returns the attribute's value, nil when omitted or null.
func (a attrs) raw(name string) any { return a.values[name] }

func (a attrs) bool(name string, def bool) rules.Value[bool] {
	if a.isUnknown(name) {
		return rules.UnknownValue[bool]()
	}
	if v, ok := a.values[name].(bool); ok {
		return rules.Known(v)
	}
	return rules.Known(def)
}

func (a attrs) int(name string, def int) rules.Value[int] {
	if a.isUnknown(name) {
		return rules.UnknownValue[int]()
	}
	if v, ok := a.values[name].(float64); ok {
		return rules.Known(int(v))
	}
	return rules.Known(def)
}

func (a attrs) str(name, def string) rules.Value[string] {
	if a.isUnknown(name) {
		return rules.UnknownValue[string]()
	}
	if v, ok := a.values[name].(string); ok {
		return rules.Known(v)
	}
	return rules.Known(def)
}

// list returns the elements of a list-of-objects attribute (nested blocks),
// each with its own view of unknown values.
func (a attrs) list(name string) []attrs {
	items, _ := a.values[name].([]any)
	unknowns, _ := a.unknown[name].([]any)
	out := make([]attrs, 0, len(items))
	for i, it := range items {
		m, _ := it.(map[string]any)
		el := attrs{values: m, hasConfig: false}
		if i < len(unknowns) {
			el.unknown, _ = unknowns[i].(map[string]any)
		}
		out = append(out, el)
	}
	return out
}

// strings returns a list-of-strings attribute.
func (a attrs) strings(name string) []string {
	items, _ := a.values[name].([]any)
	out := make([]string, 0, len(items))
	for _, it := range items {
		if s, ok := it.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
