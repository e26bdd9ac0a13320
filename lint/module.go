package lint

import (
	"slices"
	"strconv"

	"github.com/eipassoc/eipassoc/check"
	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// A modulePlan is one module's resources, written as the plan Terraform would show
// for an empty state, and where each resource instance is in the configuration.
type modulePlan struct {
	plan      planJSON
	places    map[string]*place // by resource instance address
	first     hcl.Range         // the first resource block read
	root      bool              // the root module, not a called one
	locals    map[string]*hclext.Attribute
	undecided []issue           // resources that cannot be expanded from the configuration
}

// A place is where a resource instance is written: its block and its attributes.
type place struct {
	block hcl.Range
	attrs map[string]*hclext.Attribute
}

// resourceTypes are the types read, in the order package check builds its model.
var resourceTypes = []string{check.TypeVSwitch, check.TypeInstance, check.TypeENI, check.TypeENIAlias, check.TypeEIP,
	check.TypeEIPAlias, check.TypeAttach, check.TypeAttachAlias, check.TypeAssociation}

// readModule reads the resources of the module runner inspects.
func readModule(runner tflint.Runner) (*modulePlan, error) {
	p := &modulePlan{places: map[string]*place{}}
	p.plan.FormatVersion = "1.2"
	providers, err := readProviders(runner)
	if err != nil {
		return nil, err
	}
	p.plan.Configuration.ProviderConfig = providers.config
	if p.root = providers.root; !p.root {
		if p.locals, err = readLocals(runner); err != nil {
			return nil, err
		}
	}
	read := check.ReadAttributes()
	for _, typ := range resourceTypes {
		if err := p.readType(runner, typ, read[typ], providers); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// metaSchema reads the meta-arguments of unexpanded resource blocks.
var metaSchema = &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "count"}, {Name: "for_each"}, {Name: "provider"}}}

// readType reads every resource of type typ: the meta-arguments of each block, then
// its instances as tflint expands them.
func (p *modulePlan) readType(runner tflint.Runner, typ string, attrs []string, providers *providerSet) error {
	blocks, err := runner.GetResourceContent(typ, metaSchema, &tflint.GetModuleContentOption{ExpandMode: tflint.ExpandModeNone})
	if err != nil {
		return err
	}
	if len(blocks.Blocks) == 0 {
		return nil
	}
	expanded, err := runner.GetResourceContent(typ, schemaFor(attrs), nil)
	if err != nil {
		return err
	}
	byName := map[string][]*hclext.Block{}
	for _, b := range expanded.Blocks {
		byName[b.Labels[1]] = append(byName[b.Labels[1]], b)
	}
	for _, b := range blocks.Blocks {
		name := b.Labels[1]
		keys, why := instanceKeys(runner, b)
		if why != "" {
			p.undecided = append(p.undecided, issue{code: check.CodeUnknown, rng: b.DefRange,
				message: "cannot tell which instances " + typ + "." + name + " has: " + why + "; every rule on them is undecided"})
			continue
		}
		insts := byName[name]
		if len(keys) != len(insts) { // tflint expanded differently: number them as it did
			keys = make([]instanceKey, len(insts))
			for i := range keys {
				keys[i] = instanceKey{index: cty.NumberIntVal(int64(i))}
			}
		}
		providerKey := providers.keyFor(b.Body.Attributes["provider"])
		cfg := configResource{Address: typ + "." + name, Mode: "managed", Type: typ, Name: name,
			ProviderConfigKey: providerKey, Expressions: map[string]*expression{}}
		for i, blk := range insts {
			rc, exprs := p.readInstance(runner, typ, name, keys[i], blk, attrs)
			p.plan.ResourceChanges = append(p.plan.ResourceChanges, rc)
			for attr, e := range exprs { // the configuration keeps what one instance says of each attribute
				if prev := cfg.Expressions[attr]; prev == nil || len(e.References) > len(prev.References) {
					cfg.Expressions[attr] = e
				}
			}
		}
		p.plan.Configuration.RootModule.Resources = append(p.plan.Configuration.RootModule.Resources, cfg)
	}
	return nil
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
func (p *modulePlan) readInstance(runner tflint.Runner, typ, name string, key instanceKey, blk *hclext.Block, attrs []string) (resourceChange, map[string]*expression) {
	addr := typ + "." + name + key.String()
	if len(p.places) == 0 {
		p.first = blk.DefRange
	}
	p.places[addr] = &place{block: blk.DefRange, attrs: blk.Body.Attributes}
	rc := resourceChange{Address: addr, Mode: "managed", Type: typ, Name: name, Index: key.json(),
		Change: change{Actions: []string{"create"}, After: map[string]any{}, AfterUnknown: map[string]any{"id": true}}}
	exprs := map[string]*expression{}
	for _, a := range attrs {
		if a == "network_interfaces" {
			var nics []any
			for _, nb := range blk.Body.Blocks.OfType(a) {
				v := map[string]any{}
				if attr := nb.Body.Attributes["network_interface_id"]; attr != nil {
					if val, known := value(runner, attr.Expr, key); known && val != nil {
						v["network_interface_id"] = val
					}
				}
				nics = append(nics, v)
			}
			if nics != nil {
				rc.Change.After[a] = nics
			}
			continue
		}
		attr := blk.Body.Attributes[a]
		if attr == nil {
			if a != "id" && defaultUnknown(typ, a) {
				rc.Change.AfterUnknown[a] = true // optional and computed: the provider's default, not configured
			}
			continue
		}
		val, known := value(runner, attr.Expr, key)
		switch {
		case !known:
			rc.Change.AfterUnknown[a] = true
			exprs[a] = &expression{References: references(attr.Expr, key)}
		case val != nil:
			rc.Change.After[a] = val
			exprs[a] = &expression{ConstantValue: val}
		}
	}
	return rc, exprs
}

// defaultUnknown reports whether an attribute left out of the configuration is one the
// provider computes, so that a plan shows it unknown: the ENI's addresses and counts,
// the association's instance_type and mode. check reads an unknown attribute that the
// configuration does not set as "the provider's default".
func defaultUnknown(typ, attr string) bool {
	switch attr {
	case "primary_ip_address", "private_ip", "private_ip_addresses", "private_ips", "secondary_private_ip_address_count", "private_ips_count":
		return typ == check.TypeENI || typ == check.TypeENIAlias
	case "instance_type", "mode", "private_ip_address":
		return typ == check.TypeAssociation
	}
	return false
}

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

// json returns the key as a plan's "index".
func (k instanceKey) json() any {
	switch {
	case k.index == cty.NilVal:
		return nil
	case k.index.Type() == cty.Number:
		i, _ := k.index.AsBigFloat().Int64()
		return i
	}
	return k.index.AsString()
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
// for_each, in the order tflint expands them; why says why it cannot.
func instanceKeys(runner tflint.Runner, b *hclext.Block) ([]instanceKey, string) {
	if attr := b.Body.Attributes["count"]; attr != nil {
		var v cty.Value
		if err := runner.EvaluateExpr(attr.Expr, &v, nil); err != nil || !v.IsWhollyKnown() || v.IsNull() {
			return nil, "its count is known only after apply"
		}
		n, err := convertInt(v)
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
		var v cty.Value
		if err := runner.EvaluateExpr(attr.Expr, &v, nil); err != nil || !v.IsWhollyKnown() || v.IsNull() {
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

func convertInt(v cty.Value) (int, error) {
	if v.Type() != cty.Number {
		return 0, errNotNumber
	}
	i, acc := v.AsBigFloat().Int64()
	if acc != 0 || i < 0 || i > 1<<20 {
		return 0, errNotNumber
	}
	return int(i), nil
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
		prefer = []string{"secondary_private_ip_address_count", "private_ip_addresses", "private_ips", "private_ips_count"}
	}
	if !p.root {
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

var localsSchema = &hclext.BodySchema{Blocks: []hclext.BlockSchema{{Type: "locals", Body: &hclext.BodySchema{Mode: hclext.SchemaJustAttributesMode}}}}

// readLocals reads the module's locals, by name, for placing issues in a called module.
func readLocals(runner tflint.Runner) (map[string]*hclext.Attribute, error) {
	content, err := runner.GetModuleContent(localsSchema, &tflint.GetModuleContentOption{ExpandMode: tflint.ExpandModeNone})
	if err != nil {
		return nil, err
	}
	out := map[string]*hclext.Attribute{}
	for _, b := range content.Blocks {
		for name, a := range b.Body.Attributes {
			out[name] = a
		}
	}
	return out, nil
}
