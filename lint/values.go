package lint

import (
	"encoding/json"
	"errors"
	"strconv"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

var errNotNumber = errors.New("not a whole number")

// value evaluates an attribute of a resource instance as tflint does, and returns it
// as the plan's JSON would hold it: nil for null. known is false when the value is
// known only after apply (it reads another resource's computed attribute, say).
//
// tflint binds the value of an expression that reads count or each to the instance;
// an expression without variables is evaluated here; a plain reference to a resource
// is unknown until apply; anything else is asked of tflint, which knows the
// variables, the locals and Terraform's functions.
func value(runner tflint.Runner, expr hcl.Expression, key instanceKey) (any, bool) {
	var v cty.Value
	switch e := expr.(type) {
	case *hclext.BoundExpr:
		v = e.Val
	default:
		if resourceReference(expr) {
			return nil, false
		}
		var diags hcl.Diagnostics
		if len(expr.Variables()) == 0 {
			v, diags = expr.Value(nil)
		}
		if len(expr.Variables()) > 0 || diags.HasErrors() {
			if err := runner.EvaluateExpr(expr, &v, nil); err != nil {
				return nil, false
			}
		}
	}
	if !v.IsWhollyKnown() {
		return nil, false
	}
	v, _ = v.Unmark()
	if v.IsNull() {
		return nil, true
	}
	data, err := ctyjson.Marshal(v, v.Type())
	if err != nil {
		return nil, false
	}
	var out any
	if json.Unmarshal(data, &out) != nil {
		return nil, false
	}
	return out, true
}

// resourceReference reports whether expr only names an attribute of a managed
// resource, such as alicloud_ecs_network_interface.eni.id: its value comes at apply.
func resourceReference(expr hcl.Expression) bool {
	vars := expr.Variables()
	if len(vars) != 1 {
		return false
	}
	tr, diags := hcl.AbsTraversalForExpr(hcl.UnwrapExpression(expr))
	return !diags.HasErrors() && isResourceType(tr.RootName())
}

// isResourceType reports whether a traversal's root names a managed resource type,
// not a variable, local, module, data source or meta-argument.
func isResourceType(root string) bool {
	switch root {
	case "var", "local", "module", "data", "count", "each", "self", "path", "terraform":
		return false
	}
	return root != ""
}

// references lists what an expression known only after apply refers to, as a plan's
// configuration lists them. An index that reads count or each is worked out for the
// instance, so alicloud_ecs_network_interface.eni[count.index].id of instance 2 refers
// to alicloud_ecs_network_interface.eni[2].id, which is what the plan's reader needs
// to find the ENI; Terraform's own plans drop such an index.
func references(expr hcl.Expression, key instanceKey) []string {
	expr = hcl.UnwrapExpression(expr)
	if tr, ok := concreteTraversal(expr, key); ok {
		return expand(tr)
	}
	var out []string
	for _, tr := range expr.Variables() {
		out = append(out, expand(tr)...)
	}
	return out
}

// concreteTraversal returns the absolute traversal expr makes when every index in it is
// a constant or reads only count and each.
func concreteTraversal(expr hcl.Expression, key instanceKey) (hcl.Traversal, bool) {
	switch e := expr.(type) {
	case *hclsyntax.ScopeTraversalExpr:
		return e.Traversal, true
	case *hclsyntax.RelativeTraversalExpr:
		src, ok := concreteTraversal(e.Source, key)
		if !ok {
			return nil, false
		}
		return append(append(hcl.Traversal{}, src...), e.Traversal...), true
	case *hclsyntax.IndexExpr:
		src, ok := concreteTraversal(e.Collection, key)
		if !ok {
			return nil, false
		}
		k, diags := e.Key.Value(key.evalContext())
		if diags.HasErrors() || !k.IsWhollyKnown() || k.IsNull() {
			return nil, false
		}
		return append(append(hcl.Traversal{}, src...), hcl.TraverseIndex{Key: k}), true
	}
	return nil, false
}

// expand writes a traversal and its prefixes down to the resource, as Terraform's plans
// list references: "a.b[2].id", "a.b[2]", "a.b".
func expand(tr hcl.Traversal) []string {
	var parts []string
	var b []byte
	for i, step := range tr {
		switch s := step.(type) {
		case hcl.TraverseRoot:
			b = append(b, s.Name...)
		case hcl.TraverseAttr:
			b = append(append(b, '.'), s.Name...)
		case hcl.TraverseIndex:
			switch {
			case !s.Key.IsKnown() || s.Key.IsNull():
				return append(parts, string(b))
			case s.Key.Type() == cty.Number:
				b = append(append(append(b, '['), s.Key.AsBigFloat().Text('f', -1)...), ']')
			case s.Key.Type() == cty.String:
				b = append(append(append(b, '['), strconv.Quote(s.Key.AsString())...), ']')
			default:
				return append(parts, string(b))
			}
		default:
			return append(parts, string(b))
		}
		if i >= 1 {
			parts = append(parts, string(b))
		}
	}
	for l, r := 0, len(parts)-1; l < r; l, r = l+1, r-1 {
		parts[l], parts[r] = parts[r], parts[l]
	}
	return parts
}
