package plan

import "strings"

// A module's output declared sensitive marks nothing in the plan: Terraform
// 1.11 leaves a value read from one out of after_sensitive, yet its author
// asked that it not be shown. readsSecret finds what reads one, through the
// configuration's modules, as a graph whose nodes are a module's outputs,
// its input variables and its local values.

// secretNode is a module's output (kind 'o'; name "" for the whole module),
// input variable ('v'), local values and the attributes of its data sources
// and managed resources ('l', all of them: the plan does not show a local's
// expression, and the reader keeps few of objects') or an aws_iam_user's
// name ('u', by the resource's name). An object's attribute computed from a
// marked value comes unmarked (a data source's json, a terraform_data's
// output), and a local value may read one, so 'l' is secret beside a
// variable declared sensitive, a terraform_remote_state, an object the plan
// marks in part, or anything that reads a module's output declared
// sensitive.
type secretNode struct {
	module int
	kind   byte
	name   string
}

// secretWalk is Tarjan's walk over the nodes: whether each reads a
// declared output is settled per strongly connected component, so that a
// cycle (a module's output passed back to it as an input) neither loops
// nor settles a node before the nodes it reads (round 134), and each node
// is visited once.
type secretWalk struct {
	nodes map[secretNode]secretState // each node met
	stack []secretNode
	// past: the walk met more than maxSecretNodes nodes, and answers
	// true for what it has not settled.
	past bool
}

// secretState is what the walk knows of a node: the order it was met in,
// and the least of those of the nodes on the stack it reaches.
type secretState struct {
	index, low int
	onStack    bool
	acc        bool // it reads one, as far as seen
	settled    bool // done: found tells whether it reads one
	found      bool
}

// maxSecretNodes bounds the nodes the walk keeps: 1.4 million module
// inputs read by one output took 393 MB (round 137), and 200,000 of a
// chain of modules each reading the last one's output about 200 MB, which
// brought the run past 256 MB (round 228).
const maxSecretNodes = 100_000

// readsSecret reports whether e, read in module m, reads a module output
// declared sensitive: directly, through other outputs or module inputs
// (neither of which Terraform makes declare it), through an aws_iam_user's
// name set from one (a name made from it is another name, which the user's
// marks do not withhold; round 285), or through a local value or another
// object's attribute in a module that calls one with such an output or is
// given one as an input (either may read any of them). A variable declared
// sensitive, and a module's local values and objects beside one, a
// terraform_remote_state or an object the plan marks in part, count as
// such an output (see secretSource, markedObject).
// each.value and each.key are the caller's to follow, from its for_each.
func (rd *reader) readsSecret(m int, e expr) bool {
	if len(rd.secretOutputs) == 0 && len(rd.secretSources) == 0 {
		return false // nothing to find: no walk, however large the configuration (round 285)
	}
	found := false
	rd.exprNodes(m, e, func(n secretNode) bool {
		found = rd.nodeSecret(n)
		return !found
	})
	return found
}

// exprNodes gives visit the nodes e, read in module m, reads, until visit
// returns false.
func (rd *reader) exprNodes(m int, e expr, visit func(secretNode) bool) {
	if (e.locals || e.objects) && !visit(secretNode{m, 'l', ""}) {
		return
	}
	for _, u := range e.users {
		if !visit(secretNode{m, 'u', u}) {
			return
		}
	}
	for _, o := range e.outputs {
		call, output, _ := strings.Cut(o, "\x00")
		if child, ok := rd.p.modules[configKey{m, call}]; ok && !visit(secretNode{child, 'o', output}) {
			return
		}
	}
	for _, v := range e.vars {
		n := secretNode{m, 'v', v}
		if m == 0 && !rd.secretSources[n] {
			continue // a root variable's value is what the plan shows, marked if declared sensitive
		}
		if !visit(n) {
			return
		}
	}
}

// successors gives visit the nodes n reads.
func (rd *reader) successors(n secretNode, visit func(secretNode) bool) {
	switch n.kind {
	case 'o':
		if n.name != "" {
			if x, ok := rd.numbered[n.module].outputs.get(n.name); ok {
				rd.exprNodes(n.module, x, visit)
			}
			return
		}
		for _, x := range rd.numbered[n.module].outputs { // the whole module
			rd.exprNodes(n.module, x.expr, visit)
		}
	case 'v':
		call := rd.numbered[n.module].call
		in, given := call.inputs.get(n.name)
		if !call.given || !given {
			return
		}
		rd.exprNodes(call.parent, in, visit)
		if in.readsEach() && call.forEach != nil {
			rd.exprNodes(call.parent, *call.forEach, visit)
		}
	case 'u':
		u := rd.userNames[configKey{n.module, n.name}]
		rd.exprNodes(n.module, u.name, visit)
		if u.name.readsEach() && u.forEach != nil {
			rd.exprNodes(n.module, *u.forEach, visit)
		}
	case 'l':
		for _, c := range rd.numbered[n.module].children {
			if !visit(secretNode{c, 'o', ""}) {
				return
			}
		}
		for _, in := range rd.numbered[n.module].call.inputs {
			if !visit(secretNode{n.module, 'v', in.name}) {
				return
			}
		}
	}
}

// nodeSecret reports whether n reads a module output declared sensitive.
// The walk keeps its own stack: a chain of 55,000 modules took 52 MB of
// goroutine stack as recursion (round 135).
func (rd *reader) nodeSecret(root secretNode) bool {
	w := rd.secrets
	if st := w.nodes[root]; st.settled || w.past {
		return st.found || w.past
	}
	// Each node being walked, and from where in succ the nodes it reads
	// that are left to walk begin.
	type frame struct {
		n    secretNode
		from int
	}
	var frames []frame
	var succ []secretNode
	push := func(n secretNode) {
		i := len(w.nodes)
		w.nodes[n] = secretState{index: i, low: i, onStack: true, acc: n.kind == 'o' && rd.secretOutputs[configKey{n.module, n.name}] || rd.secretSources[n]}
		w.stack = append(w.stack, n)
		frames = append(frames, frame{n, len(succ)})
		rd.successors(n, func(s secretNode) bool { succ = append(succ, s); return true })
	}
	push(root)
	for len(frames) > 0 {
		if len(w.nodes) > maxSecretNodes {
			// Too much to follow: what is not settled is withheld, and
			// the walk's map goes.
			*w = secretWalk{past: true}
			return true
		}
		f := frames[len(frames)-1]
		if len(succ) > f.from {
			s := succ[len(succ)-1]
			succ = succ[:len(succ)-1]
			st, seen := w.nodes[s]
			switch {
			case !seen:
				push(s)
			case st.settled:
				w.update(f.n, func(p *secretState) { p.acc = p.acc || st.found })
			case st.onStack:
				w.update(f.n, func(p *secretState) { p.low = min(p.low, st.index) })
			}
			continue
		}
		n := f.n
		frames = frames[:len(frames)-1]
		if st := w.nodes[n]; st.low == st.index {
			// n roots a component: every node of it reads what any of
			// them does.
			i := len(w.stack) - 1
			for w.stack[i] != n {
				i--
			}
			found := false
			for _, c := range w.stack[i:] {
				found = found || w.nodes[c].acc
			}
			for _, c := range w.stack[i:] {
				w.update(c, func(c *secretState) { c.settled, c.found, c.onStack, c.acc = true, found, false, false })
			}
			w.stack = w.stack[:i]
		}
		if len(frames) > 0 { // n was reached from the frame below
			st := w.nodes[n]
			w.update(frames[len(frames)-1].n, func(p *secretState) {
				p.low = min(p.low, st.low)
				p.acc = p.acc || st.found || st.acc
			})
		}
	}
	return w.nodes[root].found
}

// secretSource notes module m's variable name, declared sensitive, as a
// secret source, and the module's local values and objects, which may read
// it; name "" notes a terraform_remote_state of the module, whose outputs
// Terraform never marks, for its local values and objects alone.
func (rd *reader) secretSource(m *modulePath, name string) error {
	id, err := rd.number(m)
	if err != nil {
		return err
	}
	if err := rd.keepBytes(len(name) + configEntryCost); err != nil {
		return err
	}
	if name != "" {
		rd.secretSources[secretNode{id, 'v', name}] = true
	}
	rd.secretSources[secretNode{id, 'l', ""}] = true
	return nil
}

// update changes what the walk knows of n.
func (w *secretWalk) update(n secretNode, change func(*secretState)) {
	st := w.nodes[n]
	change(&st)
	w.nodes[n] = st
}
