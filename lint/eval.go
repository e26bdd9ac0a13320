package lint

import (
	"github.com/eipassoc/eipassoc/internal/tffuncs"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
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
			ctx.Variables[root] = cty.DynamicVal
		}
	}
	for root, vals := range scopes {
		ctx.Variables[root] = cty.ObjectVal(vals)
	}
	return ctx
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
