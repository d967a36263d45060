package plan

import "strings"

// expr is what the configuration block shows of one expression: enough to
// tell whether the attribute is left unset, and whether its value is known
// when Terraform plans. Terraform writes a constant as constant_value and
// anything else as the references it reads, so `attr = var.x` with x null
// shows only ["var.x"]; the plan's after side then holds the provider's
// "known after apply" for an optional computed attribute, as it does for
// `attr = null`. When every reference is known at plan time, an unknown
// after side can only be that null, and the default applies.
type expr struct {
	null bool // {"constant_value": null}: unset, as if omitted
	refs bool // references only: its value is known iff they all are
	// opaque: it reads something that may be unknown until apply (a
	// resource, a data source, a local or a module's output, which the
	// configuration block does not show), or is written in another way.
	opaque bool
	vars   []string // the input variables of its module it reads
	each   bool     // reads each.value
}

// sets reports whether the expression sets the attribute to a value that
// may be known only after apply, given whether its references are known.
func (e expr) sets(known bool) bool {
	return !e.null && !(e.refs && !e.opaque && known)
}

// readExpr reads an expression of the configuration block. A list (the
// expressions of nested blocks) counts as opaque.
func (rd *reader) readExpr() (expr, error) {
	s := rd.s
	if c, ok := s.peek(); !ok || c != '{' {
		return expr{opaque: true}, s.skip()
	}
	var e expr
	constant, null, other := false, false, false
	err := s.object("expression", func(key []byte) error {
		switch string(key) {
		case "constant_value":
			c, _ := s.peek()
			constant, null = true, c == 'n'
			return s.skip()
		case "references":
			e.refs = true
			return rd.readRefs(&e)
		}
		other = true
		return s.skip()
	})
	switch {
	case constant && !e.refs && !other:
		return expr{null: null}, err
	case e.refs && !constant && !other:
		return e, err
	}
	// {} (a value with no references that is unknown until apply, such
	// as timestamp()), or keys Terraform never writes together.
	return expr{opaque: true}, err
}

// readRefs reads an expression's references into e.
func (rd *reader) readRefs(e *expr) error {
	s := rd.s
	if c, ok := s.peek(); !ok || c != '[' {
		e.opaque = true
		return s.skip()
	}
	return s.array("references", func() error {
		if c, ok := s.peek(); !ok || c != '"' {
			e.opaque = true
			return s.skip()
		}
		var ref string
		if err := rd.str(&ref); err != nil {
			return err
		}
		switch name, ok := strings.CutPrefix(ref, "var."); {
		case ok:
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
			e.each = true
		case ref == "count.index", ref == "each.key", ref == "terraform.workspace",
			ref == "path.module", ref == "path.root", ref == "path.cwd":
			// known whenever Terraform plans
		default:
			e.opaque = true
		}
		return nil
	})
}

// moduleCall is a numbered configuration module as its call shows it: the
// module it is called from, and the expressions given for its inputs and
// for_each, which are read in the caller's scope.
type moduleCall struct {
	parent  int
	inputs  map[string]expr
	forEach *expr
}

// knownRefs reports whether the references of e, read in module m, are all
// known when Terraform plans. each is the for_each expression each.value
// comes from (nil: none). Root input variables are always known; a module's
// input is known if its call leaves it to the default or gives it a known
// expression. known memoizes per module and variable, so that deep module
// chains cost linear work.
func (p *Plan) knownRefs(m int, e expr, each *expr, known map[configKey]bool) bool {
	if e.opaque {
		return false
	}
	if e.each && (each == nil || !p.knownRefs(m, *each, nil, known)) {
		return false
	}
	for _, v := range e.vars {
		if !p.knownVar(m, v, known) {
			return false
		}
	}
	return true
}

func (p *Plan) knownVar(m int, name string, known map[configKey]bool) bool {
	if m == 0 {
		return true
	}
	k := configKey{m, name}
	if v, ok := known[k]; ok {
		return v
	}
	known[k] = false // a cycle, which only a hand-made plan has, is unknown
	call, ok := p.calls[m]
	v := true // left to its default
	if !ok {
		v = false // a module the configuration does not show how it is called
	} else if in, given := call.inputs[name]; given {
		v = in.null || !in.refs && !in.opaque || in.refs && p.knownRefs(call.parent, in, call.forEach, known)
	}
	known[k] = v
	return v
}
