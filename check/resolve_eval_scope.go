package check

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/eipassoc/eipassoc/check/tfplan"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint/terraform"
	"github.com/zclconf/go-cty/cty"
)

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
		raw, ok := e.plan.VariableJSON(name)
		if !ok {
			return cty.NilVal, fmt.Errorf("var.%s has no value in the plan", name)
		}
		v, err := ctyFromJSON(raw)
		if err != nil {
			return cty.NilVal, fmt.Errorf("var.%s has no value in the plan that this reads: %v", name, err)
		}
		return v, nil
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
	e.own(k)
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
