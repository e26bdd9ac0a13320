package lint

import (
	"maps"
	"sync"

	"github.com/eipassoc/eipassoc/check/tfplan"
	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/addrs"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// A providerSet is the alicloud provider configurations a module's resources can use,
// with their regions, as a plan's provider_config lists them.
type providerSet struct {
	config map[string]*tfplan.Provider // by key: "alicloud", "alicloud.edge"
	root   bool                        // the module inspected is the root module
	// passed maps a name the module uses ("alicloud", "alicloud.edge") to the root
	// configuration the calling module passes for it, for the root and the modules it
	// calls; nil for a module nested deeper.
	passed map[string]string
}

var providerSchema = &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "region"}, {Name: "alias"}}}

var moduleCallSchema = &hclext.BodySchema{Blocks: []hclext.BlockSchema{{Type: "module", LabelNames: []string{"name"},
	Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "providers"}}}}}}

// A rootProviders is what the root module says of providers: the alicloud
// configurations with their regions, and the providers map of each module call.
type rootProviders struct {
	config map[string]*tfplan.Provider
	calls  map[string]map[string]string // by module call name
}

// A rootCache keeps the root module's providers for the plugin's life. tflint starts
// the plugin anew for each root module it inspects (cmd/inspect.go launches the plugins
// in inspectModule, --recursive included) and asks it to check the root and every
// module instance it calls; each would otherwise evaluate the root's provider blocks
// again, and the SDK fetches and parses the root's file for every evaluation, so a
// module called for 2,000 keys would parse the root module 2,000 times.
//
// It also keeps each module's resources as written, by module path: every instance of
// module.edge (edge["a"], edge["b"], ...) has the same source, and tflint evaluates
// each instance's expressions from the same text, so one request serves them all.
type rootCache struct {
	mu      sync.Mutex
	root    *rootProviders
	written map[string]*hclext.BodyContent // by module path, "" for the root
}

// module returns the resources of the module at path as written, read the first time
// through runner.
func (c *rootCache) module(runner tflint.Runner, path string) (*hclext.BodyContent, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if content, ok := c.written[path]; ok {
		return content, nil
	}
	content, err := runner.GetModuleContent(
		moduleSchema,
		&tflint.GetModuleContentOption{ExpandMode: tflint.ExpandModeNone},
	)
	if err != nil {
		return nil, err
	}
	if c.written == nil {
		c.written = map[string]*hclext.BodyContent{}
	}
	c.written[path] = content
	return content, nil
}

// get returns the root's providers, read the first time through runner.
func (c *rootCache) get(runner tflint.Runner) (*rootProviders, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.root != nil {
		return c.root, nil
	}
	root, err := readRootProviders(runner)
	if err != nil {
		return nil, err
	}
	c.root = root
	return root, nil
}

// readRootProviders reads the root module's alicloud provider blocks (a region is set
// there, from a variable or a literal) and the providers maps of its module calls. A
// region that cannot be evaluated is left out: the rules that need it are then
// undecided.
func readRootProviders(runner tflint.Runner) (*rootProviders, error) {
	root := &tflint.GetModuleContentOption{ModuleCtx: tflint.RootModuleCtxType}
	inRoot := &tflint.EvaluateExprOption{ModuleCtx: tflint.RootModuleCtxType}
	content, err := runner.GetProviderContent("alicloud", providerSchema, root)
	if err != nil {
		return nil, err
	}
	rp := &rootProviders{config: map[string]*tfplan.Provider{}, calls: map[string]map[string]string{}}
	for _, b := range content.Blocks {
		key := "alicloud"
		if a := b.Body.Attributes["alias"]; a != nil {
			var alias string
			if err := runner.EvaluateExpr(a.Expr, &alias, inRoot); err != nil {
				continue
			}
			key += "." + alias
		}
		pc := &tfplan.Provider{}
		if a := b.Body.Attributes["region"]; a != nil {
			var region cty.Value
			if err := runner.EvaluateExpr(a.Expr, &region, inRoot); err == nil && region.IsWhollyKnown() &&
				!region.IsNull() &&
				region.Type() == cty.String {
				pc.Region = &tfplan.Expression{Constant: region.AsString(), IsConst: true}
			}
		}
		rp.config[key] = pc
	}
	calls, err := runner.GetModuleContent(moduleCallSchema, root)
	if err != nil {
		return nil, err
	}
	for _, call := range calls.Blocks {
		if a := call.Body.Attributes["providers"]; a != nil {
			rp.calls[call.Labels[0]] = providersMap(a.Expr)
		}
	}
	return rp, nil
}

// readProviders works out the provider configurations the resources of the module at
// path can use.
func readProviders(runner tflint.Runner, cache *rootCache, path addrs.Module) (*providerSet, error) {
	rp, err := cache.get(runner)
	if err != nil {
		return nil, err
	}
	ps := &providerSet{config: maps.Clone(rp.config), passed: map[string]string{}}
	switch ps.root = path.IsRoot(); {
	case ps.root:
	case len(path) == 1:
		if m := rp.calls[path[0]]; m != nil {
			ps.passed = m
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
	if ps.uniform() || ps.passed == nil {
		return ps.shared()
	}
	if to, ok := ps.passed[name]; ok {
		return to
	}
	return name
}

// uniform reports whether every configuration is in the same known region, so that a
// resource's region does not depend on which configuration it uses.
func (ps *providerSet) uniform() bool {
	var region any
	for key, pc := range ps.config {
		e := pc.Region
		switch {
		case key == sharedKey:
		case e == nil:
			return false
		case region == nil:
			region = e.Constant
		case region != e.Constant:
			return false
		}
	}
	return region != nil
}

// sharedKey names the configuration that stands for every configuration (see shared).
const sharedKey = "alicloud.eipassoc-shared"

// shared returns a key whose region is the one every configuration has, adding it to
// the set; with configurations in several regions the key has no region.
func (ps *providerSet) shared() string {
	if _, ok := ps.config[sharedKey]; ok {
		return sharedKey
	}
	pc := &tfplan.Provider{}
	if ps.uniform() {
		for _, other := range ps.config {
			pc.Region = other.Region
			break
		}
	}
	ps.config[sharedKey] = pc
	return sharedKey
}
