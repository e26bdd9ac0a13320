package tfplan

import (
	"iter"
	"slices"
	"strings"
)

// Attrs are the attributes kept of a resource instance, sorted by name. A plan holds
// tens of thousands of them with a handful of names each, so they are a sorted slice
// rather than a map: a third of the memory, and lookups as fast at these sizes.
type Attrs []Attr

// An Attr is one attribute: its name and its value as encoding/json decodes it into
// an any.
type Attr struct {
	Name  string
	Value any
}

// Get returns the value of the named attribute, or nil when there is none.
func (a Attrs) Get(name string) any {
	v, _ := a.Lookup(name)
	return v
}

// Lookup returns the value of the named attribute and whether there is one.
func (a Attrs) Lookup(name string) (any, bool) {
	i, ok := a.find(name)
	if !ok {
		return nil, false
	}
	return a[i].Value, true
}

// Set gives the named attribute a value, adding it in its place when it is new.
func (a *Attrs) Set(name string, v any) {
	i, ok := a.find(name)
	if ok {
		(*a)[i].Value = v
		return
	}
	*a = slices.Insert(*a, i, Attr{Name: name, Value: v})
}

// All yields the attributes by name, in order.
func (a Attrs) All() iter.Seq2[string, any] {
	return func(yield func(string, any) bool) {
		for _, x := range a {
			if !yield(x.Name, x.Value) {
				return
			}
		}
	}
}

func (a Attrs) find(name string) (int, bool) {
	return slices.BinarySearchFunc(a, name, func(x Attr, name string) int { return strings.Compare(x.Name, name) })
}
