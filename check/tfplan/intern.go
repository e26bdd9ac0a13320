package tfplan

import (
	"slices"
	"strings"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// An interner shares the strings, action lists and unknown-value masks that repeat
// across a plan's changes: thousands of instances of one module have a handful of
// types, names, module addresses, action lists and after_unknown shapes between them.
// Callers must not modify what it returns.
type interner struct {
	shared map[string]any // by raw JSON (strings, actions) or by unknownsKey
	key    []byte         // working space of unknownsKey
}

func newInterner() *interner { return &interner{shared: map[string]any{}} }

// string reads a string value (or null, as "") and returns the copy shared by equal
// values.
func (in *interner) string(dec *jsontext.Decoder) (string, error) {
	v, err := dec.ReadValue()
	if err != nil {
		return "", err
	}
	if v.Kind() == 'n' {
		return "", nil
	}
	if v.Kind() != '"' {
		return "", errNotPlan
	}
	if s, ok := in.shared[string(v)].(string); ok { // no allocation: the conversion is only a key
		return s, nil
	}
	var s string
	if err := json.Unmarshal(v, &s); err != nil {
		return "", err
	}
	in.shared[string(v)] = s
	return s, nil
}

// actions reads a change's actions and returns the list shared by equal lists.
func (in *interner) actions(dec *jsontext.Decoder) ([]string, error) {
	v, err := dec.ReadValue()
	if err != nil {
		return nil, err
	}
	if list, ok := in.shared[string(v)].([]string); ok {
		return list, nil
	}
	var list []string
	if err := json.Unmarshal(v, &list); err != nil {
		return nil, err
	}
	in.shared[strings.Clone(string(v))] = list
	return list, nil
}

// unknowns returns a copy of the after_unknown attributes a, shared with the equal
// ones read before when every value is true or a list of booleans (the usual shapes).
func (in *interner) unknowns(a Attrs) Attrs {
	if len(a) == 0 {
		return nil
	}
	if !in.unknownsKey(a) {
		return slices.Clone(a)
	}
	if shared, ok := in.shared[string(in.key)].(Attrs); ok {
		return shared
	}
	shared := slices.Clone(a)
	in.shared[string(in.key)] = shared
	return shared
}

// unknownsKey writes into in.key a key that equal unknown masks share ("\x00u" then
// each name, "=", and T, F or a bracketed list of them), and reports whether a has
// that shape.
func (in *interner) unknownsKey(a Attrs) bool {
	in.key = append(in.key[:0], 0, 'u')
	flag := func(v any) bool {
		b, ok := v.(bool)
		switch {
		case ok && b:
			in.key = append(in.key, 'T')
		case ok:
			in.key = append(in.key, 'F')
		}
		return ok
	}
	for _, x := range a {
		in.key = append(in.key, x.Name...)
		in.key = append(in.key, '=')
		if list, ok := x.Value.([]any); ok {
			in.key = append(in.key, '[')
			for _, v := range list {
				if !flag(v) {
					return false
				}
			}
			in.key = append(in.key, ']')
		} else if !flag(x.Value) {
			return false
		}
	}
	return true
}
