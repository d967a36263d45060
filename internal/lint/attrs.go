package lint

import (
	"encoding/binary"
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/iamguard/terraform-provider-iamguard/internal/plan"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// attrs reads one side of a resource change the way the rules must see it:
// a value known only after apply stays unknown, unless the configuration
// shows it is null (see isUnknown), in which case its default applies; a
// value Terraform marks sensitive stays marked; a value of the wrong JSON
// kind is read as the provider would convert it, or is unreadable.
type attrs struct {
	values     plan.Object
	unknown    plan.Object // after_unknown; nil for the before side
	sensitive  any         // *_sensitive or sensitive_values: true, or an Object like values
	configured plan.Settings
	hasConfig  bool
	// computedWhenNull: the attributes that plan a null as unknown.
	computedWhenNull map[string]bool
	// allUnknown: the whole object is known only after apply (after_unknown
	// is true); unreadable: the side is not an object at all.
	allUnknown, unreadable bool
	// inPlace: the after side of an object updated in place, which keeps
	// an attribute's value where its configuration gives null.
	inPlace bool
	// block: a nested block, whose configuration (blocksSetting: what
	// holds for all the blocks of its list) tells only whether a value
	// known only after apply is impure, never that it is known.
	block bool
}

// isUnknown reports whether an attribute is known only after apply. An
// attribute the plan shows unknown is null, and takes its default, when its
// configuration omits it or sets it to null, or, for one that plans a null
// as unknown, sets it from values known when Terraform plans (`= var.x`
// with x null: anything else would be known) or to a constant. That holds
// for an object made: one updated in place keeps its value where the
// configuration gives null, and shows it known, so one shown unknown is
// unknown (a local that reads a value known only after apply).
func (a attrs) isUnknown(name string) bool {
	u, _ := markOf(a.unknown, name).(bool)
	switch {
	case a.allUnknown || u && (!a.hasConfig || a.block):
		return true
	case !u:
		return false
	}
	switch s := a.configured.Find(name); s.Setting {
	case plan.Set:
		// A constant shown unknown is one the provider takes as null, as
		// the AWS provider (SDKv2) takes "" (round 196: an SSH key's
		// status = "" uploads it Active).
		return !a.computedWhenNull[name] || !s.Constant || a.inPlace
	case plan.SetAtPlan:
		return !a.computedWhenNull[name] || a.inPlace
	}
	return false
}

// unknownsImpure reports whether every one of the named attributes known
// only after apply is chosen then by an impure function (see impure).
func (a attrs) unknownsImpure(names ...string) bool {
	for _, n := range names {
		if a.anyUnknown(n) && !a.impure(n) {
			return false
		}
	}
	return true
}

// impure reports whether an attribute known only after apply is set from
// values the plan shows alone (plan.AttrSetting.OnlyShown): only an impure
// function such as timestamp() leaves it unknown, to choose it at apply.
func (a attrs) impure(name string) bool {
	u, _ := markOf(a.unknown, name).(bool)
	return u && !a.allUnknown && a.hasConfig && a.configured.Find(name).OnlyShown
}

// blockUnknown reports whether a nested block list is known only after
// apply. The configuration cannot say otherwise: Terraform leaves dynamic
// blocks, the only way a block list can be unknown, out of it.
func (a attrs) blockUnknown(name string) bool {
	u, _ := markOf(a.unknown, name).(bool)
	return u || a.allUnknown
}

// markOf is the named attribute's mark in a side of marks, nil if none.
func markOf(marks plan.Object, name string) any {
	m, _ := marks.Get(name)
	return m
}

// anyUnknown reports whether any part of the named attributes is known
// only after apply.
func (a attrs) anyUnknown(names ...string) bool {
	if a.allUnknown {
		return true
	}
	for _, n := range names {
		if anyTrue(markOf(a.unknown, n)) {
			return true
		}
	}
	return false
}

// isSensitive reports whether any part of the attribute is marked sensitive.
func (a attrs) isSensitive(name string) bool {
	if s, ok := a.sensitive.(plan.Object); ok {
		return anyTrue(markOf(s, name))
	}
	return anyTrue(a.sensitive)
}

// anyTrue reports whether a sensitivity mark holds true anywhere.
func anyTrue(mark any) bool {
	switch m := mark.(type) {
	case bool:
		return m
	case plan.Object:
		for _, v := range m {
			if anyTrue(v.Value) {
				return true
			}
		}
	case map[string]any:
		for _, v := range m {
			if anyTrue(v) {
				return true
			}
		}
	case []any:
		for _, v := range m {
			if anyTrue(v) {
				return true
			}
		}
	}
	return false
}

// value reads an attribute with convert, which turns a JSON value into a T
// as Terraform's type conversion would (ok false: it cannot). An omitted or
// null attribute takes def.
func value[T any](a attrs, name string, def T, convert func(any) (T, bool)) rules.Value[T] {
	if a.isUnknown(name) {
		v := rules.UnknownValue[T]()
		v.Impure = a.impure(name)
		return v
	}
	if a.unreadable {
		v := rules.UnreadableValue[T]()
		v.Sensitive = a.isSensitive(name)
		return v
	}
	v := rules.Known(def)
	if raw, set := a.values.Get(name); set && raw != nil {
		if v.V, set = convert(raw); !set {
			v = rules.UnreadableValue[T]()
		}
	}
	v.Sensitive = a.isSensitive(name)
	return v
}

func (a attrs) bool(name string, def bool) rules.Value[bool] { return value(a, name, def, toBool) }
func (a attrs) int(name string, def int) rules.Value[int]    { return value(a, name, def, toInt) }
func (a attrs) str(name, def string) rules.Value[string]     { return value(a, name, def, toString) }

// flag reads a boolean setting with its default in rules.FlagDefaults.
func (a attrs) flag(name string) rules.Value[bool] { return a.bool(name, rules.FlagDefaults[name]) }

// status reads a credential's status: one of IAM's (StatusType), as the
// provider takes them, or unreadable. "ACTIVE" or true is no status the
// provider sends: judged as unknown, never as not active.
func (a attrs) status(def string) rules.Value[string] {
	return value(a, "status", def, func(raw any) (string, bool) {
		s, ok := raw.(string)
		return s, ok && (s == "Active" || s == "Inactive" || s == "Expired")
	})
}

// toBool converts as Terraform does (cty): a bool, or the strings "true",
// "1", "false" and "0".
func toBool(raw any) (bool, bool) {
	switch v := raw.(type) {
	case bool:
		return v, true
	case string:
		switch v {
		case "true", "1":
			return true, true
		case "false", "0":
			return false, true
		}
	}
	return false, false
}

// toInt converts a whole number, or a string holding one, to an int,
// exactly within int64 and saturating past it (1e19 days is judged as a very
// large number, never wrapped round into a small one). A fraction is no
// value of the provider's integer attributes: not read (rounded, 90.5 days
// would pass a limit of 90).
func toInt(raw any) (int, bool) {
	var n int64
	ok := false
	switch v := raw.(type) {
	case float64: // a whole number of at most 15 digits: the plan keeps any other as its text
		n, ok = int64(v), true
	case json.Number: // all but short whole numbers
		n, ok = plan.ParseWhole(string(v))
	case string:
		n, ok = plan.ParseWhole(v)
	}
	return int(n), ok
}

// toString converts as Terraform does: strings, numbers and bools.
func toString(raw any) (string, bool) {
	switch v := raw.(type) {
	case string:
		return v, true
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), true
	case json.Number: // all but short whole numbers: as Terraform converts it
		return plan.NumberText(string(v))
	case bool:
		return strconv.FormatBool(v), true
	}
	return "", false
}

// list returns the elements of a list-of-objects attribute (nested blocks),
// each with its own view of unknown and sensitive values. ok is false when
// the attribute or one of its elements is of another kind: the provider
// would refuse it, and nothing here can say what it means.
func (a attrs) list(name string) (_ []attrs, ok bool) {
	if a.unreadable {
		return nil, false
	}
	v, _ := a.values.Get(name)
	items, ok := v.([]any)
	if !ok {
		return nil, v == nil
	}
	unknowns, _ := markOf(a.unknown, name).([]any)
	var marks []any
	whole := false
	if s, ok := a.sensitive.(plan.Object); ok {
		marks, _ = markOf(s, name).([]any)
		whole, _ = markOf(s, name).(bool)
	} else {
		whole = anyTrue(a.sensitive)
	}
	// The configuration of the blocks, where it shows every one (one a
	// dynamic block makes is not shown). A list of blocks keeps the
	// configuration's order: each block is matched with its own (round
	// 131). A set does not, so its blocks are not matched one to one: each
	// is given what holds for them all (see blocksSetting); blocks within
	// blocks are worked out with those of the block above.
	var blocks plan.Settings
	var each []plan.Settings // a list's blocks, one by one
	shown := false
	switch all := a.configured.Find(name).Blocks; {
	case !a.hasConfig:
	case a.block: // within a block: blocksSetting made it, or left it out
		if shown = len(all) == 1; shown {
			blocks = all[0]
		}
	case len(all) != len(items):
	case setBlocks[name]:
		blocks, shown = blocksSetting(all, items)
	default:
		each = all
	}
	out := make([]attrs, 0, len(items))
	for i, it := range items {
		m, isObject := plan.ObjectOf(it).(plan.Object)
		ok = ok && isObject
		el := attrs{values: m, sensitive: whole}
		if each != nil {
			blocks, shown = blocksSetting(each[i:i+1], items[i:i+1])
		}
		if shown {
			el.configured, el.hasConfig, el.block = blocks, true, true
		}
		if i < len(unknowns) {
			el.unknown, _ = plan.ObjectOf(unknowns[i]).(plan.Object)
		}
		if i < len(marks) {
			el.sensitive = plan.ObjectOf(marks[i])
		}
		out = append(out, el)
	}
	return out, ok
}

// blocksSetting is what the configuration of blocks (all) says of them all,
// for any one of them, given the plan's blocks (items): an attribute is
// OnlyShown (a value known only after apply is chosen by an impure
// function) when every block that sets it other than to a constant sets it
// so. As a block's configuration never makes a value known (attrs.block),
// nothing else of it is read. The blocks within them, of every block
// together, are worked out alike where the configuration shows as many as
// the plan holds (see sameCount), and left out otherwise (a dynamic block
// among them); a kept one is the sole element of Blocks. ok is false for
// blocks with more attributes than any the AWS provider has, which only a
// hand-made plan writes.
func blocksSetting(all []plan.Settings, items []any) (_ plan.Settings, ok bool) {
	var out plan.Settings
	var inner [][]plan.Settings
	var merged, mergeable []int // see sameCount
	at := map[string]int{}
	for _, b := range all {
		for _, s := range b {
			i, ok := at[s.Name]
			if !ok {
				if len(out) == maxBlockAttributes {
					return nil, false
				}
				i, at[s.Name] = len(out), len(out)
				out = append(out, plan.AttrSetting{Name: s.Name, OnlyShown: true, Constant: true})
				inner, merged, mergeable = append(inner, nil), append(merged, 0), append(mergeable, 0)
			}
			o := &out[i]
			if !s.Constant {
				o.OnlyShown = o.OnlyShown && s.OnlyShown
				o.Constant = false
			}
			inner[i] = append(inner[i], s.Blocks...)
			if setBlocks[s.Name] {
				m, n := alike(s.Blocks)
				merged[i], mergeable[i] = merged[i]+m, mergeable[i]+n
			}
		}
	}
	// The plan's blocks within, by attribute, in one pass.
	var planned [][]any
	for _, it := range items {
		m, _ := plan.ObjectOf(it).(plan.Object)
		for _, a := range m {
			if i, ok := at[a.Name]; ok && len(inner[i]) > 0 {
				if planned == nil {
					planned = make([][]any, len(out))
				}
				l, _ := a.Value.([]any)
				planned[i] = append(planned[i], l...)
			}
		}
	}
	for i := range out {
		o := &out[i]
		if o.Constant { // set to constants alone: never unknown
			o.OnlyShown = false
		}
		o.Blocks = nil
		if len(inner[i]) == 0 || planned == nil || !sameCount(len(inner[i]), merged[i], mergeable[i], len(planned[i])) {
			continue
		}
		if b, ok := blocksSetting(inner[i], planned[i]); ok {
			o.Blocks = []plan.Settings{b}
		}
	}
	return out, true
}

// maxBlockAttributes bounds the attributes of a kind of nested block: the
// AWS provider's have a few dozen at most.
const maxBlockAttributes = 256

// setBlocks are the nested blocks the AWS provider keeps as a set, in
// which blocks written alike, with values known when Terraform plans, are
// one block.
var setBlocks = map[string]bool{"field_selector": true}

// sameCount reports whether the configuration shows every one of the
// plan's blocks (none made by a dynamic block): written, of which merged
// are one with a block written alike before them, all set to constants,
// as a set keeps them, and mergeable are written alike whatever their
// values; planned in the plan. Blocks written alike from values that may
// be known at plan (var.x), which a set merges, or not (timestamp()),
// leave it unsure: a dynamic block may make up the count (round 127).
func sameCount(written, merged, mergeable, planned int) bool {
	return merged == mergeable && written-merged == planned
}

// alike counts, among a block's own blocks, those written alike with one
// before them: all set to constants (merged), and in all (mergeable).
func alike(blocks []plan.Settings) (merged, mergeable int) {
	if len(blocks) < 2 {
		return 0, 0
	}
	seen := make(map[string]bool, len(blocks))
	var key []byte
	for _, b := range blocks {
		b = slices.SortedFunc(slices.Values(b), func(x, y plan.AttrSetting) int { return strings.Compare(x.Name, y.Name) })
		key = key[:0]
		constant := true
		for _, a := range b {
			if a.Constant && a.Text == 0 {
				continue // null or [], as if omitted
			}
			key = binary.LittleEndian.AppendUint64(append(append(key, a.Name...), 0), a.Text)
			constant = constant && a.Constant && len(a.Blocks) == 0
		}
		if seen[string(key)] {
			mergeable++
			if constant {
				merged++
			}
		}
		seen[string(key)] = true
	}
	return merged, mergeable
}

// strings returns a list-of-strings attribute, its elements converted as
// Terraform would; ok is false when it or an element is of another kind.
func (a attrs) strings(name string) (_ []string, ok bool) {
	if a.unreadable {
		return nil, false
	}
	v, _ := a.values.Get(name)
	items, ok := v.([]any)
	if !ok {
		return nil, v == nil
	}
	out := make([]string, 0, len(items))
	for _, it := range items {
		s, isString := toString(it)
		if !isString {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}
