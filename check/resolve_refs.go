package check

// Stage resolve: a resource instance's attribute in, the model key it refers to (or why
// it cannot be told) out, from the plan's values and configuration, then the sources'
// evaluation (resolve_eval*.go). See the package documentation.

import (
	"cmp"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/eipassoc/eipassoc/check/tfplan"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/eipassoc/eipassoc/eni"
)

// stringAttr returns an attribute's known value, or reports that the configuration
// sets it to something known only after apply. An O+C attribute left unset is unknown
// in the plan but means "the provider's default": it is reported as "" and known. A
// value the sources evaluate is known.
func (b *planBuilder) stringAttr(ri *resInst, attr string) (string, bool) {
	if s, ok := ri.After.Get(attr).(string); ok {
		return s, false
	}
	if !isUnknown(ri, attr) || !b.configures(ri, attr) {
		return "", false
	}
	if e := ri.blk.cfg.Exprs[attr]; e.IsConst {
		s, _ := e.Constant.(string)
		return s, false
	}
	b.asked = true
	if b.eval != nil {
		if v, why, ok := b.eval.attr(ri, attr); ok && why == "" && v.Type() == cty.String {
			if _, _, isPlaceholder := parsePlaceholder(v.AsString()); !isPlaceholder {
				return v.AsString(), false
			}
		}
	}
	return "", true
}

// refKind says what a reference should resolve to.
type refKind int

const (
	kindENI refKind = iota
	kindInstance
	kindEIP
	kindTarget // an ENI or an instance
	kindVSwitch
	kindVPC
)

// resolve finds the model key an ID attribute of ri points at: by its value when the
// plan knows it; otherwise by evaluating its expression from the sources, in ri's
// module instance and with its instance key; otherwise through the plan's references,
// inside ri's module instance. It returns "" and a reason when it cannot.
//
// The plan's own references come first: what they resolve needs no evaluation (most
// references are plain ones, alicloud_ecs_network_interface.x.id), and the sources only
// add knowledge: their evaluation is asked only what the references leave open, and when
// it decides nothing either (a guard rejects it, the value is not an ID), the reason is
// the evaluation's.
func (b *planBuilder) resolve(ri *resInst, attr string, kind refKind) (Key, string) {
	if id := knownString(ri, attr); id != "" {
		return b.byID(id, kind), ""
	}
	var why string
	if ri.blk.cfg != nil {
		var key Key
		if key, why = b.follow(ri.mod, ri.blk.cfg.Exprs[attr], kind, 0); key != "" {
			return key, ""
		}
	} else {
		why = attr + " is known only after apply and the plan has no configuration for " + ri.Address
	}
	b.asked = true
	if b.eval != nil {
		if key, evalWhy, ok := b.evaluated(ri, attr, kind); ok {
			if evalWhy == "" {
				return key, ""
			}
			why = evalWhy
		}
	}
	return "", cmp.Or(why, attr+" is known only after apply")
}

// evaluated resolves attr of ri through the sources' evaluation. ok is false when the
// evaluation does not cover the attribute; why says why a covered one names nothing.
func (b *planBuilder) evaluated(ri *resInst, attr string, kind refKind) (key Key, why string, ok bool) {
	v, why, ok := b.eval.attr(ri, attr)
	switch {
	case !ok:
		return "", "", false
	case why != "":
		return "", why, true
	}
	key, why = b.keyOf(v, attr+" of "+ri.Address, kind)
	return key, why, true
}

// keyOf returns the model key of an evaluated ID (what, e.g. "instance_id of
// alicloud_x.y", names it in the reason when it names nothing of kind).
func (b *planBuilder) keyOf(v cty.Value, what string, kind refKind) (Key, string) {
	if v == cty.NilVal || v.IsNull() || v.Type() != cty.String {
		typ := "null"
		if v != cty.NilVal && !v.IsNull() {
			typ = "a " + v.Type().FriendlyName()
		}
		return "", what + " evaluates to " + typ + ", not an ID"
	}
	addr, path, isPlaceholder := parsePlaceholder(v.AsString())
	if !isPlaceholder {
		return b.byID(v.AsString(), kind), ""
	}
	if target := b.tree.insts[addr]; target != nil {
		if key, why, ok := b.throughAttribute(target, path, kind); ok {
			return key, why
		}
	}
	if key := b.placeholderKey(addr, path, kind); key != "" {
		return key, ""
	}
	return "", what + " is " + path + " of " + addr + ", which is not what it should name"
}

// placeholderKey maps the placeholder of an ID known after apply to the model key of
// the object it identifies.
func (b *planBuilder) placeholderKey(addr, path string, kind refKind) Key {
	ri := b.tree.insts[addr]
	if ri == nil {
		return ""
	}
	return refKey(ri.Type, addr, path, kind)
}

// refKey maps an attribute of a resource instance to the model key it identifies, if
// it identifies something of kind.
func refKey(typ, addr, path string, kind refKind) Key {
	switch typ {
	case TypeENI, TypeENIAlias:
		if path == "id" && (kind == kindENI || kind == kindTarget) {
			return Key(addr)
		}
	case TypeEIP, TypeEIPAlias:
		if (path == "id" || path == "allocation_id") && kind == kindEIP {
			return Key(addr)
		}
	case TypeVSwitch:
		if path == "id" && kind == kindVSwitch {
			return Key(addr)
		}
	case TypeVPC:
		if path == "id" && kind == kindVPC {
			return Key(addr)
		}
	case TypeInstance:
		switch {
		case strings.HasPrefix(path, "network_interfaces") && strings.HasSuffix(path, "network_interface_id") &&
			kind != kindInstance:
			i := "0"
			if open, close := strings.IndexByte(path, '['), strings.IndexByte(path, ']'); open >= 0 && close > open {
				i = path[open+1 : close]
			}
			return blockENI(Key(addr), i)
		case path == "network_interface_id" && kind != kindInstance:
			return primaryENI(Key(addr))
		case path == "id" && (kind == kindInstance || kind == kindTarget):
			return Key(addr)
		}
	}
	return ""
}

// follow resolves an expression's references inside module instance mi.
func (b *planBuilder) follow(mi *modInst, e *tfplan.Expression, kind refKind, depth int) (Key, string) {
	if e == nil || depth > 32 {
		return "", ""
	}
	if s, ok := e.Constant.(string); ok && e.IsConst {
		return b.byID(s, kind), ""
	}
	// The reasons, most telling first: a lost index of a resource, then a value
	// computed from each, count or a local, then a variable or an output.
	var whys [3]string
	note := func(rank int, w string) {
		if w != "" && whys[rank] == "" {
			whys[rank] = w
		}
	}
	for _, ref := range e.Refs {
		switch head, rest, _ := strings.Cut(ref, "."); head {
		case "var":
			name, _, _ := strings.Cut(rest, ".")
			key, w := b.followVar(mi, name, kind, depth)
			if key != "" {
				return key, ""
			}
			note(2, w)
		case "module":
			key, w := b.followOutput(mi, rest, kind, depth)
			if key != "" {
				return key, ""
			}
			note(2, w)
		case "local", "each", "count", "self", "path", "terraform", "data":
			note(
				1,
				"it is computed from "+ref+", which only the configuration's sources can evaluate "+b.sourcesAdvice(),
			)
		default:
			key, w := b.resourceRef(mi, ref, kind)
			if key != "" {
				return key, ""
			}
			note(0, w)
		}
	}
	return "", cmp.Or(whys[0], whys[1], whys[2])
}

// variable returns the plan's value of the root module's variable name, or nil.
func (b *planBuilder) variable(name string) any {
	v, _ := b.plan.Variable(name)
	return v
}

// followVar resolves var.name in mi: at the root through the plan's variables, inside
// a module through the call's argument in the calling module instance.
func (b *planBuilder) followVar(mi *modInst, name string, kind refKind, depth int) (Key, string) {
	if mi.parent == nil {
		if s, ok := b.variable(name).(string); ok {
			return b.byID(s, kind), ""
		}
		return "", "var." + name + " holds no ID in the plan"
	}
	if mi.call == nil {
		return "", ""
	}
	return b.follow(mi.parent, mi.call.Exprs[name], kind, depth+1)
}

// followOutput resolves module.CALL.OUTPUT in mi through the child module instance.
func (b *planBuilder) followOutput(mi *modInst, ref string, kind refKind, depth int) (Key, string) {
	call, rest, _ := strings.Cut(ref, ".")
	output, _, _ := strings.Cut(rest, ".")
	kids := mi.children[call]
	if len(kids) != 1 || kids[0].key.kind != noKey || kids[0].cfg == nil || output == "" {
		return "", "it comes from module." + call + ", whose instance the plan does not say"
	}
	return b.follow(kids[0], kids[0].cfg.Outputs[output], kind, depth+1)
}

// resourceRef maps a reference such as "alicloud_ecs_network_interface.x.id" inside
// module instance mi to a model key: to the block's only instance, or to the instance
// a literal index names. A computed index the plan lost gives "" and the reason.
func (b *planBuilder) resourceRef(mi *modInst, ref string, kind refKind) (Key, string) {
	trav, ok := b.traversals[ref]
	if !ok {
		var diags hcl.Diagnostics
		if trav, diags = hclsyntax.ParseTraversalAbs([]byte(ref), "", hcl.InitialPos); diags.HasErrors() {
			trav = nil
		}
		b.traversals[ref] = trav
	}
	if len(trav) < 2 {
		return "", ""
	}
	typ := trav.RootName()
	name, ok := trav[1].(hcl.TraverseAttr)
	if !ok {
		return "", ""
	}
	blk := mi.blocks[typ+"."+name.Name]
	if blk == nil {
		return "", ""
	}
	rest := trav[2:]
	var ri *resInst
	if len(rest) > 0 {
		if idx, ok := rest[0].(hcl.TraverseIndex); ok {
			if k, ok := keyOf(idx.Key); ok {
				for _, x := range blk.insts {
					if x.key == k {
						ri = x
					}
				}
			}
			rest = rest[1:]
		}
	}
	if ri == nil {
		if len(blk.insts) != 1 || blk.insts[0].key.kind != noKey {
			return "", "it names one of the " + strconv.Itoa(len(blk.insts)) + " instances of " + tfplan.Join(
				mi.addr,
				typ+"."+name.Name,
			) + " by an index the plan does not keep; the configuration's sources would say which " + b.sourcesAdvice()
		}
		ri = blk.insts[0]
	}
	path := "id"
	if len(rest) > 0 {
		path = traversalPath(rest)
	}
	if key, why, ok := b.throughAttribute(ri, path, kind); ok {
		return key, why
	}
	return refKey(typ, ri.Address, path, kind), ""
}

// throughAttribute follows a reference to an attribute that itself names a resource:
// an association's instance_id or allocation_id, an attachment's network_interface_id
// or instance_id, an instance's or ENI's vswitch_id, a vSwitch's vpc_id.
// network_interface_id = alicloud_eip_association.public.instance_id, a common way to
// make Terraform attach an ENI after associating its EIP, names the ENI that the
// association's instance_id names; vswitch_id = alicloud_instance.fw.vswitch_id puts an
// ENI in the instance's vSwitch. ok is false for any other attribute.
func (b *planBuilder) throughAttribute(ri *resInst, path string, kind refKind) (key Key, why string, ok bool) {
	switch {
	case ri.Type == TypeAssociation && (path == "instance_id" || path == "allocation_id"):
	case (ri.Type == TypeAttach || ri.Type == TypeAttachAlias) &&
		(path == "network_interface_id" || path == "instance_id"):
	case kind == kindVSwitch && path == "vswitch_id" &&
		(ri.Type == TypeInstance || ri.Type == TypeENI || ri.Type == TypeENIAlias):
	case kind == kindVPC && path == "vpc_id" && ri.Type == TypeVSwitch:
	default:
		return "", "", false
	}
	visit := ri.Address + "#" + path
	if b.following[visit] {
		return "", path + " of " + ri.Address + " refers back to itself", true
	}
	if b.following == nil {
		b.following = map[string]bool{}
	}
	b.following[visit] = true
	defer delete(b.following, visit)
	key, why = b.resolve(ri, path, kind)
	if key == "" && why == "" {
		why = path + " of " + ri.Address + " is known only after apply"
	}
	return key, why, true
}

// traversalPath writes attribute steps as a path: network_interfaces[0].network_interface_id.
func traversalPath(tr hcl.Traversal) string {
	var sb strings.Builder
	for _, t := range tr {
		switch s := t.(type) {
		case hcl.TraverseAttr:
			if sb.Len() > 0 {
				sb.WriteByte('.')
			}
			sb.WriteString(s.Name)
		case hcl.TraverseIndex:
			if k, ok := keyOf(s.Key); ok {
				sb.WriteString(k.String())
			}
		}
	}
	return sb.String()
}

// candidates returns the model key of the counted EIP block that attr refers to
// directly, inside ri's module instance, when the plan lost which instance (a
// reference such as x[count.index].id): its instances are an exact set the referenced
// object is one of. It returns "" when there is no such block.
func (b *planBuilder) candidates(ri *resInst, attr string, kind refKind) string {
	if ri.blk.cfg == nil || ri.blk.cfg.Exprs[attr] == nil {
		return ""
	}
	for _, ref := range ri.blk.cfg.Exprs[attr].Refs {
		parts := strings.SplitN(ref, ".", 3)
		if len(parts) < 2 || (kind == kindEIP && parts[0] != TypeEIP && parts[0] != TypeEIPAlias) {
			continue
		}
		name, _, _ := strings.Cut(parts[1], "[")
		if blk := ri.mod.blocks[parts[0]+"."+name]; blk != nil && len(b.m.Expanded[blk.addr]) > 0 {
			return blk.addr // shared by every instance that names the block
		}
	}
	return ""
}

// byID finds the model entity with a cloud ID, or adds a placeholder for an ID that
// the plan does not manage. The ID indexes are built on first use, after every managed
// resource is in the model.
func (b *planBuilder) byID(id string, kind refKind) Key {
	if b.eniIDs == nil {
		// When two resources share an ID, the one with the first address wins: the
		// same one every run, whatever the map order.
		b.eniIDs, b.eipIDs, b.instanceIDs = map[string]string{}, map[string]string{}, map[string]string{}
		for _, k := range slices.Sorted(maps.Keys(b.m.ENIs)) {
			if id := b.m.ENIs[k].ID; id != "" && b.eniIDs[id] == "" {
				b.eniIDs[id] = string(k)
			}
		}
		for _, k := range slices.Sorted(maps.Keys(b.m.EIPs)) {
			if id := b.m.EIPs[k].ID; id != "" && b.eipIDs[id] == "" {
				b.eipIDs[id] = string(k)
			}
		}
		for _, k := range slices.Sorted(maps.Keys(b.m.Instances)) {
			if id := b.m.Instances[k].ID; id != "" && b.instanceIDs[id] == "" {
				b.instanceIDs[id] = string(k)
			}
		}
	}
	switch kind {
	case kindVSwitch, kindVPC:
		return Key(id)
	case kindEIP:
		if k, ok := b.eipIDs[id]; ok {
			return Key(k)
		}
		b.m.EIPs[Key(id)] = &EIP{Key: Key(id), ID: id}
		b.eipIDs[id] = id
		return Key(id)
	case kindInstance:
		return b.instanceByID(id)
	}
	if k, ok := b.eniIDs[id]; ok {
		return Key(k)
	}
	if kind == kindTarget && !strings.HasPrefix(id, "eni-") {
		return b.instanceByID(id)
	}
	b.m.ENIs[Key(id)] = &ENI{Key: Key(id), ID: id, Kind: eni.Secondary}
	b.eniIDs[id] = id
	return Key(id)
}

func (b *planBuilder) instanceByID(id string) Key {
	if k, ok := b.instanceIDs[id]; ok {
		return Key(k)
	}
	b.m.Instances[Key(id)] = &Instance{Key: Key(id), ID: id}
	b.instanceIDs[id] = id
	return Key(id)
}
