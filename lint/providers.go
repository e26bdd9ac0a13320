package lint

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// A providerSet is the alicloud provider configurations a module's resources can use,
// with their regions, as a plan's provider_config lists them.
type providerSet struct {
	config map[string]providerConfig // by key: "alicloud", "alicloud.edge"
	// passed maps a name the module uses ("alicloud", "alicloud.edge") to the root
	// configuration the calling module passes for it, for a module called from the root.
	passed map[string]string
	root   bool // the module inspected is the root module
}

var providerSchema = &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "region"}, {Name: "alias"}}}

var moduleCallSchema = &hclext.BodySchema{Blocks: []hclext.BlockSchema{{Type: "module", LabelNames: []string{"name"},
	Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "providers"}}}}}}

// readProviders reads the root module's alicloud provider blocks (a region is set
// there, from a variable or a literal) and, for a module the root calls, the providers
// map of that call. A region that cannot be evaluated is left out: the rules that need
// it are then undecided.
func readProviders(runner tflint.Runner) (*providerSet, error) {
	root := &tflint.GetModuleContentOption{ModuleCtx: tflint.RootModuleCtxType}
	inRoot := &tflint.EvaluateExprOption{ModuleCtx: tflint.RootModuleCtxType}
	content, err := runner.GetProviderContent("alicloud", providerSchema, root)
	if err != nil {
		return nil, err
	}
	ps := &providerSet{config: map[string]providerConfig{}, passed: map[string]string{}}
	for _, b := range content.Blocks {
		key := "alicloud"
		if a := b.Body.Attributes["alias"]; a != nil {
			var alias string
			if err := runner.EvaluateExpr(a.Expr, &alias, inRoot); err != nil {
				continue
			}
			key += "." + alias
		}
		pc := providerConfig{Name: "alicloud", Expressions: map[string]*expression{}}
		if a := b.Body.Attributes["region"]; a != nil {
			var region cty.Value
			if err := runner.EvaluateExpr(a.Expr, &region, inRoot); err == nil && region.IsWhollyKnown() && !region.IsNull() && region.Type() == cty.String {
				pc.Expressions["region"] = &expression{ConstantValue: region.AsString()}
			}
		}
		ps.config[key] = pc
	}
	path, err := runner.GetModulePath()
	if err != nil {
		return nil, err
	}
	switch ps.root = path.IsRoot(); {
	case ps.root:
	case len(path) == 1:
		calls, err := runner.GetModuleContent(moduleCallSchema, root)
		if err != nil {
			return nil, err
		}
		for _, call := range calls.Blocks {
			if call.Labels[0] == path[0] && call.Body.Attributes["providers"] != nil {
				ps.passed = providersMap(call.Body.Attributes["providers"].Expr)
			}
		}
	default:
		ps.passed = nil // nested deeper than tflint lets a plugin see: only a region all configurations share is known
	}
	return ps, nil
}

// providersMap reads a module call's providers = { alicloud = alicloud.edge } into
// "alicloud" -> "alicloud.edge".
func providersMap(expr hcl.Expression) map[string]string {
	pairs, diags := hcl.ExprMap(expr)
	if diags.HasErrors() {
		return nil
	}
	out := map[string]string{}
	for _, kv := range pairs {
		k, kd := hcl.AbsTraversalForExpr(kv.Key)
		v, vd := hcl.AbsTraversalForExpr(kv.Value)
		if kd.HasErrors() || vd.HasErrors() {
			continue
		}
		out[traversalName(k)] = traversalName(v)
	}
	return out
}

// traversalName writes alicloud or alicloud.edge.
func traversalName(t hcl.Traversal) string {
	name := t.RootName()
	if len(t) > 1 {
		if a, ok := t[1].(hcl.TraverseAttr); ok {
			name += "." + a.Name
		}
	}
	return name
}

// keyFor returns the provider configuration a resource uses: its provider argument or
// the default, through the calling module's providers map. A module nested deeper than
// the root's calls gets a key of its own, which has a region only when every
// configuration has the same one.
func (ps *providerSet) keyFor(attr *hclext.Attribute) string {
	name := "alicloud"
	if attr != nil {
		if t, diags := hcl.AbsTraversalForExpr(attr.Expr); !diags.HasErrors() {
			name = traversalName(t)
		}
	}
	if ps.passed == nil {
		return ps.shared()
	}
	if to, ok := ps.passed[name]; ok {
		return to
	}
	return name
}

// shared returns a key whose region is the one every configuration has, adding it to
// the set; with configurations in several regions the key has no region.
func (ps *providerSet) shared() string {
	const key = "alicloud.eipassoc-shared"
	if _, ok := ps.config[key]; ok {
		return key
	}
	var region any
	same := true
	for _, pc := range ps.config {
		e := pc.Expressions["region"]
		switch {
		case e == nil:
			same = false
		case region == nil:
			region = e.ConstantValue
		case region != e.ConstantValue:
			same = false
		}
	}
	pc := providerConfig{Name: "alicloud", Expressions: map[string]*expression{}}
	if same && region != nil {
		pc.Expressions["region"] = &expression{ConstantValue: region}
	}
	ps.config[key] = pc
	return key
}
