package tfplan

import (
	"maps"
	"slices"
	"strings"
)

// An Order is the order Terraform creates a plan's resources in: a resource is
// created after every resource it depends on, directly or through others. It depends
// on what its configuration refers to (through variables into the calling module and
// through outputs into called ones), on its depends_on, and on the depends_on of every
// module call above it; a depends_on naming a module orders after every resource in
// that module. Nodes are configuration addresses (module.a.type.name): Terraform
// orders every instance of a resource after every instance of what it depends on.
//
// References through locals are not in a plan (Terraform does not show locals), so an
// order that only a local makes is not seen: the order is then "neither", which makes
// plan-attachment-order report a possible failure rather than miss a certain one.
type Order struct {
	deps  map[string][]string // node -> the nodes it depends on directly
	reach map[string]map[string]bool
}

// Join prefixes a module address ("module.a[\"x\"]", or "" at the root) to a resource
// or module address.
func Join(module, addr string) string {
	if module == "" {
		return addr
	}
	return module + "." + addr
}

// Depend makes node a depend on node b directly.
func (o *Order) Depend(a, b string) {
	if o.deps == nil {
		o.deps = map[string][]string{}
	}
	o.deps[a] = append(o.deps[a], b)
	o.reach = nil
}

// NewOrder builds the order from a plan's configuration.
func NewOrder(root *Module) *Order {
	o := &Order{deps: map[string][]string{}, reach: map[string]map[string]bool{}}
	o.addModule([]moduleFrame{{module: root}}, nil)
	return o
}

// A moduleFrame is one module on the way down from the root: its address, its
// configuration, and the call that made it (nil for the root).
type moduleFrame struct {
	addr   string
	module *Module
	call   *Call
}

// addModule adds the resources of the innermost module of frames and of the modules
// it calls; inherited are the nodes the module calls above it depend on.
func (o *Order) addModule(frames []moduleFrame, inherited []string) {
	f := frames[len(frames)-1]
	m, addr := f.module, f.addr
	for _, key := range slices.Sorted(maps.Keys(m.Resources)) {
		r := m.Resources[key]
		node := Join(addr, key)
		var deps []string
		for _, e := range r.allExpressions() {
			for _, ref := range e.Refs {
				deps = append(deps, o.resolve(frames, ref, 0)...)
			}
		}
		for _, d := range r.DependsOn {
			deps = append(deps, o.named(f, d)...)
		}
		deps = append(deps, inherited...)
		slices.Sort(deps)
		o.deps[node] = slices.Compact(deps)
	}
	for _, name := range slices.Sorted(maps.Keys(m.Calls)) {
		call := m.Calls[name]
		child := Join(addr, "module."+name)
		var inh []string
		inh = append(inh, inherited...)
		for _, d := range call.DependsOn {
			inh = append(inh, o.named(f, d)...)
		}
		if call.Module != nil {
			o.addModule(append(slices.Clip(frames), moduleFrame{addr: child, module: call.Module, call: call}), inh)
		}
	}
}

// allExpressions lists a resource's expressions, its count and for_each included.
func (r *Resource) allExpressions() []*Expression {
	var out []*Expression
	for _, k := range slices.Sorted(maps.Keys(r.Exprs)) {
		out = append(out, r.Exprs[k])
	}
	for _, e := range []*Expression{r.Count, r.ForEach} {
		if e != nil {
			out = append(out, e)
		}
	}
	return out
}

// named resolves a depends_on entry in module f: a resource, or every resource of a
// called module.
func (o *Order) named(f moduleFrame, name string) []string {
	if child, ok := strings.CutPrefix(name, "module."); ok {
		call := f.module.Calls[child]
		if call == nil || call.Module == nil {
			return nil
		}
		return resourcesIn(Join(f.addr, "module."+child), call.Module)
	}
	if _, ok := f.module.Resources[resourcePart(name)]; ok {
		return []string{Join(f.addr, resourcePart(name))}
	}
	return nil
}

// resourcesIn lists every resource node of module m at addr and below.
func resourcesIn(addr string, m *Module) []string {
	var out []string
	for _, key := range slices.Sorted(maps.Keys(m.Resources)) {
		out = append(out, Join(addr, key))
	}
	for _, name := range slices.Sorted(maps.Keys(m.Calls)) {
		if c := m.Calls[name]; c.Module != nil {
			out = append(out, resourcesIn(Join(addr, "module."+name), c.Module)...)
		}
	}
	return out
}

// resourcePart returns "type.name" of a reference such as type.name[0].id, or "".
func resourcePart(ref string) string {
	typ, rest, ok := strings.Cut(ref, ".")
	if !ok {
		return ""
	}
	name := rest
	if i := strings.IndexAny(rest, ".["); i >= 0 {
		name = rest[:i]
	}
	return typ + "." + name
}

// resolve returns the resource nodes a reference made in the innermost module of
// frames depends on.
func (o *Order) resolve(frames []moduleFrame, ref string, depth int) []string {
	if depth > 32 {
		return nil
	}
	f := frames[len(frames)-1]
	head, rest, _ := strings.Cut(ref, ".")
	switch head {
	case "var":
		name, _, _ := strings.Cut(rest, ".")
		name, _, _ = strings.Cut(name, "[")
		if f.call == nil || len(frames) < 2 {
			return nil
		}
		e := f.call.Exprs[name]
		if e == nil {
			return nil
		}
		var out []string
		for _, r := range e.Refs {
			out = append(out, o.resolve(frames[:len(frames)-1], r, depth+1)...)
		}
		return out
	case "module":
		name, output, _ := strings.Cut(rest, ".")
		name, _, _ = strings.Cut(name, "[")
		call := f.module.Calls[name]
		if call == nil || call.Module == nil {
			return nil
		}
		child := moduleFrame{addr: Join(f.addr, "module."+name), module: call.Module, call: call}
		output, _, _ = strings.Cut(output, ".")
		output, _, _ = strings.Cut(output, "[")
		e := call.Module.Outputs[output]
		if output == "" || e == nil {
			return resourcesIn(child.addr, call.Module)
		}
		var out []string
		for _, r := range e.Refs {
			out = append(out, o.resolve(append(slices.Clip(frames), child), r, depth+1)...)
		}
		return out
	case "local", "each", "count", "self", "path", "terraform", "data":
		return nil
	}
	if part := resourcePart(ref); part != "" {
		if _, ok := f.module.Resources[part]; ok {
			return []string{Join(f.addr, part)}
		}
	}
	return nil
}

// After reports whether Terraform creates node a only after node b: a depends on b,
// directly or through others.
func (o *Order) After(a, b string) bool {
	if o == nil {
		return false
	}
	if o.reach == nil {
		o.reach = map[string]map[string]bool{}
	}
	r, ok := o.reach[a]
	if !ok {
		r = map[string]bool{}
		stack := slices.Clone(o.deps[a])
		for len(stack) > 0 {
			n := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if r[n] {
				continue
			}
			r[n] = true
			stack = append(stack, o.deps[n]...)
		}
		o.reach[a] = r
	}
	return r[b]
}
