package lint

import (
	"math"
	"strconv"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// value evaluates an attribute of a resource instance and returns it as the plan's JSON
// would hold it: nil for null. known is false when the value is known only after apply
// (it reads another resource's computed attribute, say) or cannot be evaluated. A
// reference to the ID of a resource instance of the module is that instance's address
// (see resourceID).
func value(ev *evaluator, expr hcl.Expression, key instanceKey) (any, bool) {
	if addr, ok := resourceID(ev, expr, key); ok {
		return addr, true
	}
	v, ok := ev.eval(expr, key)
	if !ok || !v.IsWhollyKnown() {
		return nil, false
	}
	v, _ = v.UnmarkDeep()
	return plain(v)
}

// plain converts a wholly known value to what a plan's JSON holds, as encoding/json
// decodes it into an any: nil for null, a string, a float64, a bool, []any for lists,
// sets and tuples, map[string]any for maps and objects. ok is false for a value JSON
// cannot hold (a capsule).
func plain(v cty.Value) (any, bool) {
	ty := v.Type()
	switch {
	case v.IsNull():
		return nil, true
	case ty == cty.String:
		return v.AsString(), true
	case ty == cty.Number: // as go-cty writes a number in JSON, and encoding/json reads it
		f, err := strconv.ParseFloat(v.AsBigFloat().Text('f', -1), 64)
		return f, err == nil && !math.IsInf(f, 0) // JSON has no infinity
	case ty == cty.Bool:
		return v.True(), true
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType():
		out := make([]any, 0, v.LengthInt())
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			x, ok := plain(e)
			if !ok {
				return nil, false
			}
			out = append(out, x)
		}
		return out, true
	case ty.IsMapType() || ty.IsObjectType():
		out := make(map[string]any, v.LengthInt())
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			x, ok := plain(e)
			if !ok {
				return nil, false
			}
			out[k.AsString()] = x
		}
		return out, true
	}
	return nil, false
}

// resourceID recognises the ID of a resource instance of this module, as in
// alicloud_ecs_network_interface.eni[count.index].id, and returns the instance's
// address, which stands for the ID that only apply knows: the module's plan gives every
// resource instance its address as its ID, so that the plan's reader finds exactly the
// instance referred to, whatever the instance that refers to it.
func resourceID(ev *evaluator, expr hcl.Expression, key instanceKey) (string, bool) {
	tr, ok := concreteTraversal(ev, hcl.UnwrapExpression(expr), key)
	if !ok || !isResourceType(tr.RootName()) || len(tr) < 3 {
		return "", false
	}
	if last, ok := tr[len(tr)-1].(hcl.TraverseAttr); !ok || last.Name != "id" {
		return "", false
	}
	switch len(tr) {
	case 3:
	case 4:
		if _, ok := tr[2].(hcl.TraverseIndex); !ok {
			return "", false
		}
	default:
		return "", false
	}
	refs := expand(tr[:len(tr)-1])
	if len(refs) == 0 {
		return "", false
	}
	return refs[0], true
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
func references(ev *evaluator, expr hcl.Expression, key instanceKey) []string {
	expr = hcl.UnwrapExpression(expr)
	if tr, ok := concreteTraversal(ev, expr, key); ok {
		return expand(tr)
	}
	var out []string
	for _, tr := range expr.Variables() {
		out = append(out, expand(tr)...)
	}
	return out
}

// concreteTraversal returns the absolute traversal expr makes when every index in it can
// be evaluated, as in x[local.targets[count.index]].
func concreteTraversal(ev *evaluator, expr hcl.Expression, key instanceKey) (hcl.Traversal, bool) {
	switch e := expr.(type) {
	case *hclsyntax.ScopeTraversalExpr:
		return e.Traversal, true
	case *hclsyntax.RelativeTraversalExpr:
		src, ok := concreteTraversal(ev, e.Source, key)
		if !ok {
			return nil, false
		}
		return append(append(hcl.Traversal{}, src...), e.Traversal...), true
	case *hclsyntax.IndexExpr:
		src, ok := concreteTraversal(ev, e.Collection, key)
		if !ok {
			return nil, false
		}
		k, ok := ev.eval(e.Key, key)
		if !ok || !k.IsWhollyKnown() || k.IsNull() {
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
