package check

import (
	"errors"
	"fmt"
	"maps"
	"math/big"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/eipassoc/eipassoc/check/tfplan"
	"github.com/eipassoc/eipassoc/internal/tffuncs"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint/terraform"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
)

// placeholderPrefix starts the string that stands for a value known only after apply:
// the prefix, the resource instance address, '#', and the attribute's path. Each such
// value is unique, so an expression that passes it on (instance_id = eni.id) says
// exactly which object it names.
const placeholderPrefix = "eipassoc:after-apply:"

func placeholder(address, path string) cty.Value {
	return cty.StringVal(placeholderPrefix + address + "#" + path)
}

// parsePlaceholder returns the address and attribute path of a placeholder.
func parsePlaceholder(s string) (address, path string, ok bool) {
	rest, ok := strings.CutPrefix(s, placeholderPrefix)
	if !ok {
		return "", "", false
	}
	i := strings.LastIndexByte(rest, '#')
	if i < 0 {
		return "", "", false
	}
	return rest[:i], rest[i+1:], true
}

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

	memo   map[memoKey]evalResult // variables, locals, count and for_each, resources, module outputs
	busy   map[memoKey]bool
	refs   map[hcl.Expression][]hcl.Traversal // each expression's references, found once
	guards map[*resInst]string
	// calls holds each module instance's call check, and blocks each block's
	// count/for_each check by module instance and block: each is worked out once, not
	// for every resource instance below it, so that the cost stays linear in the number
	// of module instances.
	calls  map[*modInst]string
	blocks map[memoKey]blockKeys
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

// blockKeys is what a block's count or for_each evaluates to, checked against the
// plan's instance keys once: the values by key for a for_each.
type blockKeys struct {
	count  bool
	values map[string]cty.Value
	err    error
}

type evalResult struct {
	v   cty.Value
	err error
}

// A scope is the instance key of the block being evaluated, and the iterator of the
// dynamic block whose content is being evaluated, if any.
type scope struct {
	each     *cty.Value // each.value; each.key comes from key
	count    bool
	key      instanceKey
	iterator string    // the iterator's name, or ""
	iterated cty.Value // the iterator's object: key and value
}

func newEvaluator(tree *instanceTree, plan *tfplan.Plan, src *sourceTree) *evaluator {
	return &evaluator{tree: tree, plan: plan, src: src, funcs: tffuncs.Table(src.root),
		memo: map[memoKey]evalResult{}, busy: map[memoKey]bool{}, refs: map[hcl.Expression][]hcl.Traversal{},
		guards: map[*resInst]string{}, calls: map[*modInst]string{}, blocks: map[memoKey]blockKeys{}}
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

func keysOf(blk *resBlock) []instanceKey {
	out := make([]instanceKey, len(blk.insts))
	for i, ri := range blk.insts {
		out[i] = ri.key
	}
	return out
}

// guard checks ri's scope: the module calls above it and its own block expand to the
// plan's instance keys, and every attribute the plan knows evaluates to the plan's
// value. It returns "" or why the sources cannot be trusted for ri.
func (e *evaluator) guard(ri *resInst) string {
	if g, ok := e.guards[ri]; ok {
		return g
	}
	e.guards[ri] = "the evaluation of " + ri.Address + " depends on itself"
	g := e.checkGuard(ri)
	e.guards[ri] = g
	return g
}

func (e *evaluator) checkGuard(ri *resInst) string {
	for mi := ri.mod; mi.parent != nil; mi = mi.parent {
		if g := e.callGuard(mi); g != "" {
			return g
		}
	}
	src, _ := e.moduleSource(ri.mod)
	rs := src.resources[ri.Type+"."+ri.Name]
	sc, err := e.blockScope(ri.mod, ri.blk.label, rs, ri.key, func() []instanceKey { return keysOf(ri.blk) })
	if err != nil {
		return "the sources do not match the plan: " + err.Error()
	}
	for name, planned := range ri.After.All() {
		if planned == nil || rs.attrs[name] == nil {
			continue
		}
		v, err := e.eval(ri.mod, rs.attrs[name], sc)
		if err != nil || !v.IsWhollyKnown() {
			continue // nothing to compare
		}
		if !sameValue(v, planned) {
			return fmt.Sprintf(
				"the sources do not match the plan: %s of %s evaluates to %s, the plan has %v",
				name,
				ri.Address,
				show(v),
				planned,
			)
		}
	}
	return ""
}

// callGuard checks, once for each module instance, that the call that makes it expands
// to the plan's instance keys.
func (e *evaluator) callGuard(mi *modInst) string {
	if g, ok := e.calls[mi]; ok {
		return g
	}
	g := ""
	psrc, _ := e.moduleSource(mi.parent)
	if psrc == nil || psrc.calls[mi.callName] == nil {
		g = "the sources of " + mi.parent.path + " have no module \"" + mi.callName + "\" (the sources do not match " +
			"the plan)"
	} else if _, err := e.blockScope(mi.parent, "module "+mi.callName, psrc.calls[mi.callName], mi.key,
		func() []instanceKey { return moduleKeys(mi) }); err != nil {
		g = "the sources do not match the plan: " + err.Error()
	}
	e.calls[mi] = g
	return g
}

func moduleKeys(mi *modInst) []instanceKey {
	kids := mi.parent.children[mi.callName]
	out := make([]instanceKey, len(kids))
	for i, k := range kids {
		out[i] = k.key
	}
	return out
}

// blockScope evaluates a block's count or for_each in mi and returns the scope of the
// instance with key. The keys it evaluates to must be the plan's, which planKeys lists;
// it is called only the first time the block is checked.
func (e *evaluator) blockScope(
	mi *modInst,
	what string,
	rs *resourceSource,
	key instanceKey,
	planKeys func() []instanceKey,
) (scope, error) {
	sc := scope{key: key}
	switch {
	case rs.count != nil || rs.forEach != nil:
		bk := e.blockKeys(mi, what, rs, planKeys)
		if bk.err != nil {
			return sc, bk.err
		}
		if bk.count {
			if key.kind != intKey {
				return sc, fmt.Errorf("%s has a count, and the plan has instance %s", what, key)
			}
			sc.count = true
			return sc, nil
		}
		v, ok := bk.values[key.s]
		if key.kind != stringKey || !ok {
			return sc, fmt.Errorf("%s has a for_each, and the plan has instance %s", what, key)
		}
		sc.each = &v
	case key.kind != noKey:
		return sc, fmt.Errorf(
			"%s has neither count nor for_each in the sources, and the plan has instance %s",
			what,
			key,
		)
	}
	return sc, nil
}

// blockKeys evaluates a block's count or for_each in mi and checks it against the
// plan's instance keys, once for each block of each module instance.
func (e *evaluator) blockKeys(mi *modInst, what string, rs *resourceSource, planKeys func() []instanceKey) blockKeys {
	memo := memoKey{mi, "block", what}
	if bk, ok := e.blocks[memo]; ok {
		return bk
	}
	var bk blockKeys
	keys := planKeys()
	switch {
	case rs.count != nil:
		n, err := e.memoEval(memoKey{mi, "count", what}, mi, rs.count)
		if err != nil {
			bk.err = fmt.Errorf("the count of %s: %w", what, err)
			break
		}
		if count, err := tffuncs.Count(n); err != nil || count != len(keys) {
			bk.err = fmt.Errorf("the count of %s is %s, and the plan has %d instances", what, show(n), len(keys))
			break
		}
		bk.count = true
	case rs.forEach != nil:
		fe, err := e.memoEval(memoKey{mi, "for_each", what}, mi, rs.forEach)
		if err != nil {
			bk.err = fmt.Errorf("the for_each of %s: %w", what, err)
			break
		}
		values, err := forEachValues(fe)
		if err != nil {
			bk.err = fmt.Errorf("the for_each of %s: %w", what, err)
			break
		}
		if !sameKeys(values, keys) {
			bk.err = fmt.Errorf(
				"the for_each of %s has keys %v, and the plan has %v",
				what,
				slices.Sorted(maps.Keys(values)),
				keyStrings(keys),
			)
			break
		}
		bk.values = values
	}
	e.blocks[memo] = bk
	return bk
}

func (e *evaluator) memoEval(k memoKey, mi *modInst, expr hcl.Expression) (cty.Value, error) {
	if r, ok := e.memo[k]; ok {
		return r.v, r.err
	}
	v, err := e.eval(mi, expr, scope{})
	e.memo[k] = evalResult{v, err}
	return v, err
}

// eval evaluates expr in module instance mi with the instance key of sc.
func (e *evaluator) eval(mi *modInst, expr hcl.Expression, sc scope) (cty.Value, error) {
	vars := map[string]map[string]cty.Value{}
	top := map[string]cty.Value{}
	data := map[string]map[string]cty.Value{} // data.TYPE.NAME
	refs, ok := e.refs[expr]
	if !ok {
		refs = expr.Variables()
		e.refs[expr] = refs
	}
	for _, tr := range refs {
		root := tr.RootName()
		switch root {
		case "each":
			if sc.each == nil {
				return cty.NilVal, errors.New("each is used outside a for_each block")
			}
			top["each"] = cty.ObjectVal(map[string]cty.Value{"key": sc.key.value(), "value": *sc.each})
			continue
		case "count":
			if !sc.count {
				return cty.NilVal, errors.New("count is used outside a counted block")
			}
			top["count"] = cty.ObjectVal(map[string]cty.Value{"index": sc.key.value()})
			continue
		case "data":
			typ, ok1 := traverseName(tr, 1)
			name, ok2 := traverseName(tr, 2)
			if !ok1 || !ok2 {
				return cty.NilVal, errors.New("data.TYPE.NAME is not evaluated in this form")
			}
			v, err := e.dataSource(mi, typ, name)
			if err != nil {
				return cty.NilVal, err
			}
			if data[typ] == nil {
				data[typ] = map[string]cty.Value{}
			}
			data[typ][name] = v
			continue
		case "path", "terraform", "self":
			return cty.NilVal, fmt.Errorf("%s.* is not evaluated", root)
		case sc.iterator:
			top[root] = sc.iterated
			continue
		}
		if len(tr) < 2 {
			return cty.NilVal, fmt.Errorf("%s alone is not evaluated", root)
		}
		name, ok := tr[1].(hcl.TraverseAttr)
		if !ok {
			return cty.NilVal, fmt.Errorf("%s[...] is not evaluated", root)
		}
		if vars[root] == nil {
			vars[root] = map[string]cty.Value{}
		}
		if _, done := vars[root][name.Name]; done {
			continue
		}
		var v cty.Value
		var err error
		switch root {
		case "var":
			v, err = e.variable(mi, name.Name)
		case "local":
			v, err = e.local(mi, name.Name)
		case "module":
			v, err = e.module(mi, name.Name)
		default:
			v, err = e.resource(mi, root, name.Name)
		}
		if err != nil {
			return cty.NilVal, err
		}
		vars[root][name.Name] = v
	}
	for root, m := range vars {
		top[root] = cty.ObjectVal(m)
	}
	if len(data) > 0 {
		types := map[string]cty.Value{}
		for typ, m := range data {
			types[typ] = cty.ObjectVal(m)
		}
		top["data"] = cty.ObjectVal(types)
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

// variable is var.name in mi: the plan's value at the root, otherwise the module call's
// argument evaluated in the caller's instance, or the variable's default; converted to
// the variable's declared type, as Terraform converts it.
func (e *evaluator) variable(mi *modInst, name string) (cty.Value, error) {
	return e.once(memoKey{mi, "var", name}, func() (cty.Value, error) {
		var decl *terraform.Variable
		if src, _ := e.moduleSource(mi); src != nil {
			decl = src.vars[name]
		}
		v, err := e.variableValue(mi, name, decl)
		if err != nil || decl == nil {
			return v, err
		}
		if decl.TypeDefaults != nil && !v.IsNull() {
			v = decl.TypeDefaults.Apply(v)
		}
		cv, err := convertValue(v, decl.ConstraintType)
		if err != nil {
			return cty.NilVal, fmt.Errorf("var.%s of %s: %s", name, mi.addr, err)
		}
		return cv, nil
	})
}

// variableValue is var.name in mi before its type conversion.
func (e *evaluator) variableValue(mi *modInst, name string, decl *terraform.Variable) (cty.Value, error) {
	if mi.parent == nil {
		v, ok := e.plan.Variable(name)
		if !ok {
			return cty.NilVal, fmt.Errorf("var.%s has no value in the plan", name)
		}
		return toCty(v), nil
	}
	psrc, why := e.moduleSource(mi.parent)
	if psrc == nil {
		return cty.NilVal, errors.New(why)
	}
	call := psrc.calls[mi.callName]
	if call == nil {
		return cty.NilVal, fmt.Errorf("the sources of %s have no module %q", mi.parent.path, mi.callName)
	}
	if expr := call.attrs[name]; expr != nil {
		sc, err := e.blockScope(
			mi.parent,
			"module "+mi.callName,
			call,
			mi.key,
			func() []instanceKey { return moduleKeys(mi) },
		)
		if err != nil {
			return cty.NilVal, err
		}
		v, err := e.eval(mi.parent, expr, sc)
		// A null argument to a variable that is not nullable takes the default.
		if err != nil || !v.IsKnown() || !v.IsNull() || decl == nil || decl.Nullable || decl.Default == cty.NilVal {
			return v, err
		}
	}
	if decl != nil && decl.Default != cty.NilVal {
		return decl.Default, nil
	}
	return cty.NilVal, fmt.Errorf("var.%s of %s has no value", name, mi.addr)
}

// providerRegion evaluates the region of the provider configuration name ("alicloud",
// "alicloud.west") declared in the module at config path module, in the instance of
// that module that mi is or is below. It returns the region, or why it is unknown.
func (e *evaluator) providerRegion(mi *modInst, module, name string) (string, string) {
	for mi != nil && mi.path != module {
		mi = mi.parent
	}
	if mi == nil {
		return "", "the provider configuration " + name + " of " + module + " is not above the resource"
	}
	src, why := e.moduleSource(mi)
	if src == nil {
		return "", why
	}
	expr := src.regions[name]
	if expr == nil {
		return "", "the sources of " + mi.addr + " do not configure the region of provider " + name
	}
	v, err := e.eval(mi, expr, scope{})
	switch {
	case err != nil:
		return "", "the region of provider " + name + " could not be evaluated from the sources: " + err.Error()
	case !v.IsWhollyKnown() || v.IsNull() || v.Type() != cty.String:
		return "", "the region of provider " + name + " is known only after apply"
	}
	return v.AsString(), ""
}

// traverseName returns the attribute name of step i of a traversal.
func traverseName(tr hcl.Traversal, i int) (string, bool) {
	if len(tr) <= i {
		return "", false
	}
	a, ok := tr[i].(hcl.TraverseAttr)
	return a.Name, ok
}

// dataSource is data.typ.name in mi: the values Terraform read while planning (the
// plan's prior_state), an object, or a tuple or object of them for count or for_each.
func (e *evaluator) dataSource(mi *modInst, typ, name string) (cty.Value, error) {
	return e.once(memoKey{mi, "data." + typ, name}, func() (cty.Value, error) {
		addr := tfplan.Join(mi.addr, "data."+typ+"."+name)
		if v, ok := e.plan.Data[addr]; ok {
			return toCty(v), nil
		}
		byKey := map[string]cty.Value{}
		for a, v := range e.plan.Data {
			if rest, ok := strings.CutPrefix(a, addr+"["); ok && strings.HasSuffix(rest, "]") {
				byKey[strings.TrimSuffix(rest, "]")] = toCty(v)
			}
		}
		if len(byKey) == 0 {
			return cty.NilVal, fmt.Errorf(
				"data.%s.%s has no values in the plan (Terraform reads it only during apply)",
				typ,
				name,
			)
		}
		if _, numbered := byKey["0"]; numbered {
			vals := make([]cty.Value, len(byKey))
			for i := range vals {
				v, ok := byKey[strconv.Itoa(i)]
				if !ok {
					return cty.NilVal, fmt.Errorf(
						"the instances of data.%s.%s are not numbered 0 to %d",
						typ,
						name,
						len(vals)-1,
					)
				}
				vals[i] = v
			}
			return cty.TupleVal(vals), nil
		}
		obj := map[string]cty.Value{}
		for k, v := range byKey {
			obj[strings.Trim(k, `"`)] = v
		}
		return cty.ObjectVal(obj), nil
	})
}

// local is local.name in mi, evaluated when first used.
func (e *evaluator) local(mi *modInst, name string) (cty.Value, error) {
	return e.once(memoKey{mi, "local", name}, func() (cty.Value, error) {
		src, why := e.moduleSource(mi)
		if src == nil {
			return cty.NilVal, errors.New(why)
		}
		expr := src.locals[name]
		if expr == nil {
			return cty.NilVal, fmt.Errorf("local.%s is not defined", name)
		}
		return e.eval(mi, expr, scope{})
	})
}

// once memoizes a value and reports a cycle as an error.
func (e *evaluator) once(k memoKey, f func() (cty.Value, error)) (cty.Value, error) {
	if r, ok := e.memo[k]; ok {
		return r.v, r.err
	}
	if e.busy[k] {
		return cty.NilVal, fmt.Errorf("%s depends on itself", k)
	}
	e.busy[k] = true
	v, err := f()
	delete(e.busy, k)
	e.memo[k] = evalResult{v, err}
	return v, err
}

// resource is typ.name in mi: an object, a tuple (count) or an object of objects
// (for_each) of the planned values, with placeholders for what is known after apply.
func (e *evaluator) resource(mi *modInst, typ, name string) (cty.Value, error) {
	return e.once(memoKey{mi, typ, name}, func() (cty.Value, error) {
		blk := mi.blocks[typ+"."+name]
		src, _ := e.moduleSource(mi)
		var rs *resourceSource
		if src != nil {
			rs = src.resources[typ+"."+name]
		}
		if blk == nil {
			switch {
			case rs != nil && rs.count != nil:
				return cty.EmptyTupleVal, nil // count = 0
			case rs != nil && rs.forEach != nil:
				return cty.EmptyObjectVal, nil
			}
			return cty.NilVal, fmt.Errorf("%s.%s is not in the plan", typ, name)
		}
		switch blk.insts[0].key.kind {
		case intKey:
			vals := make([]cty.Value, len(blk.insts))
			for i, ri := range blk.insts {
				if ri.key.i != i {
					return cty.NilVal, fmt.Errorf(
						"the instances of %s.%s are not numbered 0 to %d",
						typ,
						name,
						len(blk.insts)-1,
					)
				}
				vals[i] = instanceObject(ri)
			}
			return cty.TupleVal(vals), nil
		case stringKey:
			vals := make(map[string]cty.Value, len(blk.insts))
			for _, ri := range blk.insts {
				vals[ri.key.s] = instanceObject(ri)
			}
			return cty.ObjectVal(vals), nil
		}
		return instanceObject(blk.insts[0]), nil
	})
}

// module is module.name in mi: the outputs of the child instance, as a tuple or an
// object of them when the call has count or for_each.
func (e *evaluator) module(mi *modInst, name string) (cty.Value, error) {
	return e.once(memoKey{mi, "module", name}, func() (cty.Value, error) {
		kids := mi.children[name]
		if len(kids) == 0 {
			return cty.NilVal, fmt.Errorf("module.%s has no instance in the plan", name)
		}
		switch kids[0].key.kind {
		case intKey:
			vals := make([]cty.Value, len(kids))
			for i, k := range kids {
				v, err := e.outputs(k)
				if err != nil {
					return cty.NilVal, err
				}
				vals[i] = v
			}
			return cty.TupleVal(vals), nil
		case stringKey:
			vals := map[string]cty.Value{}
			for _, k := range kids {
				v, err := e.outputs(k)
				if err != nil {
					return cty.NilVal, err
				}
				vals[k.key.s] = v
			}
			return cty.ObjectVal(vals), nil
		}
		return e.outputs(kids[0])
	})
}

// outputs evaluates the outputs of a module instance that can be evaluated.
func (e *evaluator) outputs(mi *modInst) (cty.Value, error) {
	src, why := e.moduleSource(mi)
	if src == nil {
		return cty.NilVal, errors.New(why)
	}
	vals := map[string]cty.Value{}
	for name, expr := range src.outputs {
		if v, err := e.eval(mi, expr, scope{}); err == nil {
			vals[name] = v
		}
	}
	return cty.ObjectVal(vals), nil
}

// instanceObject is a resource instance's planned values, with a placeholder for each
// value known only after apply and for an unknown id.
func instanceObject(ri *resInst) cty.Value {
	attrs := make(map[string]cty.Value, len(ri.After)+2)
	for k, v := range ri.After.All() {
		if v != nil {
			attrs[k] = toCty(v)
		}
	}
	for k, u := range ri.Unknown.All() {
		if v, ok := withPlaceholders(ri.After.Get(k), u, ri.Address, k); ok {
			attrs[k] = v
		}
	}
	if _, ok := attrs["id"]; !ok {
		attrs["id"] = placeholder(ri.Address, "id")
	}
	return cty.ObjectVal(attrs)
}

// withPlaceholders puts placeholders into a value where after_unknown marks it.
func withPlaceholders(after, unknown any, address, path string) (cty.Value, bool) {
	switch u := unknown.(type) {
	case bool:
		if u {
			return placeholder(address, path), true
		}
	case []any:
		list, _ := after.([]any)
		vals := make([]cty.Value, len(u))
		for i := range u {
			var a any
			if i < len(list) {
				a = list[i]
			}
			v, ok := withPlaceholders(a, u[i], address, fmt.Sprintf("%s[%d]", path, i))
			if !ok {
				v = toCty(a)
			}
			vals[i] = v
		}
		return cty.TupleVal(vals), true
	case map[string]any:
		obj, _ := after.(map[string]any)
		vals := map[string]cty.Value{}
		for k, a := range obj {
			if a != nil {
				vals[k] = toCty(a)
			}
		}
		for k, uu := range u {
			if v, ok := withPlaceholders(obj[k], uu, address, path+"."+k); ok {
				vals[k] = v
			}
		}
		return cty.ObjectVal(vals), true
	}
	return cty.NilVal, false
}

// convertValue converts v to ty as convert.Convert does. An object converted to a map
// whose element type has no dynamic part and no optional attribute is converted
// element by element: cty's conversion then unifies the element types, comparing them
// pairwise, which costs about 40 ms at a for_each of 2,000 keys and changes nothing
// when every element has been converted to the one element type
// (TestConvertValueMatchesCty).
func convertValue(v cty.Value, ty cty.Type) (cty.Value, error) {
	if !ty.IsMapType() || !v.Type().IsObjectType() || !v.IsKnown() || v.IsNull() || v.IsMarked() ||
		ty.HasDynamicTypes() || hasOptionalAttrs(ty) {
		return convert.Convert(v, ty)
	}
	ety := ty.ElementType()
	if v.LengthInt() == 0 {
		return cty.MapValEmpty(ety), nil
	}
	elems := make(map[string]cty.Value, v.LengthInt())
	for it := v.ElementIterator(); it.Next(); {
		k, e := it.Element()
		ce, err := convert.Convert(e, ety)
		if err != nil {
			return convert.Convert(v, ty) // the library's error, with its path
		}
		elems[k.AsString()] = ce
	}
	return cty.MapVal(elems), nil
}

// hasOptionalAttrs reports whether ty has an object type with optional attributes
// anywhere in it.
func hasOptionalAttrs(ty cty.Type) bool {
	switch {
	case ty.IsObjectType():
		if len(ty.OptionalAttributes()) > 0 {
			return true
		}
		for _, at := range ty.AttributeTypes() {
			if hasOptionalAttrs(at) {
				return true
			}
		}
	case ty.IsTupleType():
		for _, et := range ty.TupleElementTypes() {
			if hasOptionalAttrs(et) {
				return true
			}
		}
	case ty.IsCollectionType():
		return hasOptionalAttrs(ty.ElementType())
	}
	return false
}

// toCty converts a decoded JSON value.
func toCty(v any) cty.Value {
	switch x := v.(type) {
	case nil:
		return cty.NullVal(cty.DynamicPseudoType)
	case string:
		return cty.StringVal(x)
	case bool:
		return cty.BoolVal(x)
	case float64:
		return cty.NumberFloatVal(x)
	case []any:
		vals := make([]cty.Value, len(x))
		for i := range x {
			vals[i] = toCty(x[i])
		}
		return cty.TupleVal(vals)
	case map[string]any:
		vals := make(map[string]cty.Value, len(x))
		for k, e := range x {
			vals[k] = toCty(e)
		}
		return cty.ObjectVal(vals)
	}
	return cty.DynamicVal
}

// forEachValues returns the elements of a for_each value by key.
func forEachValues(v cty.Value) (map[string]cty.Value, error) {
	if v.IsNull() || !v.IsWhollyKnown() {
		return nil, errors.New("it is null or not known")
	}
	ty := v.Type()
	out := map[string]cty.Value{}
	switch {
	case ty.IsSetType() || ty.IsListType() || ty.IsTupleType():
		if !ty.IsSetType() && v.LengthInt() > 0 {
			return nil, errors.New("a list is not a valid for_each (use toset)")
		}
		for it := v.ElementIterator(); it.Next(); {
			_, el := it.Element()
			if el.Type() != cty.String {
				return nil, errors.New("a set of for_each must hold strings")
			}
			out[el.AsString()] = el
		}
	case ty.IsMapType() || ty.IsObjectType():
		for it := v.ElementIterator(); it.Next(); {
			k, el := it.Element()
			out[k.AsString()] = el
		}
	default:
		return nil, fmt.Errorf("a %s is not a valid for_each", ty.FriendlyName())
	}
	return out, nil
}

func sameKeys(values map[string]cty.Value, keys []instanceKey) bool {
	if len(values) != len(keys) {
		return false
	}
	for _, k := range keys {
		if _, ok := values[k.s]; !ok || k.kind != stringKey {
			return false
		}
	}
	return true
}

func keyStrings(keys []instanceKey) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = k.s
	}
	return out
}

// sameValue compares an evaluated value with the plan's; lists compare as sets, since
// set attributes keep no order.
func sameValue(v cty.Value, planned any) bool {
	switch p := planned.(type) {
	case string:
		return v.Type() == cty.String && v.AsString() == p
	case float64:
		return v.Type() == cty.Number && v.AsBigFloat().Cmp(big.NewFloat(p)) == 0
	case bool:
		return v.Type() == cty.Bool && v.True() == p
	case []any:
		ty := v.Type()
		if !(ty.IsListType() || ty.IsSetType() || ty.IsTupleType()) || v.LengthInt() != len(p) {
			return false
		}
		var got, want []string
		for it := v.ElementIterator(); it.Next(); {
			_, el := it.Element()
			got = append(got, show(el))
		}
		for _, x := range p {
			want = append(want, show(toCty(x)))
		}
		sort.Strings(got)
		sort.Strings(want)
		return slices.Equal(got, want)
	}
	return true // objects and nulls are not compared
}

// show formats a value for a message.
func show(v cty.Value) string {
	switch {
	case v == cty.NilVal:
		return "nothing"
	case v.IsNull():
		return "null"
	case !v.IsKnown():
		return "(unknown)"
	case v.Type() == cty.String:
		return fmt.Sprintf("%q", v.AsString())
	case v.Type() == cty.Number:
		return v.AsBigFloat().Text('f', -1)
	case v.Type() == cty.Bool:
		return fmt.Sprint(v.True())
	}
	return v.Type().FriendlyName()
}
