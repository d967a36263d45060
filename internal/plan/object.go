package plan

// Object is one side of a kept change, or a prior resource's values: the
// kept attributes and their decoded JSON values (nested values as
// encoding/json decodes them). A resource keeps a few attributes, so a
// slice costs less than a map, in memory and in time.
type Object []Member

// Member is one attribute of an Object.
type Member struct {
	Name  string
	Value any
}

// Get returns the named attribute's value; ok is false when it is absent.
func (o Object) Get(name string) (v any, ok bool) {
	for i := range o {
		if o[i].Name == name {
			return o[i].Value, true
		}
	}
	return nil, false
}

// ObjectOf turns a decoded JSON object into an Object; any other value is
// returned as it is.
func ObjectOf(v any) any {
	m, ok := v.(map[string]any)
	if !ok {
		return v
	}
	o := make(Object, 0, len(m))
	for k, x := range m {
		o = append(o, Member{k, x})
	}
	return o
}

// sameScalars reports whether two sides hold the same attributes, in the
// same order, with the same scalar values. Nothing changes a decoded side,
// so such sides can share one Object.
func sameScalars(a, b any) bool {
	oa, ok := a.(Object)
	ob, ok2 := b.(Object)
	if !ok || !ok2 || len(oa) != len(ob) {
		return false
	}
	for i := range oa {
		if oa[i].Name != ob[i].Name || !scalar(oa[i].Value) || !scalar(ob[i].Value) || oa[i].Value != ob[i].Value {
			return false
		}
	}
	return true
}

func scalar(v any) bool {
	switch v.(type) {
	case nil, bool, float64, string:
		return true
	}
	return false
}
