package plan

import (
	"bytes"
	"encoding/json"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
)

// Setting is what the configuration shows of an attribute's value.
type Setting uint8

const (
	// Unset: omitted, or null ({"constant_value": null}): the default
	// applies.
	Unset Setting = iota
	// SetAtPlan: set from values Terraform knows when it plans (input
	// variables, count and each, functions of them, read through
	// references the plan shows). If the plan still
	// shows the value as known only after apply, it is null, which an
	// optional computed attribute plans as unknown, or it comes from an
	// impure function such as timestamp().
	SetAtPlan
	// Set: set to a value that may be known only after apply (from a
	// resource, a data source or a module output), or to a constant.
	Set
)

// expr is what the configuration block shows of one expression: enough to
// tell its Setting. Terraform writes a constant as constant_value and
// anything else as the references it reads ({} for none), so
// `attr = var.x` shows only ["var.x"].
type expr struct {
	null bool // {"constant_value": null}
	refs bool // references, no constant: known iff they all are
	// opaque: it reads something that may be unknown until apply, or is
	// written in a way Terraform never writes.
	opaque bool
	vars   []string // the input variables of its module it reads
	// data: the data sources of its module it reads (data.TYPE.NAME):
	// known when Terraform plans, unless the plan reads one at apply.
	data []string
	// managed: the managed resources of its module it reads (TYPE.NAME):
	// known when Terraform plans if the plan lists every instance as a
	// no-op, or none of one with count or for_each (see noteManaged).
	managed []string
	// outputs: the outputs of module calls it reads, "CALL\x00OUTPUT".
	outputs []string
	each    bool // reads each.value
	// eachKey: reads each.key, which is known when Terraform plans, but
	// drawn from the for_each as each.value is: a key of a map or set read
	// from a module's output declared sensitive is as secret (round 243).
	eachKey bool
	locals  bool // reads a local value
	// objects: it reads a data source's attribute, or a managed resource's
	// other than an aws_iam_user's name, which may hold, unmarked, a secret
	// its own configuration read (see readsSecret; round 284: `user =
	// terraform_data.t.output`, its input a module's output declared
	// sensitive, printed the name).
	objects bool
	// source is its references, one per line, when none differs from one
	// instance of the resource to the next (count, each, self): every
	// instance in one module instance reads the same values.
	source   []byte
	instance bool // a reference differs by instance
	orders   bool // a reference orders its object after an aws_iam_user (see ordersAfterUser)
	// inputs: it may read what the configuration can make sensitive since
	// the state was written (an input variable, a local value, a module's
	// output, each.value, another object's attribute set from one), or is a
	// function with no references (sensitive("x")). users: the
	// aws_iam_users whose name (or ID) it reads, when it reads nothing
	// else: as sensitive as their names (see userInputs).
	inputs bool
	users  []string
	// blocks: for the expressions of nested blocks (a list), each block's
	// attributes, as Terraform writes them for blocks written out; one a
	// dynamic block makes is not shown.
	blocks [][]namedExpr
	// text: within a nested block, a hash of the expression as written
	// (see AttrSetting.Text).
	text uint64
}

// readsEach reports whether e reads what the for_each of its resource or
// module call gives each instance: each.value or each.key.
func (e expr) readsEach() bool { return e.each || e.eachKey }

// setting is the expression's Setting, given whether its references are
// known when Terraform plans.
func (e expr) setting(known bool) Setting {
	switch {
	case e.null:
		return Unset
	case e.refs && !e.opaque && known:
		return SetAtPlan
	}
	return Set
}

// readExpr reads an expression of the configuration block. A list (the
// expressions of nested blocks) counts as opaque, and as reading inputs:
// a block within it that Terraform writes from a dynamic block is not
// shown at all.
func (rd *reader) readExpr() (expr, error) {
	s := rd.s
	if c, ok := s.peek(); ok && c == '[' {
		return rd.readBlocks()
	}
	if c, ok := s.peek(); !ok || c != '{' {
		return expr{opaque: true, inputs: true}, s.skip()
	}
	var e expr
	constant, null, other := false, false, false
	var text []byte // within a block: the constant as written
	err := s.fields("expression", func(key []byte) error {
		switch string(key) {
		case "constant_value":
			c, _ := s.peek()
			constant, null = true, c == 'n'
			if rd.blockDepth == 0 {
				return s.skip()
			}
			var err error
			text, err = s.capture(rd.constScratch[:0], maxChange)
			rd.constScratch = text
			return err
		case "references":
			e.refs = true
			return rd.readRefs(&e)
		}
		other = true
		return s.skip()
	})
	if rd.blockDepth > 0 && !(constant && !other && len(e.source) == 0 && emptyConstant(text)) {
		// A constant is hashed as the value the provider takes, not as
		// spelled: escapes, blanks, and a bool or number where a string
		// goes (false and "false" are one block of a set; round 141).
		h := fnv.New64a()
		h.Write([]byte{byte(btoi(constant) + 2*btoi(len(e.source) > 0) + 4*btoi(other))})
		h.Write(canonical(text))
		h.Write(e.source)
		e.text = h.Sum64()
	}
	switch {
	case constant && !other:
		// A constant. Beside references, a value Terraform found without
		// them (it folds var.x ? null : null to null): that constant
		// whatever they hold, though they may still order the object
		// after a user, or make the value sensitive.
		return expr{null: null, orders: e.orders, inputs: e.inputs || len(e.users) > 0, text: e.text}, err
	case e.refs && !other:
		return e, err
	case !constant && !e.refs && !other:
		// {}: a function of constants (tobool(null), one([])), known when
		// Terraform plans, like references none of which is unknown. An
		// impure one (timestamp(), uuid()) is not: shown unknown, it is
		// judged as if null, a finding rather than a pass.
		return expr{refs: true, inputs: true, text: e.text}, err
	}
	// Keys Terraform never writes.
	return expr{opaque: true, inputs: true, text: e.text}, err
}

// checkExpr passes over an expression as readExpr reads it, with its
// checks (keys given twice, or spelled otherwise than Terraform does), and
// keeps nothing.
func (rd *reader) checkExpr() error {
	s := rd.s
	switch c, _ := s.peek(); c {
	case '[':
		return s.array("expressions", func() error {
			if c, ok := s.peek(); !ok || c != '{' {
				return s.skip()
			}
			return s.entries("expressions", func([]byte) error { return rd.checkExpr() })
		})
	case '{':
		return s.fields("expression", func([]byte) error { return s.skip() })
	}
	return s.skip()
}

// checkInputs passes over a module call's inputs as callInputs reads them
// (see checkExpr).
func (rd *reader) checkInputs() error {
	if c, ok := rd.s.peek(); !ok || c != '{' {
		return rd.s.skip()
	}
	return rd.s.entries("expressions", func([]byte) error { return rd.checkExpr() })
}

// canonical is a constant's JSON as the provider's string attributes take
// it: scalars as strings (a number in its shortest form), objects with
// their keys in order; text that does not decode is kept as it is.
func canonical(text []byte) []byte {
	var v any
	d := json.NewDecoder(bytes.NewReader(text))
	d.UseNumber()
	if len(text) == 0 || d.Decode(&v) != nil {
		return text
	}
	var str func(any) any
	str = func(v any) any {
		switch x := v.(type) {
		case bool:
			return strconv.FormatBool(x)
		case json.Number: // as cty converts it to a string (round 184: 2^53 + 1 and 2^53 were alike)
			if text, ok := NumberText(string(x)); ok {
				return text
			}
			return string(x)
		case []any:
			for i := range x {
				x[i] = str(x[i])
			}
		case map[string]any:
			for k := range x {
				x[k] = str(x[k])
			}
		}
		return v
	}
	out, err := json.Marshal(str(v))
	if err != nil {
		return text
	}
	return out
}

// emptyConstant reports whether a constant is null or an empty list, which
// a block keeps as if it were omitted (round 137).
func emptyConstant(text []byte) bool {
	t := bytes.TrimSpace(text)
	return string(t) == "null" || len(t) >= 2 && t[0] == '[' && t[len(t)-1] == ']' && len(bytes.TrimSpace(t[1:len(t)-1])) == 0
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// readBlocks reads the expressions of nested blocks: opaque as a whole,
// each block's attributes kept (expr.blocks). An element that is not an
// object is written in a way Terraform never writes: none is kept.
func (rd *reader) readBlocks() (expr, error) {
	s := rd.s
	e := expr{opaque: true, inputs: true}
	odd := false
	rd.blockDepth++
	defer func() { rd.blockDepth-- }()
	err := s.array("expressions", func() error {
		if c, ok := s.peek(); !ok || c != '{' {
			odd = true
			return s.skip()
		}
		if err := rd.keepBytes(configEntryCost); err != nil { // each block counts, empty or not
			return err
		}
		var block []namedExpr
		err := s.entries("expressions", func(attr []byte) error {
			x, err := rd.readNamedExpr(attr)
			block = append(block, x)
			return err
		})
		e.blocks = append(e.blocks, block)
		return err
	})
	if odd {
		e.blocks = nil
	}
	return e, err
}

// readNamedExpr reads the expression of the attribute attr, kept like
// values, and counted like them, with what a map entry costs.
func (rd *reader) readNamedExpr(attr []byte) (namedExpr, error) {
	if err := rd.keepBytes(len(attr) + configEntryCost); err != nil {
		return namedExpr{}, err
	}
	name := string(attr) // before the scanner reuses attr's bytes for the keys within
	x, err := rd.readExpr()
	return namedExpr{name, x}, err
}

// readRefs reads an expression's references into e.
func (rd *reader) readRefs(e *expr) error {
	s := rd.s
	if c, ok := s.peek(); !ok || c != '[' { // as Terraform never writes it: opaque, and maybe reading inputs
		e.opaque, e.inputs = true, true
		return s.skip()
	}
	// The aws_iam_users it names whole, and those whose name (or ID) it
	// reads: for the secret walk, a user named whole alone (user =
	// aws_iam_user.svc, passed to a module) may be read for any attribute,
	// its tags say (round 289). (Terraform names a user whole too where an
	// index is not a constant, aws_iam_user.u[each.key].id.)
	var whole, named map[string]bool
	defer func() { // each variable and data source once, however often it is read
		for u := range whole {
			e.objects = e.objects || !named[u]
		}
		slices.Sort(e.vars)
		e.vars = slices.Compact(e.vars)
		slices.Sort(e.data)
		e.data = slices.Compact(e.data)
		slices.Sort(e.managed)
		e.managed = slices.Compact(e.managed)
	}()
	var calls map[string]bool // the module calls whose outputs it reads
	return s.array("references", func() error {
		if c, ok := s.peek(); !ok || c != '"' {
			e.opaque, e.inputs = true, true
			return s.skip()
		}
		var ref string
		if err := rd.str(&ref); err != nil {
			return err
		}
		if err := rd.keepBytes(len(ref) + 1); err != nil {
			return err
		}
		e.source = append(append(e.source, ref...), '\n')
		e.orders = e.orders || ordersAfterUser(ref)
		if strings.HasPrefix(ref, "count.") || strings.HasPrefix(ref, "each.") || strings.HasPrefix(ref, "self.") {
			e.instance = true
		}
		e.eachKey = e.eachKey || ref == "each.key"
		switch name, ok := strings.CutPrefix(ref, "var."); {
		case ok:
			e.inputs = true
			if i := strings.IndexAny(name, ".["); i >= 0 {
				name = name[:i]
			}
			if name == "" {
				e.opaque = true
				return nil
			}
			if len(e.vars) == 0 || e.vars[len(e.vars)-1] != name { // var.x.y comes with var.x
				if err := rd.keepBytes(len(name) + 16); err != nil {
					return err
				}
				e.vars = append(e.vars, name)
			}
		case ref == "each.value" || strings.HasPrefix(ref, "each.value.") || strings.HasPrefix(ref, "each.value["):
			e.each, e.inputs = true, true
		case strings.HasPrefix(ref, "local."):
			// Known when Terraform plans, as far as the plan shows (it
			// shows no local values): `lookup(local.policy, "x", null)`.
			// One that reads a value known only after apply, shown
			// unknown, is judged as if null: a finding rather than a pass.
			e.inputs, e.locals = true, true
		case strings.HasPrefix(ref, "module."):
			// An output of a module call, known when the module's
			// expression for it is (see knownStep). Terraform lists the
			// call's object after its outputs; alone it is the whole
			// module, whatever its outputs read.
			e.inputs = true
			call, output, ok := moduleOutputRef(ref)
			switch {
			case !ok:
				e.opaque = true
			case output != "" || !calls[call]: // alone, the call asks for all its outputs
				if err := rd.keepBytes(len(call) + len(output) + 16); err != nil {
					return err
				}
				e.outputs = append(e.outputs, call+"\x00"+output)
				if calls == nil {
					calls = map[string]bool{}
				}
				calls[call] = true
			}
		case strings.HasPrefix(ref, "data."):
			// A data source read while Terraform plans, its values in
			// prior_state; one read only at apply is a change of the plan
			// (see deferData and knownRefs). round 142: `require_symbols =
			// data.aws_arn.x.region == "" ? null : true` was info, exit 0.
			e.inputs, e.objects = true, true
			d, ok := dataRef(ref)
			switch {
			case !ok:
				e.opaque = true
			case len(e.data) == 0 || e.data[len(e.data)-1] != d: // data.x.y.z comes with data.x.y
				if err := rd.keepBytes(len(d) + 16); err != nil {
					return err
				}
				e.data = append(e.data, d)
			}
		case fixedRef(ref):
			// known whenever Terraform plans
		case strings.HasPrefix(ref, "ephemeral.") || ref == "terraform.applying":
			// An ephemeral value (an ephemeral resource's, or whether
			// Terraform applies) reaches an attribute no IAM resource makes
			// write-only only through ephemeralasnull, as null: known when
			// Terraform plans, as an ephemeral variable is (see exprStep).
			// round 155: `require_symbols = ephemeralasnull(terraform.applying)`
			// was info, exit 0. An ephemeral resource Terraform opens only
			// at apply, which can() still reads, is taken as opened at plan:
			// the plan shows none, and this is the stricter reading (round
			// 162).
			e.inputs = true
		default:
			// Another object's attribute: known when Terraform plans if the
			// plan leaves the object as it is (round 208: `require_symbols =
			// terraform_data.flags.output == "on" ? true : null`, the
			// object a no-op, was info, exit 0).
			if r, ok := managedRef(ref); !ok {
				e.opaque = true
			} else if len(e.managed) == 0 || e.managed[len(e.managed)-1] != r { // x.y.z comes with x.y
				if err := rd.keepBytes(len(r) + 16); err != nil {
					return err
				}
				e.managed = append(e.managed, r)
			}
			if u, ok := userNameRef(ref); ok {
				side := &whole
				if strings.HasSuffix(ref, ".name") || strings.HasSuffix(ref, ".id") {
					side = &named
				}
				if *side == nil {
					*side = map[string]bool{}
				}
				(*side)[u] = true
				if len(e.users) == 0 || e.users[len(e.users)-1] != u { // .name comes with the object
					if err := rd.keepBytes(len(u) + 16); err != nil {
						return err
					}
					e.users = append(e.users, u)
				}
			} else {
				e.inputs, e.objects = true, true
			}
		}
		return nil
	})
}

// ordersAfterUser reports whether a reference (or a depends_on entry) may
// make Terraform walk its object after an aws_iam_user: it names one, or a
// module, whose outputs may read one.
func ordersAfterUser(ref string) bool {
	return strings.HasPrefix(ref, "aws_iam_user.") || strings.HasPrefix(ref, "module.")
}

// fixedRef reports whether a reference reads what Terraform knows before
// it walks any object: an instance's count index or key, the workspace,
// a path.
func fixedRef(ref string) bool {
	switch ref {
	case "count.index", "each.key", "terraform.workspace", "path.module", "path.root", "path.cwd":
		return true
	}
	return false
}

// dataRef reads a reference to a data source or its attribute:
// data.TYPE.NAME[KEY].ATTR gives data.TYPE.NAME.
func dataRef(ref string) (string, bool) {
	typ, rest, ok := strings.Cut(strings.TrimPrefix(ref, "data."), ".")
	if !ok || typ == "" {
		return "", false
	}
	name, _, ok := refName(rest)
	if !ok || name == "" {
		return "", false
	}
	return "data." + typ + "." + name, true
}

// managedRef reads a reference to a managed resource or its attribute:
// TYPE.NAME[KEY].ATTR gives TYPE.NAME. A resource type is its provider's
// name, an underscore and more, which no other reference starts with.
func managedRef(ref string) (string, bool) {
	typ, rest, ok := strings.Cut(ref, ".")
	if !ok || !strings.Contains(typ, "_") || strings.ContainsFunc(typ, func(r rune) bool {
		return !(r == '_' || r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) {
		return "", false
	}
	name, _, ok := refName(rest)
	if !ok || name == "" {
		return "", false
	}
	return typ + "." + name, true
}

// userNameRef reads a reference to an aws_iam_user's name or ID, or to
// the object (Terraform lists it beside its attribute):
// aws_iam_user.NAME[KEY].name gives NAME.
func userNameRef(ref string) (string, bool) {
	rest, ok := strings.CutPrefix(ref, "aws_iam_user.")
	if !ok {
		return "", false
	}
	name, tail, ok := refName(rest)
	if !ok || name == "" || tail != "" && tail != ".name" && tail != ".id" {
		return "", false
	}
	return name, true
}

// moduleOutputRef reads a reference to a module call's output, or to the
// call (output ""): module.CALL[KEY].OUTPUT.ATTR gives CALL and OUTPUT.
func moduleOutputRef(ref string) (call, output string, ok bool) {
	call, tail, ok := refName(strings.TrimPrefix(ref, "module."))
	if !ok || call == "" {
		return "", "", false
	}
	if tail == "" {
		return call, "", true
	}
	output, ok = strings.CutPrefix(tail, ".")
	if i := strings.IndexAny(output, ".["); i >= 0 {
		output = output[:i]
	}
	return call, output, ok && output != ""
}

// refName splits the rest of a reference after its kind ("NAME[KEY].x")
// into its name and what follows the name and its instance key (".x").
func refName(rest string) (name, tail string, ok bool) {
	end := strings.IndexAny(rest, ".[")
	if end < 0 {
		return rest, "", true
	}
	name, tail = rest[:end], rest[end:]
	if tail[0] == '[' { // an instance key: up to the ] that closes it
		quoted, escaped, i := false, false, 1
		for ; i < len(tail) && (quoted || tail[i] != ']'); i++ {
			switch c := tail[i]; {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				quoted = !quoted
			}
		}
		if i == len(tail) {
			return "", "", false
		}
		tail = tail[i+1:]
	}
	return name, tail, true
}

// moduleCall is a numbered configuration module as its call shows it: the
// module it is called from, and the expressions given for its inputs and
// for_each, which are read in the caller's scope.
type moduleCall struct {
	given    bool // the configuration shows the call
	parent   int
	inputs   exprs
	forEach  *expr
	defaults map[string]bool // the input variables the module gives a default
}

// module is what the reader keeps of a numbered configuration module.
type module struct {
	key  uint64 // its calls chained (see chainKey)
	call moduleCall
	// outputs: the expressions of its outputs that read anything but
	// constants and local values; outputsKnown: every output either
	// reads only those or is one of outputs (see moduleOutputs).
	outputs      exprs
	outputsKnown bool
	children     []int // its calls, numbered (see readsSecret)
}

// exprs are named expressions sorted by name, each name once: a module
// call's inputs, or a module's outputs. A slice holds one in half of what
// a map does (round 231: a plan of 150,000 modules, each passing one input
// on as its output, peaked past 256 MB).
type exprs []namedExpr

// sorted sorts l by name.
func (l exprs) sorted() exprs {
	slices.SortFunc(l, func(a, b namedExpr) int { return strings.Compare(a.name, b.name) })
	return l
}

// get gives the expression named name.
func (l exprs) get(name string) (expr, bool) {
	i, ok := slices.BinarySearchFunc(l, name, func(x namedExpr, name string) int { return strings.Compare(x.name, name) })
	if !ok {
		return expr{}, false
	}
	return l[i].expr, true
}

// onlyShown reports whether every value e reads, in module m, is one the
// plan shows: constants, input variables, count.index and each.key, through
// any depth of module inputs, data sources (in prior_state) and managed
// resources (asked only of a Setting of SetAtPlan: no data source read at
// apply, no instance of a resource changed). A local value, a module's output or
// each.value may read another object's value, which the plan does not
// show whose it is. rd.shown memoizes per module and variable.
func (rd *reader) onlyShown(m int, e expr) bool {
	if e.opaque || e.locals || e.each || len(e.outputs) > 0 {
		return false
	}
	for _, v := range e.vars {
		if m == 0 {
			break // a root variable's value the plan shows
		}
		k := configKey{m, v}
		shown, ok := rd.shown[k]
		if !ok {
			rd.shown[k] = false // a cycle, which only a hand-made plan has, stops here
			call := rd.numbered[m].call
			in, given := call.inputs.get(v)
			shown = call.given && (!given || rd.onlyShown(call.parent, in)) // not given: its default, a constant
			rd.shown[k] = shown
		}
		if !shown {
			return false
		}
	}
	return true
}

// knownRefs reports whether the references of e, read in module m, are all
// shown known when Terraform plans. each tells whether each.value is known
// (nil: there is none). A root input variable is known if the plan shows
// its value; a module's, if its call gives it a known expression, or leaves
// it to a default the module shows; a module's output, if it reads only
// what is known, in its module (see moduleOutputs); a data source, unless
// the plan reads any instance of it at apply. What the plan does not show
// (a hand-made plan with no variables) is not known.
func (rd *reader) knownRefs(m int, e expr, each func() bool) bool {
	if e.each && (each == nil || !each()) {
		return false
	}
	known, next := rd.exprStep(m, e, nil)
	for _, k := range next {
		known = known && rd.knownValue(k)
	}
	return known
}

// knownState is what knownValue has found of a value: nothing yet, that it
// is known or not, or that it is on the path being walked.
type knownState uint8

const (
	unwalked knownState = iota
	valueKnown
	valueUnknown
	valueOnPath
)

// knownKey names a value of a module that expressions read: an input
// variable ('v'), an output ('o'), all its outputs ('a'), or each.value
// of its call ('e').
type knownKey struct {
	kind byte
	m    int
	name string
}

// exprStep reports whether what e, read in module m, reads of its own
// module (data sources, managed resources) and the root variables are
// known, and appends to next the values of modules it reads besides;
// each.value aside (see knownStep).
func (rd *reader) exprStep(m int, e expr, next []knownKey) (bool, []knownKey) {
	if e.opaque {
		return false, nil
	}
	for _, d := range e.data {
		if rd.readAtApply[configKey{m, d}] {
			return false, nil
		}
	}
	for _, r := range e.managed {
		if m >= len(rd.numbered) {
			return false, nil
		}
		typ, name, _ := strings.Cut(r, ".")
		k := rd.instanceKey(rd.numbered[m].key, typ, name)
		if hasKey(rd.instances.changed, k) || !hasKey(rd.instances.noops, k) && !hasKey(rd.instances.counted, k) {
			return false, nil
		}
	}
	for _, v := range e.vars {
		if m > 0 {
			next = append(next, knownKey{'v', m, v})
			continue
		}
		// Terraform shows every root variable's value but an ephemeral
		// one's: a variable the configuration declares and the plan does
		// not show. An ephemeral value reaches an attribute only through
		// ephemeralasnull, as null: known when Terraform plans.
		value, shown := rd.rootVars[v]
		if _, declared := rd.rootDeclared[v]; !value && (shown || !declared) {
			return false, nil
		}
	}
	for _, o := range e.outputs {
		call, output, _ := strings.Cut(o, "\x00")
		child, ok := rd.p.modules[configKey{m, call}]
		switch {
		case !ok:
			return false, nil
		case output == "": // one(module.m[*].nothing) reads all of module.m
			next = append(next, knownKey{'a', child, ""})
		case !rd.knownOutputs[configKey{child, output}]: // not a constant
			next = append(next, knownKey{'o', child, output})
		}
	}
	return true, next
}

// knownStep is exprStep for a value of a module: whether what it reads
// directly is known, and the values of modules it reads besides, appended
// to next.
func (rd *reader) knownStep(k knownKey, next []knownKey) (bool, []knownKey) {
	switch k.kind {
	case 'v':
		call := rd.numbered[k.m].call
		if !call.given {
			return false, nil // a module the configuration does not show how it is called
		}
		in, given := call.inputs.get(k.name)
		switch {
		case !given:
			return call.defaults[k.name], next
		case !in.refs:
			return !in.opaque, next // a constant, null or not
		}
		known, next := rd.exprStep(call.parent, in, next)
		if in.each {
			next = append(next, knownKey{'e', k.m, ""})
		}
		return known, next
	case 'e':
		call := rd.numbered[k.m].call
		if call.forEach == nil || call.forEach.each {
			return false, nil
		}
		return rd.exprStep(call.parent, *call.forEach, next)
	case 'o':
		e, ok := rd.numbered[k.m].outputs.get(k.name)
		if !ok || e.each {
			return false, nil
		}
		return rd.exprStep(k.m, e, next)
	}
	if !rd.numbered[k.m].outputsKnown { // 'a': an output neither constant nor kept
		return false, nil
	}
	for _, o := range rd.numbered[k.m].outputs {
		next = append(next, knownKey{'o', k.m, o.name})
	}
	return true, next
}

// knownValue reports whether a value of a module is known when Terraform
// plans: what it reads is, and so are the values it reads, through any
// chain of modules' inputs and outputs. The chain is walked on a stack of
// its own, not the goroutine's (round 228: 100,000 modules each reading
// the last one's output took 200 MB of stack), and each value is found
// once (rd.known): a cycle, which only a hand-made plan has, is unknown.
func (rd *reader) knownValue(root knownKey) bool {
	// Each value on the path, and from where in reads the values it reads
	// that are left to walk begin.
	type frame struct {
		k    knownKey
		from int
	}
	var path []frame
	var reads []knownKey
	for k := root; ; {
		state, from := rd.known[k], len(reads)
		known := state == valueKnown
		if state == unwalked {
			known, reads = rd.knownStep(k, reads)
		}
		if !known { // unknown, or on the path: a cycle
			// So is each value on the path, which reads the next.
			rd.known[k] = valueUnknown
			for _, f := range path {
				rd.known[f.k] = valueUnknown
			}
			return false
		}
		if state == unwalked {
			path, rd.known[k] = append(path, frame{k, from}), valueOnPath
		}
		// Each value on the path whose values are all known is known.
		for len(path) > 0 && len(reads) == path[len(path)-1].from {
			rd.known[path[len(path)-1].k] = valueKnown
			path = path[:len(path)-1]
		}
		if len(path) == 0 {
			return true
		}
		k, reads = reads[len(reads)-1], reads[:len(reads)-1]
	}
}
