package lint

import (
	"github.com/eipassoc/eipassoc/internal/tffuncs"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// An evaluator evaluates the expressions of one module for its resource instances, as
// Terraform would: count and each from the instance, each variable and local the
// expressions read asked of tflint once for the module, and Terraform's functions
// (package tffuncs). Asking tflint for each expression instead
// would cost a round trip in which the SDK fetches and parses the expression's whole
// file; in a module called for thousands of keys that is most of the time.
type evaluator struct {
	runner tflint.Runner
	values map[string]cty.Value // "var.name" or "local.name"; cty.DynamicVal where tflint cannot tell
	// resources are the module's resource blocks by "type.name": a reference to a
	// configured argument of one without count or for_each is that argument's value,
	// as in Terraform's plan (cidrhost(alicloud_vswitch.x.cidr_block, 10)).
	resources  map[string]*hclext.Block
	configVals map[string]cty.Value // configured's answers by "type.name.attr"; cty.NilVal for none
	depth      int                  // of arguments evaluated through references, against cycles
}

func newEvaluator(runner tflint.Runner) *evaluator {
	return &evaluator{runner: runner, values: map[string]cty.Value{}}
}

// eval evaluates expr for the instance key. ok is false when the expression is in
// error (it reads count without a count, say); an unknown value is a value.
func (e *evaluator) eval(expr hcl.Expression, key instanceKey) (v cty.Value, ok bool) {
	v, diags := expr.Value(e.context(expr, key))
	return v, !diags.HasErrors()
}

// context binds what expr reads: count and each for the instance, the variables and
// locals from tflint, and, as unknown, whatever only apply knows (resources, data
// sources, module outputs) or that a plan does not evaluate here (path, terraform).
func (e *evaluator) context(expr hcl.Expression, key instanceKey) *hcl.EvalContext {
	ctx := key.evalContext()
	ctx.Functions = tffuncs.Table(".")
	scopes := map[string]map[string]cty.Value{}
	resources := map[string][]hcl.Traversal{}
	for _, t := range expr.Variables() {
		root := t.RootName()
		switch root {
		case "count", "each":
			continue
		case "var", "local":
			attr, ok := t[1].(hcl.TraverseAttr)
			if len(t) < 2 || !ok {
				continue
			}
			if scopes[root] == nil {
				scopes[root] = map[string]cty.Value{}
			}
			scopes[root][attr.Name] = e.fetch(t, root, attr.Name)
		default:
			resources[root] = append(resources[root], t)
		}
	}
	for root, vals := range scopes {
		ctx.Variables[root] = cty.ObjectVal(vals)
	}
	for root, refs := range resources {
		ctx.Variables[root] = e.resourceScope(refs)
	}
	return ctx
}

// resourceScope binds the references an expression makes to one resource type: their
// configured arguments (configured) when every reference is to one, and otherwise the
// whole type as unknown, so that an argument known only after apply never makes the
// expression an error.
func (e *evaluator) resourceScope(refs []hcl.Traversal) cty.Value {
	names := map[string]map[string]cty.Value{}
	for _, t := range refs {
		v, ok := e.configured(t)
		if !ok {
			return cty.DynamicVal
		}
		name, attr := t[1].(hcl.TraverseAttr).Name, t[2].(hcl.TraverseAttr).Name
		if names[name] == nil {
			names[name] = map[string]cty.Value{}
		}
		names[name][attr] = v
	}
	obj := make(map[string]cty.Value, len(names))
	for name, attrs := range names {
		obj[name] = cty.ObjectVal(attrs)
	}
	return cty.ObjectVal(obj)
}

// configured returns the value of a reference type.name.attr to an argument configured
// on a resource of the module that has no count or for_each, when it evaluates to a
// known value; ok is false otherwise (the value is then known only after apply here).
func (e *evaluator) configured(t hcl.Traversal) (cty.Value, bool) {
	if len(t) < 3 || e.depth > 8 {
		return cty.NilVal, false
	}
	name, ok1 := t[1].(hcl.TraverseAttr)
	attr, ok2 := t[2].(hcl.TraverseAttr)
	b := e.resources[t.RootName()+"."+name.Name]
	if !ok1 || !ok2 || b == nil || b.Body.Attributes["count"] != nil || b.Body.Attributes["for_each"] != nil {
		return cty.NilVal, false
	}
	a := b.Body.Attributes[attr.Name]
	if a == nil {
		return cty.NilVal, false
	}
	k := t.RootName() + "." + name.Name + "." + attr.Name
	if v, ok := e.configVals[k]; ok { // the same for every instance: evaluated once per module
		return v, v != cty.NilVal
	}
	e.depth++
	v, ok := e.eval(a.Expr, instanceKey{})
	e.depth--
	if !ok || !v.IsWhollyKnown() {
		v = cty.NilVal
	}
	if e.configVals == nil {
		e.configVals = map[string]cty.Value{}
	}
	e.configVals[k] = v
	return v, v != cty.NilVal
}

// fetch asks tflint for a variable or local, through the text of the reference t in
// the source, once for the module.
func (e *evaluator) fetch(t hcl.Traversal, root, name string) cty.Value {
	k := root + "." + name
	if v, ok := e.values[k]; ok {
		return v
	}
	ref := &hclsyntax.ScopeTraversalExpr{
		Traversal: t[:2],
		SrcRange:  hcl.RangeBetween(t[0].SourceRange(), t[1].SourceRange()),
	}
	v := cty.DynamicVal
	var got cty.Value
	if err := e.runner.EvaluateExpr(ref, &got, nil); err == nil && got != cty.NilVal {
		v = got
	}
	e.values[k] = v
	return v
}
