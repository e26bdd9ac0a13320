package lint

import (
	"maps"
	"slices"
	"strconv"

	"github.com/eipassoc/eipassoc/check"
	"github.com/eipassoc/eipassoc/check/tfplan"
	"github.com/eipassoc/eipassoc/internal/tffuncs"
	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// A modulePlan is one module's resources, written as the plan Terraform would show
// for an empty state, and where each resource instance is in the configuration.
type modulePlan struct {
	plan      *tfplan.Plan
	places    map[string]*place // by resource instance address
	first     hcl.Range         // the first resource block read
	providers *providerSet      // says whether the module is the root one
	runner    tflint.Runner
	locals    map[string]*hclext.Attribute // read when an issue is placed in a called module
	undecided []issue                      // resources that cannot be expanded from the configuration
}

// A place is where a resource instance is written: its block and its attributes.
type place struct {
	block hcl.Range
	attrs map[string]*hclext.Attribute
}

// readAttributes are the attributes the checker reads of each resource type, asked of
// check once (ReadAttributes makes a copy each call), and resourceTypes those types, by
// name.
var (
	readAttributes = check.ReadAttributes()
	resourceTypes  = slices.Sorted(maps.Keys(readAttributes))
)

// readModule reads the resources of the module runner inspects. It asks tflint for
// each module as written once (see rootCache), expands count and for_each itself, and
// asks tflint for each variable and local the resources read once: in a module called
// for each of thousands of keys, every request to tflint is repeated thousands of
// times.
func readModule(runner tflint.Runner, cache *rootCache) (*modulePlan, error) {
	p := &modulePlan{places: map[string]*place{}, runner: runner, plan: &tfplan.Plan{FormatVersion: "1.2",
		Changes: []*tfplan.Change{}, Config: &tfplan.Config{Root: &tfplan.Module{
			Resources: map[string]*tfplan.Resource{}, Calls: map[string]*tfplan.Call{},
			Outputs: map[string]*tfplan.Expression{}}}}}
	path, err := runner.GetModulePath()
	if err != nil {
		return nil, err
	}
	written, err := cache.module(runner, path.String())
	if err != nil {
		return nil, err
	}
	byType := map[string][]*hclext.Block{}
	for _, b := range written.Blocks.OfType("resource") {
		if slices.Contains(resourceTypes, b.Labels[0]) {
			byType[b.Labels[0]] = append(byType[b.Labels[0]], b)
		}
	}
	if len(byType) == 0 {
		return p, nil // no resource the rules read
	}
	providers, err := readProviders(runner, cache, path)
	if err != nil {
		return nil, err
	}
	p.plan.Config.Providers = providers.config
	p.providers = providers
	ev := newEvaluator(runner)
	ev.resources = map[string]*hclext.Block{}
	for typ, blocks := range byType {
		for _, b := range blocks {
			ev.resources[typ+"."+b.Labels[1]] = b
		}
	}
	for _, typ := range resourceTypes {
		for _, b := range byType[typ] {
			p.readResource(ev, b, readAttributes[typ], providers)
		}
	}
	return p, nil
}

// moduleSchema reads the resources as written: their meta-arguments, every attribute
// the plan reader reads of any type, the network_interfaces blocks of an instance, and
// whether a dynamic block stands in for them.
var moduleSchema = func() *hclext.BodySchema {
	attrs := []string{"count", "depends_on", "for_each", "provider"}
	for _, list := range readAttributes {
		for _, a := range list {
			if !slices.Contains(attrs, a.Name) {
				attrs = append(attrs, a.Name)
			}
		}
	}
	slices.Sort(attrs)
	body := schemaFor(attrs)
	body.Blocks = append(
		body.Blocks,
		hclext.BlockSchema{Type: "dynamic", LabelNames: []string{"type"}, Body: &hclext.BodySchema{}},
	)
	return &hclext.BodySchema{
		Blocks: []hclext.BlockSchema{{Type: "resource", LabelNames: []string{"type", "name"}, Body: body}},
	}
}()

// localsSchema reads the locals, through which a called module's issues are placed.
var localsSchema = &hclext.BodySchema{
	Blocks: []hclext.BlockSchema{{Type: "locals", Body: &hclext.BodySchema{Mode: hclext.SchemaJustAttributesMode}}},
}

// readResource reads one resource block and its instances.
func (p *modulePlan) readResource(ev *evaluator, b *hclext.Block, attrs []check.Attribute, providers *providerSet) {
	typ, name := b.Labels[0], b.Labels[1]
	keys, why := instanceKeys(ev, b)
	for _, d := range b.Body.Blocks.OfType("dynamic") {
		if d.Labels[0] == "network_interfaces" {
			why = "its network_interfaces come from a dynamic block, which this ruleset does not expand"
		}
	}
	if why != "" {
		p.undecided = append(p.undecided, issue{code: check.CodeUnknown, rng: b.DefRange,
			message: "cannot tell which instances " + typ + "." + name + " has: " + why + "; every rule on them is " +
				"undecided"})
		return
	}
	cfg := &tfplan.Resource{Type: typ, Name: name, ProviderKey: providers.keyFor(b.Body.Attributes["provider"]),
		Exprs: map[string]*tfplan.Expression{}, DependsOn: dependsOn(b.Body.Attributes["depends_on"])}
	for i, key := range keys {
		rc, exprs := p.readInstance(ev, typ, name, key, b, attrs)
		p.plan.Changes = append(p.plan.Changes, rc)
		for attr, e := range exprs {
			cfg.Exprs[attr] = merge(cfg.Exprs[attr], e, i == 0)
		}
	}
	p.plan.Config.Root.Resources[typ+"."+name] = cfg
}

// dependsOn reads depends_on as a plan's configuration lists it: "type.name" or
// "module.name" for each entry.
func dependsOn(attr *hclext.Attribute) []string {
	if attr == nil {
		return nil
	}
	list, diags := hcl.ExprList(attr.Expr)
	if diags.HasErrors() {
		return nil
	}
	var out []string
	for _, e := range list {
		if t, diags := hcl.AbsTraversalForExpr(e); !diags.HasErrors() && len(t) >= 2 {
			if a, ok := t[1].(hcl.TraverseAttr); ok {
				out = append(out, t.RootName()+"."+a.Name)
			}
		}
	}
	return out
}

// merge combines what two instances of a block say of an attribute into the one
// expression a plan's configuration holds for the block. Where they differ, it keeps
// the references both make, so that the plan's reader cannot take one instance's
// reference for another's.
func merge(prev, e *tfplan.Expression, first bool) *tfplan.Expression {
	switch {
	case first:
		return e
	case prev == nil || e == nil:
		return &tfplan.Expression{}
	case slices.Equal(prev.Refs, e.Refs) && !prev.IsConst && !e.IsConst:
		return prev
	}
	var common []string
	for _, r := range e.Refs {
		if slices.Contains(prev.Refs, r) {
			common = append(common, r)
		}
	}
	return &tfplan.Expression{Refs: common}
}

// schemaFor asks for the attributes of attrs (the network_interfaces block included).
func schemaFor(attrs []string) *hclext.BodySchema {
	s := &hclext.BodySchema{}
	for _, a := range attrs {
		switch a {
		case "id":
		case "network_interfaces":
			s.Blocks = append(s.Blocks, hclext.BlockSchema{Type: a,
				Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "network_interface_id"}}}})
		default:
			s.Attributes = append(s.Attributes, hclext.AttributeSchema{Name: a})
		}
	}
	return s
}

// readInstance writes one resource instance: its values as the plan's "after", the
// ones that only apply knows in "after_unknown", and, for the configuration, each
// attribute as a constant or as the references it makes.
func (p *modulePlan) readInstance(
	ev *evaluator,
	typ, name string,
	key instanceKey,
	blk *hclext.Block,
	attrs []check.Attribute,
) (*tfplan.Change, map[string]*tfplan.Expression) {
	addr := typ + "." + name + key.String()
	if len(p.places) == 0 {
		p.first = blk.DefRange
	}
	p.places[addr] = &place{block: blk.DefRange, attrs: blk.Body.Attributes}
	rc := &tfplan.Change{Address: addr, Type: typ, Name: name, Actions: createActions,
		After: tfplan.Attrs{{Name: "id", Value: addr}}}
	exprs := map[string]*tfplan.Expression{}
	for _, at := range attrs {
		a := at.Name
		if a == "network_interfaces" {
			var nics []any
			for _, nb := range blk.Body.Blocks.OfType(a) {
				v := map[string]any{}
				if attr := nb.Body.Attributes["network_interface_id"]; attr != nil {
					if val, known := value(ev, attr.Expr, key); known && val != nil {
						v["network_interface_id"] = val
					}
				}
				nics = append(nics, v)
			}
			if nics != nil {
				rc.After.Set(a, nics)
			}
			continue
		}
		attr := blk.Body.Attributes[a]
		if attr == nil {
			if at.Computed {
				rc.Unknown.Set(a, true) // optional and computed: the provider's default, not configured
			}
			continue
		}
		val, known := value(ev, attr.Expr, key)
		switch {
		case !known:
			rc.Unknown.Set(a, true)
			exprs[a] = &tfplan.Expression{Refs: references(ev, attr.Expr, key)}
		case val != nil:
			rc.After.Set(a, val)
			exprs[a] = &tfplan.Expression{Constant: val, IsConst: true}
		}
	}
	return rc, exprs
}

// createActions are the actions of every change: the plan is one for an empty state.
// Changes share the slice, which nothing modifies.
var createActions = []string{"create"}

// An instanceKey is the count index or for_each key of a resource instance, with the
// each.value it is expanded with; the zero key is a resource without either.
type instanceKey struct {
	index cty.Value // a number for count, a string for for_each; cty.NilVal for neither
	value cty.Value // each.value
}

// String returns the key as an address suffix: "", "[2]" or `["a"]`.
func (k instanceKey) String() string {
	switch {
	case k.index == cty.NilVal:
		return ""
	case k.index.Type() == cty.Number:
		return "[" + k.index.AsBigFloat().Text('f', -1) + "]"
	}
	return "[" + strconv.Quote(k.index.AsString()) + "]"
}

// evalContext binds count.index or each.key and each.value for the instance.
func (k instanceKey) evalContext() *hcl.EvalContext {
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{}}
	switch {
	case k.index == cty.NilVal:
	case k.index.Type() == cty.Number:
		ctx.Variables["count"] = cty.ObjectVal(map[string]cty.Value{"index": k.index})
	default:
		ctx.Variables["each"] = cty.ObjectVal(map[string]cty.Value{"key": k.index, "value": k.value})
	}
	return ctx
}

// instanceKeys works out the instances of a resource block from its count or
// for_each, in the order Terraform and tflint expand them (for_each by key); why says
// why it cannot.
func instanceKeys(ev *evaluator, b *hclext.Block) ([]instanceKey, string) {
	if attr := b.Body.Attributes["count"]; attr != nil {
		v, ok := ev.eval(attr.Expr, instanceKey{})
		if !ok || !v.IsWhollyKnown() || v.IsNull() {
			return nil, "its count is known only after apply"
		}
		n, err := tffuncs.Count(v)
		if err != nil {
			return nil, "its count is not a whole number"
		}
		keys := make([]instanceKey, n)
		for i := range keys {
			keys[i] = instanceKey{index: cty.NumberIntVal(int64(i))}
		}
		return keys, ""
	}
	if attr := b.Body.Attributes["for_each"]; attr != nil {
		v, ok := ev.eval(attr.Expr, instanceKey{})
		if !ok || !v.IsWhollyKnown() || v.IsNull() {
			return nil, "its for_each is known only after apply"
		}
		if !v.CanIterateElements() {
			return nil, "its for_each is not a map or a set"
		}
		var keys []instanceKey
		for it := v.ElementIterator(); it.Next(); {
			k, ev := it.Element()
			if v.Type().IsSetType() {
				k = ev
			}
			if k.Type() != cty.String {
				return nil, "its for_each keys are not strings"
			}
			keys = append(keys, instanceKey{index: k, value: ev})
		}
		return keys, ""
	}
	return []instanceKey{{}}, ""
}

// rangeFor places a finding on a resource instance: on the attribute its rules are
// about (the association's target, the attachment's ENI), on the block when the
// attribute is not set. In a called module, tflint reports an issue only at an
// expression that reads one of the module's variables (it then reports it at the
// caller's argument), so there the range is the first expression, the attribute's or
// that of a local it reads, that does.
func (p *modulePlan) rangeFor(address, resourceType string) hcl.Range {
	pl := p.places[address]
	if pl == nil { // not a resource of this module: cannot happen, as every address is one
		return p.first
	}
	prefer := []string{"instance_id", "mode", "allocation_id", "instance_type", "private_ip_address"}
	switch resourceType {
	case check.TypeAttach, check.TypeAttachAlias:
		prefer = []string{"network_interface_id", "instance_id"}
	case check.TypeInstance:
		prefer = []string{"instance_type"}
	case check.TypeENI, check.TypeENIAlias:
		prefer = []string{
			"secondary_private_ip_address_count",
			"private_ip_addresses",
			"private_ips",
			"private_ips_count",
		}
	}
	if !p.providers.root {
		if p.locals == nil {
			p.locals = readLocals(p.runner)
		}
		for _, name := range prefer {
			if a := pl.attrs[name]; a != nil {
				if r, ok := p.inputRange(a.Expr, 0); ok {
					return r
				}
			}
		}
	}
	for _, name := range prefer {
		if a := pl.attrs[name]; a != nil {
			return a.Expr.Range()
		}
	}
	return pl.block
}

// readLocals reads the module's locals by name; a module tflint cannot read has none.
func readLocals(runner tflint.Runner) map[string]*hclext.Attribute {
	out := map[string]*hclext.Attribute{}
	content, err := runner.GetModuleContent(
		localsSchema,
		&tflint.GetModuleContentOption{ExpandMode: tflint.ExpandModeNone},
	)
	if err != nil {
		return out
	}
	for _, b := range content.Blocks {
		maps.Copy(out, b.Body.Attributes)
	}
	return out
}

// inputRange returns the range of expr if it reads a variable, or else of the first
// local it reads, followed to a depth of 8, that does.
func (p *modulePlan) inputRange(expr hcl.Expression, depth int) (hcl.Range, bool) {
	vars := expr.Variables()
	if slices.ContainsFunc(vars, func(t hcl.Traversal) bool { return t.RootName() == "var" }) {
		return expr.Range(), true
	}
	if depth >= 8 {
		return hcl.Range{}, false
	}
	for _, t := range vars {
		if t.RootName() != "local" || len(t) < 2 {
			continue
		}
		if name, ok := t[1].(hcl.TraverseAttr); ok && p.locals[name.Name] != nil {
			if r, ok := p.inputRange(p.locals[name.Name].Expr, depth+1); ok {
				return r, true
			}
		}
	}
	return hcl.Range{}, false
}
