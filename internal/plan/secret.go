package plan

import "strings"

// A module's output declared sensitive marks nothing in the plan: Terraform
// 1.11 leaves a value read from one out of after_sensitive, yet its author
// asked that it not be shown. readsSecret finds what reads one, through the
// configuration's modules, as a graph whose nodes are a module's outputs,
// its input variables and its local values.

// secretNode is a module's output (kind 'o'; name "" for the whole module),
// input variable ('v') or local values ('l', all of them: the plan does not
// show a local's expression).
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
	index, low map[secretNode]int
	onStack    map[secretNode]bool
	acc        map[secretNode]bool // what a node reads as far as seen
	done       map[secretNode]bool // settled: whether it reads one
	stack      []secretNode
	// past: the walk met more than maxSecretNodes nodes, and answers
	// true for what it has not settled.
	past bool
}

// maxSecretNodes bounds the nodes the walk keeps: 1.4 million module
// inputs read by one output took 393 MB (round 137), and 200,000 of a
// chain of modules each reading the last one's output about 200 MB, which
// brought the run past 256 MB (round 228).
const maxSecretNodes = 100_000

// readsSecret reports whether e, read in module m, reads a module output
// declared sensitive: directly, through other outputs or module inputs
// (neither of which Terraform makes declare it), or through a local value
// of a module that calls one with such an output or is given one as an
// input (a local may read any of them). each.value is the caller's to
// follow, from its for_each.
func (rd *reader) readsSecret(m int, e expr) bool {
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
	if e.locals && !visit(secretNode{m, 'l', ""}) {
		return
	}
	for _, o := range e.outputs {
		call, output, _ := strings.Cut(o, "\x00")
		if child, ok := rd.p.modules[configKey{m, call}]; ok && !visit(secretNode{child, 'o', output}) {
			return
		}
	}
	if m == 0 {
		return // a root variable's value is what the plan shows
	}
	for _, v := range e.vars {
		if !visit(secretNode{m, 'v', v}) {
			return
		}
	}
}

// successors gives visit the nodes n reads.
func (rd *reader) successors(n secretNode, visit func(secretNode) bool) {
	switch n.kind {
	case 'o':
		if n.name != "" {
			if x, ok := rd.outputExprs[n.module][n.name]; ok {
				rd.exprNodes(n.module, x, visit)
			}
			return
		}
		for _, x := range rd.outputExprs[n.module] { // the whole module
			rd.exprNodes(n.module, x, visit)
		}
	case 'v':
		call, ok := rd.calls[n.module]
		in, given := call.inputs[n.name]
		if !ok || !given {
			return
		}
		rd.exprNodes(call.parent, in, visit)
		if in.each && call.forEach != nil {
			rd.exprNodes(call.parent, *call.forEach, visit)
		}
	case 'l':
		for _, c := range rd.children[n.module] {
			if !visit(secretNode{c, 'o', ""}) {
				return
			}
		}
		for v := range rd.calls[n.module].inputs {
			if !visit(secretNode{n.module, 'v', v}) {
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
	if v, ok := w.done[root]; ok || w.past {
		return v || w.past
	}
	type frame struct {
		n    secretNode
		succ []secretNode
		next int
	}
	var frames []frame
	push := func(n secretNode) {
		w.index[n], w.low[n] = len(w.index), len(w.index)
		w.stack, w.onStack[n] = append(w.stack, n), true
		w.acc[n] = n.kind == 'o' && rd.secretOutputs[configKey{n.module, n.name}]
		var succ []secretNode
		rd.successors(n, func(s secretNode) bool { succ = append(succ, s); return true })
		frames = append(frames, frame{n: n, succ: succ})
	}
	push(root)
	for len(frames) > 0 {
		if len(w.index) > maxSecretNodes {
			// Too much to follow: what is not settled is withheld, and
			// the walk's maps go.
			*w = secretWalk{past: true}
			return true
		}
		f := &frames[len(frames)-1]
		if f.next < len(f.succ) {
			s := f.succ[f.next]
			f.next++
			if v, ok := w.done[s]; ok {
				w.acc[f.n] = w.acc[f.n] || v
			} else if _, seen := w.index[s]; !seen {
				push(s)
			} else if w.onStack[s] {
				w.low[f.n] = min(w.low[f.n], w.index[s])
			}
			continue
		}
		n := f.n
		frames = frames[:len(frames)-1]
		if w.low[n] == w.index[n] {
			// n roots a component: every node of it reads what any of
			// them does.
			i := len(w.stack) - 1
			for w.stack[i] != n {
				i--
			}
			found := false
			for _, c := range w.stack[i:] {
				found = found || w.acc[c]
			}
			for _, c := range w.stack[i:] {
				w.done[c] = found
				delete(w.onStack, c)
				delete(w.acc, c)
			}
			w.stack = w.stack[:i]
		}
		if len(frames) > 0 { // n was reached from the frame below
			p := &frames[len(frames)-1]
			w.low[p.n] = min(w.low[p.n], w.low[n])
			if v, ok := w.done[n]; ok {
				w.acc[p.n] = w.acc[p.n] || v
			} else {
				w.acc[p.n] = w.acc[p.n] || w.acc[n]
			}
		}
	}
	return w.done[root]
}
