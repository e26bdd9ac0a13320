package check

import (
	"fmt"
	"maps"
	"slices"

	"github.com/eipassoc/eipassoc/internal/tffuncs"

	"github.com/zclconf/go-cty/cty"
)

// blockKeys is what a block's count or for_each evaluates to, checked against the
// plan's instance keys once: each instance's count object (count.index) by index, or its
// each object (each.key and each.value) by key, made once for all the expressions of
// the instance.
type blockKeys struct {
	count []cty.Value
	each  map[string]cty.Value
	err   error
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
		if bk.count != nil {
			if key.kind != intKey || key.i < 0 || key.i >= len(bk.count) {
				return sc, fmt.Errorf("%s has a count, and the plan has instance %s", what, key)
			}
			sc.count = &bk.count[key.i]
			return sc, nil
		}
		v, ok := bk.each[key.s]
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
		count, err := tffuncs.Count(n)
		if err != nil || count != len(keys) {
			bk.err = fmt.Errorf("the count of %s is %s, and the plan has %d instances", what, show(n), len(keys))
			break
		}
		bk.count = make([]cty.Value, count)
		for i := range bk.count {
			bk.count[i] = cty.ObjectVal(map[string]cty.Value{"index": cty.NumberIntVal(int64(i))})
		}
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
		bk.each = make(map[string]cty.Value, len(values))
		for k, v := range values {
			bk.each[k] = cty.ObjectVal(map[string]cty.Value{"key": cty.StringVal(k), "value": v})
		}
	}
	e.blocks[memo] = bk
	e.own(memo)
	return bk
}
