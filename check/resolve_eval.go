package check

import (
	"errors"
	"fmt"
	"slices"

	"github.com/eipassoc/eipassoc/check/tfplan"
	"github.com/eipassoc/eipassoc/internal/tffuncs"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// An evaluator evaluates configuration expressions the way Terraform would have during
// the plan, in the scope of one module instance and one instance key: var from the
// plan's variables and the evaluated module arguments, local evaluated when first used
// (a cycle is an error), each and count from the instance key and the block's
// for_each, resources from the plan's values with a placeholder for every value known
// only after apply, module outputs from the child instance, and Terraform's functions
// (package tffuncs, paths relative to the root module as in Terraform). Anything else is
// an error, so the fact stays unknown.
//
// Two guards make the results trustworthy: the keys that count and for_each evaluate
// to must be the plan's instance keys, and every attribute the plan knows must evaluate
// to the plan's value. When either fails, nothing is evaluated in that scope.
type evaluator struct {
	tree  *instanceTree
	plan  *tfplan.Plan
	src   *sourceTree
	funcs map[string]function.Function

	memo map[memoKey]evalResult // variables, locals, count and for_each, resources, module outputs
	// single holds, by the memo key of a value, the object of its root with that one
	// name (the var object with var.cidr alone), dropped with the value.
	single map[memoKey]cty.Value
	consts map[hcl.Expression]evalResult // expressions that refer to nothing
	free   []map[string]cty.Value        // variables maps released after an evaluation
	busy   map[memoKey]bool
	refs   map[hcl.Expression][]hcl.Traversal // each expression's references, found once
	guards map[*resInst]string
	// calls holds each module instance's call check, and blocks each block's
	// count/for_each check by module instance and block: each is worked out once, not
	// for every resource instance below it, so that the cost stays linear in the number
	// of module instances.
	calls  map[*modInst]string
	blocks map[memoKey]blockKeys
	// owned lists the memo and blocks entries of each module instance under the root
	// (its descendants' included), and current is the one being evaluated: see focus.
	owned   map[*modInst][]memoKey
	current *modInst
}

// A memoKey names a value worked out once in a module instance: var.name, local.name,
// a resource or module call by name, or a block's count or for_each (its block key).
type memoKey struct {
	mi   *modInst
	kind string // "var", "local", "module", a resource type; "count", "for_each", "block" of a block
	name string
}

func (k memoKey) String() string {
	where := k.mi.addr
	if where == "" {
		where = "the root module"
	}
	switch k.kind {
	case "count", "for_each", "block":
		return "the " + k.kind + " of " + k.name + " in " + where
	}
	return k.kind + "." + k.name + " in " + where
}

type evalResult struct {
	v   cty.Value
	err error
}

// A scope is the instance key of the block being evaluated, and the iterator of the
// dynamic block whose content is being evaluated, if any.
type scope struct {
	each     *cty.Value // the each object: each.key and each.value
	count    *cty.Value // the count object: count.index
	key      instanceKey
	iterator string    // the iterator's name, or ""
	iterated cty.Value // the iterator's object: key and value
}

func newEvaluator(tree *instanceTree, plan *tfplan.Plan, src *sourceTree) *evaluator {
	return &evaluator{tree: tree, plan: plan, src: src, funcs: tffuncs.Table(src.root),
		memo: map[memoKey]evalResult{}, single: map[memoKey]cty.Value{}, consts: map[hcl.Expression]evalResult{},
		busy: map[memoKey]bool{}, refs: map[hcl.Expression][]hcl.Traversal{},
		guards: map[*resInst]string{}, calls: map[*modInst]string{}, blocks: map[memoKey]blockKeys{},
		owned: map[*modInst][]memoKey{}}
}

// moduleSource returns the sources of mi's module.
func (e *evaluator) moduleSource(mi *modInst) (*moduleSource, string) {
	return e.src.module(mi.path, func(path string) string {
		if m := e.findPath(path); m != nil && m.call != nil {
			return m.call.Source
		}
		return ""
	})
}

// findPath returns any module instance of a config path, for its call's source.
func (e *evaluator) findPath(path string) *modInst {
	for _, mi := range e.tree.mods {
		if mi.path == path {
			return mi
		}
	}
	return nil
}

// attr evaluates attribute name of ri. ok is false when the sources do not have the
// expression (or there are no sources), so the caller may fall back to the plan's
// references; otherwise v is the value, or why says why it is unknown.
func (e *evaluator) attr(ri *resInst, name string) (v cty.Value, why string, ok bool) {
	e.focus(ri.mod)
	src, _ := e.moduleSource(ri.mod)
	if src == nil {
		return cty.NilVal, "", false
	}
	rs := src.resources[ri.Type+"."+ri.Name]
	if rs == nil || rs.attrs[name] == nil {
		return cty.NilVal, "", false
	}
	if g := e.guard(ri); g != "" {
		return cty.NilVal, g, true
	}
	sc, err := e.blockScope(ri.mod, ri.blk.label, rs, ri.key, func() []instanceKey { return keysOf(ri.blk) })
	if err == nil {
		v, err = e.eval(ri.mod, rs.attrs[name], sc)
	}
	if err != nil {
		return cty.NilVal, name + " of " + ri.Address + " could not be evaluated from the sources: " + err.Error(), true
	}
	return v, "", true
}

// nested evaluates attribute name of ri's nested blocks of type typ, static ones and
// dynamic ones expanded by their for_each, in source order: one value for each block,
// cty.NilVal where the block does not set it. ok is false when the sources have no such
// block (or there are no sources); otherwise why says why they could not be
// evaluated.
func (e *evaluator) nested(ri *resInst, typ, name string) (vals []cty.Value, why string, ok bool) {
	e.focus(ri.mod)
	src, _ := e.moduleSource(ri.mod)
	if src == nil {
		return nil, "", false
	}
	rs := src.resources[ri.Type+"."+ri.Name]
	if rs == nil || !slices.ContainsFunc(rs.nested, func(nb nestedBlock) bool { return nb.typ == typ }) {
		return nil, "", false
	}
	if g := e.guard(ri); g != "" {
		return nil, g, true
	}
	fail := func(err error) ([]cty.Value, string, bool) {
		return nil, "the " + typ + " blocks of " + ri.Address + " could not be evaluated from the sources: " +
			err.Error(), true
	}
	sc, err := e.blockScope(ri.mod, ri.blk.label, rs, ri.key, func() []instanceKey { return keysOf(ri.blk) })
	if err != nil {
		return fail(err)
	}
	value := func(nb nestedBlock, sc scope) error {
		v := cty.NilVal
		if expr := nb.attrs[name]; expr != nil {
			if v, err = e.eval(ri.mod, expr, sc); err != nil {
				return err
			}
		}
		vals = append(vals, v)
		return nil
	}
	for _, nb := range rs.nested {
		if nb.typ != typ {
			continue
		}
		if !nb.dynamic {
			if err := value(nb, sc); err != nil {
				return fail(err)
			}
			continue
		}
		if nb.forEach == nil {
			return fail(errors.New("a dynamic block without for_each"))
		}
		each, err := e.eval(ri.mod, nb.forEach, sc)
		if err != nil {
			return fail(err)
		}
		if each.IsNull() || !each.CanIterateElements() {
			return fail(
				fmt.Errorf("the for_each of a dynamic block is a %s, not a collection", each.Type().FriendlyName()),
			)
		}
		inner := sc
		inner.iterator = nb.iterator
		for it := each.ElementIterator(); it.Next(); {
			k, v := it.Element()
			inner.iterated = cty.ObjectVal(map[string]cty.Value{"key": k, "value": v})
			if err := value(nb, inner); err != nil {
				return fail(err)
			}
		}
	}
	return vals, "", true
}

func (e *evaluator) memoEval(k memoKey, mi *modInst, expr hcl.Expression) (cty.Value, error) {
	if r, ok := e.memo[k]; ok {
		return r.v, r.err
	}
	v, err := e.eval(mi, expr, scope{})
	e.memo[k] = evalResult{v, err}
	e.own(k)
	return v, err
}

// topOf returns the module instance directly under the root that mi is, or is inside;
// nil for the root.
func topOf(mi *modInst) *modInst {
	for mi != nil && mi.parent != nil && mi.parent.parent != nil {
		mi = mi.parent
	}
	if mi == nil || mi.parent == nil {
		return nil
	}
	return mi
}

// own records a new memo or blocks entry under the module instance it belongs to.
func (e *evaluator) own(k memoKey) {
	if top := topOf(k.mi); top != nil {
		e.owned[top] = append(e.owned[top], k)
	}
}

// focus tells the evaluator that the resource instances evaluated next are in mi. When
// that moves out of the module instance under the root evaluated before, the values
// worked out for that one (its variables, locals, blocks' keys, resources and outputs)
// are dropped: the plan lists a module instance's resources together, so this bounds
// what evaluation holds to one module instance (and the root), not all of them. A value
// asked for again is worked out again, with the same result.
func (e *evaluator) focus(mi *modInst) {
	top := topOf(mi)
	if top == e.current || top == nil {
		return
	}
	if e.current != nil {
		for _, k := range e.owned[e.current] {
			delete(e.memo, k)
			delete(e.single, k)
			delete(e.blocks, k)
		}
		delete(e.owned, e.current)
	}
	e.current = top
}

// eval evaluates expr in module instance mi with the instance key of sc. An expression
// that refers to nothing has one value wherever it is evaluated: it is worked out once.
func (e *evaluator) eval(mi *modInst, expr hcl.Expression, sc scope) (cty.Value, error) {
	refs, ok := e.refs[expr]
	if !ok {
		refs = expr.Variables()
		e.refs[expr] = refs
	}
	if len(refs) == 0 {
		if r, ok := e.consts[expr]; ok {
			return r.v, r.err
		}
		v, err := e.value(expr, nil)
		e.consts[expr] = evalResult{v, err}
		return v, err
	}
	top := e.vars()
	defer e.release(top)
	if err := e.bind(top, mi, refs, sc); err != nil {
		return cty.NilVal, err
	}
	return e.value(expr, top)
}

// value evaluates expr with the variables top and Terraform's functions.
func (e *evaluator) value(expr hcl.Expression, top map[string]cty.Value) (cty.Value, error) {
	if testHookEvaluate != nil {
		testHookEvaluate(expr, top, e.funcs)
	}
	v, diags := expr.Value(&hcl.EvalContext{Variables: top, Functions: e.funcs})
	if diags.HasErrors() {
		return cty.NilVal, errors.New(diagText(diags))
	}
	if !v.IsWhollyKnown() {
		return cty.NilVal, errors.New("the value is not known")
	}
	return v, nil
}

// testHookEvaluate, when set by a test, sees every expression handed to HCL and what
// it is evaluated with (BenchmarkNestedFloor replays them).
var testHookEvaluate func(hcl.Expression, map[string]cty.Value, map[string]function.Function)

// vars returns an empty map for an expression's variables. HCL reads the map only while
// it evaluates the expression, so release hands it back for the next one; evaluations
// nest (a local evaluated while an expression's variables are bound), and each holds
// its own.
func (e *evaluator) vars() map[string]cty.Value {
	if n := len(e.free); n > 0 {
		m := e.free[n-1]
		e.free = e.free[:n-1]
		return m
	}
	return make(map[string]cty.Value, 4)
}

func (e *evaluator) release(m map[string]cty.Value) {
	clear(m)
	e.free = append(e.free, m)
}

// A boundName is one root.name an expression refers to, and its value.
type boundName struct {
	root, name string
	v          cty.Value
}

// bind evaluates what refs refer to, in the scope of the module instance mi and of sc,
// into top: the variables an expression making those references is evaluated with.
func (e *evaluator) bind(top map[string]cty.Value, mi *modInst, refs []hcl.Traversal, sc scope) error {
	var names []boundName
	var data map[string]map[string]cty.Value // data.TYPE.NAME
	for _, tr := range refs {
		root := tr.RootName()
		switch root {
		case "each":
			if sc.each == nil {
				return errors.New("each is used outside a for_each block")
			}
			top["each"] = *sc.each
			continue
		case "count":
			if sc.count == nil {
				return errors.New("count is used outside a counted block")
			}
			top["count"] = *sc.count
			continue
		case "data":
			typ, ok1 := traverseName(tr, 1)
			name, ok2 := traverseName(tr, 2)
			if !ok1 || !ok2 {
				return errors.New("data.TYPE.NAME is not evaluated in this form")
			}
			v, err := e.dataSource(mi, typ, name)
			if err != nil {
				return err
			}
			if data == nil {
				data = map[string]map[string]cty.Value{}
			}
			if data[typ] == nil {
				data[typ] = map[string]cty.Value{}
			}
			data[typ][name] = v
			continue
		case "path", "terraform", "self":
			return fmt.Errorf("%s.* is not evaluated", root)
		case sc.iterator:
			top[root] = sc.iterated
			continue
		}
		if len(tr) < 2 {
			return fmt.Errorf("%s alone is not evaluated", root)
		}
		name, ok := tr[1].(hcl.TraverseAttr)
		if !ok {
			return fmt.Errorf("%s[...] is not evaluated", root)
		}
		if slices.ContainsFunc(names, func(b boundName) bool { return b.root == root && b.name == name.Name }) {
			continue
		}
		v, err := e.named(mi, root, name.Name)
		if err != nil {
			return err
		}
		names = append(names, boundName{root, name.Name, v})
	}
	e.objects(top, mi, names)
	if len(data) > 0 {
		types := map[string]cty.Value{}
		for typ, m := range data {
			types[typ] = cty.ObjectVal(m)
		}
		top["data"] = cty.ObjectVal(types)
	}
	return nil
}

// objects puts into top an object for each root of names (var, local, module, a
// resource type) with the names referred to under it. The object of a root that one
// name is referred to under is the same for every expression of the module instance
// (var.cidr, module.eip_pool), so it is made once and kept with the name's value.
func (e *evaluator) objects(top map[string]cty.Value, mi *modInst, names []boundName) {
	for i, b := range names {
		if _, done := top[b.root]; done {
			continue
		}
		alone := !slices.ContainsFunc(names[i+1:], func(o boundName) bool { return o.root == b.root })
		if alone {
			k := memoKey{mi, b.root, b.name} // the root is the memo kind of its names' values
			obj, ok := e.single[k]
			if !ok {
				obj = cty.ObjectVal(map[string]cty.Value{b.name: b.v})
				e.single[k] = obj
			}
			top[b.root] = obj
			continue
		}
		attrs := map[string]cty.Value{}
		for _, o := range names[i:] {
			if o.root == b.root {
				attrs[o.name] = o.v
			}
		}
		top[b.root] = cty.ObjectVal(attrs)
	}
}

// named evaluates root.name: a variable, a local, a module call's outputs or a
// resource's instances.
func (e *evaluator) named(mi *modInst, root, name string) (cty.Value, error) {
	switch root {
	case "var":
		return e.variable(mi, name)
	case "local":
		return e.local(mi, name)
	case "module":
		return e.module(mi, name)
	}
	return e.resource(mi, root, name)
}

func diagText(diags hcl.Diagnostics) string {
	for _, d := range diags {
		if d.Severity == hcl.DiagError {
			if d.Detail != "" {
				return d.Summary + ": " + d.Detail
			}
			return d.Summary
		}
	}
	return diags.Error()
}
