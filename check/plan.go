package check

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"net/netip"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
)

// PlanOptions tune how a plan is read.
type PlanOptions struct {
	// Region overrides the provider's region for every resource.
	Region regions.ID
	// Getenv reads ALICLOUD_REGION and ALIBABA_CLOUD_REGION, the provider's fallback;
	// nil means os.Getenv.
	Getenv func(string) string
}

// Resource types the checker understands; the deprecated aliases share the schemas.
const (
	typeAssociation = "alicloud_eip_association"
	typeEIP         = "alicloud_eip_address"
	typeEIPAlias    = "alicloud_eip"
	typeENI         = "alicloud_ecs_network_interface"
	typeENIAlias    = "alicloud_network_interface"
	typeAttach      = "alicloud_ecs_network_interface_attachment"
	typeAttachAlias = "alicloud_network_interface_attachment"
	typeInstance    = "alicloud_instance"
	typeVSwitch     = "alicloud_vswitch"
	typeVPC         = "alicloud_vpc"
)

// maxPlanBytes bounds the plan JSON read into memory.
const maxPlanBytes = 1 << 30

// LoadPlan reads the JSON of "terraform show -json" (or "tofu show -json") from r. name
// labels the input in errors and findings. A file that is not plan JSON, or whose format
// version is unsupported, gives an *InputError.
func LoadPlan(r io.Reader, name string, opts PlanOptions) (*Model, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxPlanBytes+1))
	if err != nil {
		return nil, &InputError{File: name, Msg: err.Error()}
	}
	if len(data) > maxPlanBytes {
		return nil, &InputError{File: name, Msg: "larger than 1 GiB"}
	}
	var plan tfjson.Plan
	if err := json.Unmarshal(data, &plan); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syn):
			return nil, &InputError{File: name, Where: lineOf(data, syn.Offset), Msg: "not JSON: " + syn.Error()}
		case errors.As(err, &typ):
			return nil, &InputError{File: name, Where: lineOf(data, typ.Offset), Msg: "not plan JSON: " + typ.Error()}
		}
		return nil, &InputError{File: name, Msg: "not plan JSON from \"terraform show -json\": " + err.Error()}
	}
	if plan.FormatVersion == "" || plan.ResourceChanges == nil && plan.PlannedValues == nil {
		return nil, &InputError{File: name, Msg: "no format_version or resource_changes: this is not the output of \"terraform show -json PLANFILE\""}
	}
	if opts.Getenv == nil {
		opts.Getenv = os.Getenv
	}
	b := &planBuilder{plan: &plan, opts: opts, m: newModel(name), config: map[string]*configEntry{}, modules: map[string]*moduleEntry{}}
	if plan.Config != nil {
		b.indexConfig("", plan.Config.RootModule)
	}
	b.build()
	return b.m, nil
}

// lineOf turns a byte offset into "line N".
func lineOf(data []byte, off int64) string {
	if off <= 0 || off > int64(len(data)) {
		return offsetWhere(off)
	}
	return "line " + strconv.Itoa(bytes.Count(data[:off], []byte("\n"))+1)
}

func newModel(source string) *Model {
	return &Model{Source: source, ENIs: map[string]*ENI{}, EIPs: map[string]*EIP{}, Instances: map[string]*Instance{}, ModuleDirs: map[string]string{}, VSwitches: map[string]*VSwitch{}}
}

// configEntry is one configuration resource with the module it sits in.
type configEntry struct {
	module string // module address, e.g. "module.edge", or "" at root
	res    *tfjson.ConfigResource
}

// moduleEntry is a module call: its parent module and its argument expressions.
type moduleEntry struct {
	parent string
	call   *tfjson.ModuleCall
}

type planBuilder struct {
	plan    *tfjson.Plan
	opts    PlanOptions
	m       *Model
	config  map[string]*configEntry // absolute config address -> entry
	modules map[string]*moduleEntry // module address -> call
	// values of every managed resource instance after the plan, by address.
	values  map[string]*resourceValues
	byType  map[string][]*resourceValues
	counted map[string][]string // config address -> instance addresses (count/for_each)
	// eniIDs, eipIDs and instanceIDs map cloud IDs to model keys; see byID.
	eniIDs, eipIDs, instanceIDs map[string]string
}

// resourceValues are one resource instance's attributes after the plan.
type resourceValues struct {
	address, module, typ, name, configAddr, providerKey string
	planned                                             bool // created or updated by the plan
	after                                               map[string]any
	unknown                                             map[string]any
}

func (b *planBuilder) indexConfig(module string, cm *tfjson.ConfigModule) {
	if cm == nil {
		return
	}
	for _, r := range cm.Resources {
		if r.Mode == tfjson.ManagedResourceMode {
			b.config[join(module, r.Address)] = &configEntry{module: module, res: r}
		}
	}
	for name, call := range cm.ModuleCalls {
		addr := join(module, "module."+name)
		b.modules[addr] = &moduleEntry{parent: module, call: call}
		if src := call.Source; strings.HasPrefix(src, "./") || strings.HasPrefix(src, "../") {
			b.m.ModuleDirs[addr] = path.Join(b.m.ModuleDirs[module], src)
		}
		if call.Module != nil {
			b.indexConfig(addr, call.Module)
		}
	}
}

func join(module, addr string) string {
	if module == "" {
		return addr
	}
	return module + "." + addr
}

// configAddress strips instance keys from an address: module.a["x"].t.n[0] -> module.a.t.n.
func configAddress(addr string) string {
	var out strings.Builder
	depth := 0
	for _, c := range addr {
		switch {
		case c == '[':
			depth++
		case c == ']':
			depth--
		case depth == 0:
			out.WriteRune(c)
		}
	}
	return out.String()
}

func (b *planBuilder) build() {
	b.values, b.byType, b.counted = map[string]*resourceValues{}, map[string][]*resourceValues{}, map[string][]string{}
	b.m.Expanded = b.counted
	for _, rc := range b.plan.ResourceChanges {
		if rc == nil || rc.Mode != tfjson.ManagedResourceMode || rc.Change == nil || rc.DeposedKey != "" {
			continue
		}
		a := rc.Change.Actions
		if a.Delete() || a.Read() {
			continue // going away, or a data read
		}
		rv := &resourceValues{address: rc.Address, module: rc.ModuleAddress, typ: rc.Type, name: rc.Name,
			configAddr: configAddress(rc.Address), planned: a.Create() || a.Update() || a.Replace()}
		rv.after, _ = rc.Change.After.(map[string]any)
		rv.unknown, _ = rc.Change.AfterUnknown.(map[string]any)
		if before, ok := rc.Change.Before.(map[string]any); ok && rv.after != nil {
			if id, ok := before["id"].(string); ok && rv.unknown["id"] == true && !a.Replace() {
				rv.after["id"] = id // an update keeps the ID
			}
		}
		if rv.after == nil {
			rv.after = map[string]any{}
		}
		if ce := b.config[rv.configAddr]; ce != nil {
			rv.providerKey = ce.res.ProviderConfigKey
		}
		b.values[rv.address] = rv
		b.byType[rv.typ] = append(b.byType[rv.typ], rv)
		b.counted[rv.configAddr] = append(b.counted[rv.configAddr], rv.address)
	}
	for _, rv := range b.byType[typeVSwitch] {
		vpc := knownString(rv, "vpc_id")
		if vpc == "" {
			vpc, _ = b.resolve(rv, "vpc_id", kindVPC)
		}
		b.m.VSwitches[rv.address] = &VSwitch{Key: rv.address, Zone: knownString(rv, "zone_id"), VPC: vpc}
		if id := knownString(rv, "id"); id != "" {
			b.m.VSwitches[id] = b.m.VSwitches[rv.address]
		}
	}
	for _, rv := range b.byType[typeInstance] {
		b.addInstance(rv)
	}
	for _, t := range []string{typeENI, typeENIAlias} {
		for _, rv := range b.byType[t] {
			b.addENI(rv)
		}
	}
	for _, t := range []string{typeEIP, typeEIPAlias} {
		for _, rv := range b.byType[t] {
			b.m.EIPs[rv.address] = &EIP{Key: rv.address, Address: rv.address, ID: knownString(rv, "id"), Region: b.region(rv), PrePaid: prepaid(rv), Known: true}
		}
	}
	for _, t := range []string{typeAttach, typeAttachAlias} {
		for _, rv := range b.byType[t] {
			b.addAttachment(rv)
		}
	}
	for _, rv := range b.byType[typeAssociation] {
		b.addAssociation(rv)
	}
	slices.SortFunc(b.m.Associations, func(x, y *Association) int { return strings.Compare(x.Address, y.Address) })
}

// knownString returns a known string attribute, or "".
func knownString(rv *resourceValues, attr string) string {
	s, _ := rv.after[attr].(string)
	return s
}

// isUnknown reports whether an attribute is unknown until apply.
func isUnknown(rv *resourceValues, attr string) bool { return rv.unknown[attr] == true }

func prepaid(rv *resourceValues) bool {
	for _, attr := range []string{"payment_type", "instance_charge_type"} {
		if c, err := eip.ParseChargeType(knownString(rv, attr)); err == nil && c == eip.PrePaid {
			return true
		}
	}
	return false
}

func (b *planBuilder) addInstance(rv *resourceValues) {
	in := &Instance{Key: rv.address, Address: rv.address, ID: knownString(rv, "id"), Type: knownString(rv, "instance_type"), Region: b.region(rv), VSwitch: b.vswitchOf(rv)}
	b.m.Instances[rv.address] = in
	primary := &ENI{Key: rv.address + ".primary", Address: rv.address, ID: knownString(rv, "network_interface_id"), Kind: eni.Primary,
		Region: in.Region, IPCount: 1, IPCountKnown: true, Instance: rv.address, Known: true}
	b.m.ENIs[primary.Key] = primary
	nics, _ := rv.after["network_interfaces"].([]any)
	for i, n := range nics {
		block, _ := n.(map[string]any)
		id, _ := block["network_interface_id"].(string)
		key := rv.address + ".network_interfaces[" + strconv.Itoa(i) + "]"
		b.m.ENIs[key] = &ENI{Key: key, Address: rv.address, ID: id, Kind: eni.Secondary, Region: in.Region,
			IPCount: 1, IPCountKnown: true, Instance: rv.address, AttachedInPlan: rv.planned, Known: true}
	}
}

func (b *planBuilder) addENI(rv *resourceValues) {
	n := &ENI{Key: rv.address, Address: rv.address, ID: knownString(rv, "id"), Kind: eni.Secondary, Region: b.region(rv),
		VSwitch: b.vswitchOf(rv), Known: true}
	if knownString(rv, "instance_type") == "Trunk" {
		n.Kind = eni.Trunk
	}
	if a, err := netip.ParseAddr(first(knownString(rv, "primary_ip_address"), knownString(rv, "private_ip"))); err == nil {
		n.IPs = append(n.IPs, a)
	}
	n.IPCount, n.IPCountKnown = b.ipCount(rv, n)
	b.m.ENIs[rv.address] = n
}

// vswitchOf returns the model key of a resource's vSwitch: the planned vSwitch it
// references, or the vSwitch ID.
func (b *planBuilder) vswitchOf(rv *resourceValues) string {
	if id := knownString(rv, "vswitch_id"); id != "" {
		return id
	}
	key, _ := b.resolve(rv, "vswitch_id", kindVSwitch)
	return key
}

func first(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// ipCount works out how many private addresses an ENI will have: 1 + the secondary
// list or count, in the new or the deprecated spelling. Attributes that the
// configuration does not set take the provider's default, no secondary address.
func (b *planBuilder) ipCount(rv *resourceValues, n *ENI) (int, bool) {
	for _, attr := range []string{"private_ip_addresses", "private_ips"} {
		if list, ok := rv.after[attr].([]any); ok && len(list) > 0 {
			for _, v := range list {
				if s, ok := v.(string); ok {
					if a, err := netip.ParseAddr(s); err == nil {
						n.IPs = append(n.IPs, a)
					}
				}
			}
			return 1 + len(list), true
		}
	}
	for _, attr := range []string{"secondary_private_ip_address_count", "private_ips_count"} {
		if c, ok := number(rv.after[attr]); ok && c > 0 {
			return 1 + c, true
		}
	}
	ce := b.config[rv.configAddr]
	for _, attr := range []string{"private_ip_addresses", "private_ips", "secondary_private_ip_address_count", "private_ips_count"} {
		if isUnknown(rv, attr) && ce != nil && ce.res.Expressions[attr] != nil {
			return 0, false // set in the configuration, known only after apply
		}
	}
	return 1, true
}

func number(v any) (int, bool) {
	switch x := v.(type) {
	case float64:
		return int(x), true
	case json.Number:
		n, err := x.Int64()
		return int(n), err == nil
	}
	return 0, false
}

func (b *planBuilder) addAttachment(rv *resourceValues) {
	eniKey, _ := b.resolve(rv, "network_interface_id", kindENI)
	instKey, _ := b.resolve(rv, "instance_id", kindInstance)
	if eniKey == "" || instKey == "" {
		return
	}
	b.m.Attachments = append(b.m.Attachments, &Attachment{Address: rv.address, ENI: eniKey, Instance: instKey, Planned: rv.planned})
	if n := b.m.ENIs[eniKey]; n != nil {
		n.Instance, n.AttachedInPlan = instKey, rv.planned
	}
}

func (b *planBuilder) addAssociation(rv *resourceValues) {
	a := &Association{Address: rv.address, Module: rv.module, ResourceType: rv.typ, Planned: rv.planned, Region: b.region(rv)}
	if a.Region == "" {
		a.RegionUnknown = "no region: set -region, the provider's region, or ALICLOUD_REGION"
	}
	a.EIP, _ = b.resolve(rv, "allocation_id", kindEIP)
	if a.EIP == "" {
		a.EIPOneOf = b.candidates(rv, "allocation_id", kindEIP)
	}
	a.Target, a.TargetUnknown = b.resolve(rv, "instance_id", kindTarget)
	a.InstanceType, a.InstanceTypeUnknown = b.stringAttr(rv, "instance_type")
	if s, unknown := b.stringAttr(rv, "mode"); unknown {
		a.ModeUnknown = true
	} else if s != "" {
		a.ModeSet = true
		if m, err := modes.ParseAPI(s); err == nil {
			a.Mode = m
		}
	}
	if s, unknown := b.stringAttr(rv, "private_ip_address"); unknown {
		a.PrivateIPUnknown = true
	} else if s != "" {
		a.PrivateIP, _ = netip.ParseAddr(s)
	}
	b.m.Associations = append(b.m.Associations, a)
}

// stringAttr returns an attribute's known value, or reports that the configuration
// sets it to something known only after apply. An O+C attribute left unset is unknown
// in the plan but means "the provider's default": it is reported as "" and known.
func (b *planBuilder) stringAttr(rv *resourceValues, attr string) (string, bool) {
	if s, ok := rv.after[attr].(string); ok {
		return s, false
	}
	if !isUnknown(rv, attr) {
		return "", false
	}
	ce := b.config[rv.configAddr]
	if ce == nil || ce.res.Expressions[attr] == nil {
		return "", false
	}
	if c, ok := constant(ce.res.Expressions[attr]); ok {
		return c, false
	}
	return "", true
}

func constant(e *tfjson.Expression) (string, bool) {
	if e == nil || e.ExpressionData == nil || len(e.References) > 0 {
		return "", false
	}
	s, ok := e.ConstantValue.(string)
	return s, ok
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

// resolve finds the model key an ID attribute points at: by its value when the plan
// knows it, otherwise through the configuration's references (also through module
// variables). It returns "" and a reason when it cannot.
func (b *planBuilder) resolve(rv *resourceValues, attr string, kind refKind) (string, string) {
	if id := knownString(rv, attr); id != "" {
		return b.byID(id, kind), ""
	}
	ce := b.config[rv.configAddr]
	if ce == nil {
		return "", attr + " is known only after apply and the plan has no configuration for " + rv.address
	}
	key, why := b.follow(ce.module, ce.res.Expressions[attr], kind, 0)
	if key == "" && why == "" {
		why = attr + " is known only after apply"
	}
	return key, why
}

// follow resolves an expression's references inside module.
func (b *planBuilder) follow(module string, e *tfjson.Expression, kind refKind, depth int) (string, string) {
	if e == nil || e.ExpressionData == nil || depth > 32 {
		return "", ""
	}
	if s, ok := e.ConstantValue.(string); ok && len(e.References) == 0 {
		return b.byID(s, kind), ""
	}
	why := ""
	for _, ref := range e.References {
		switch head, rest, _ := strings.Cut(ref, "."); head {
		case "var":
			name, _, _ := strings.Cut(rest, ".")
			if key, w := b.followVar(module, name, kind, depth); key != "" {
				return key, ""
			} else if w != "" {
				why = w
			}
		case "local", "each", "count", "self", "path", "terraform", "data":
			why = "it comes from " + ref + ", which the plan does not resolve (pass -tf-dir for locals, or use a resource reference)"
		default:
			if key := b.resourceRef(module, ref, kind); key != "" {
				return key, ""
			}
		}
	}
	return "", why
}

// candidates returns the configuration address of the counted resource that attr
// refers to directly when the plan lost which instance (a reference such as
// x[count.index].id): its instances are an exact set the referenced object is one of.
// It returns "" when there is no such resource.
func (b *planBuilder) candidates(rv *resourceValues, attr string, kind refKind) string {
	ce := b.config[rv.configAddr]
	if ce == nil || ce.res.Expressions[attr] == nil || ce.res.Expressions[attr].ExpressionData == nil {
		return ""
	}
	for _, ref := range ce.res.Expressions[attr].References {
		parts := strings.SplitN(ref, ".", 3)
		if len(parts) < 2 || (kind == kindEIP && parts[0] != typeEIP && parts[0] != typeEIPAlias) {
			continue
		}
		name, _, _ := strings.Cut(parts[1], "[")
		if addr := join(ce.module, parts[0]+"."+name); len(b.counted[addr]) > 0 {
			return addr
		}
	}
	return ""
}

// followVar resolves var.name in module: at the root through the plan's variables,
// inside a module through the calling module's argument.
func (b *planBuilder) followVar(module, name string, kind refKind, depth int) (string, string) {
	if module == "" {
		if v := b.plan.Variables[name]; v != nil {
			if s, ok := v.Value.(string); ok {
				return b.byID(s, kind), ""
			}
		}
		return "", "var." + name + " has no string value in the plan"
	}
	call := b.modules[module]
	if call == nil || call.call == nil {
		return "", ""
	}
	return b.follow(call.parent, call.call.Expressions[name], kind, depth+1)
}

// resourceRef maps a reference such as "alicloud_ecs_network_interface.x.id" or
// "alicloud_instance.web.network_interfaces[0].network_interface_id" to a model key.
func (b *planBuilder) resourceRef(module, ref string, kind refKind) string {
	parts := strings.SplitN(ref, ".", 3)
	if len(parts) < 2 {
		return ""
	}
	typ, name := parts[0], parts[1]
	index := ""
	if i := strings.IndexByte(name, '['); i >= 0 {
		name, index = name[:i], name[i:]
	}
	cfg := join(module, typ+"."+name)
	instances := b.counted[cfg]
	var addr string
	switch {
	case index != "" && slices.Contains(instances, cfg+index):
		addr = cfg + index
	case len(instances) == 1:
		addr = instances[0]
	default:
		return "" // not in the plan, or counted and the index is lost
	}
	rest := ""
	if len(parts) == 3 {
		rest = parts[2]
	}
	switch typ {
	case typeENI, typeENIAlias:
		if kind == kindENI || kind == kindTarget {
			return addr
		}
	case typeEIP, typeEIPAlias:
		if kind == kindEIP {
			return addr
		}
	case typeVSwitch:
		if kind == kindVSwitch {
			return addr
		}
	case typeVPC:
		if kind == kindVPC {
			return addr
		}
	case typeInstance:
		switch {
		case strings.HasPrefix(rest, "network_interfaces"):
			i := "0"
			if open, close := strings.IndexByte(rest, '['), strings.IndexByte(rest, ']'); open >= 0 && close > open {
				i = rest[open+1 : close]
			}
			return addr + ".network_interfaces[" + i + "]"
		case rest == "network_interface_id" && kind != kindInstance:
			return addr + ".primary"
		case kind == kindInstance || kind == kindTarget:
			return addr
		}
	}
	return ""
}

// byID finds the model entity with a cloud ID, or adds a placeholder for an ID that
// the plan does not manage. The ID indexes are built on first use, after every managed
// resource is in the model.
func (b *planBuilder) byID(id string, kind refKind) string {
	if b.eniIDs == nil {
		// When two resources share an ID, the one with the first address wins: the
		// same one every run, whatever the map order.
		b.eniIDs, b.eipIDs, b.instanceIDs = map[string]string{}, map[string]string{}, map[string]string{}
		for _, k := range slices.Sorted(maps.Keys(b.m.ENIs)) {
			if id := b.m.ENIs[k].ID; id != "" && b.eniIDs[id] == "" {
				b.eniIDs[id] = k
			}
		}
		for _, k := range slices.Sorted(maps.Keys(b.m.EIPs)) {
			if id := b.m.EIPs[k].ID; id != "" && b.eipIDs[id] == "" {
				b.eipIDs[id] = k
			}
		}
		for _, k := range slices.Sorted(maps.Keys(b.m.Instances)) {
			if id := b.m.Instances[k].ID; id != "" && b.instanceIDs[id] == "" {
				b.instanceIDs[id] = k
			}
		}
	}
	switch kind {
	case kindVSwitch, kindVPC:
		return id
	case kindEIP:
		if k, ok := b.eipIDs[id]; ok {
			return k
		}
		b.m.EIPs[id] = &EIP{Key: id, ID: id}
		b.eipIDs[id] = id
		return id
	case kindInstance:
		return b.instanceByID(id)
	}
	if k, ok := b.eniIDs[id]; ok {
		return k
	}
	if kind == kindTarget && !strings.HasPrefix(id, "eni-") {
		return b.instanceByID(id)
	}
	b.m.ENIs[id] = &ENI{Key: id, ID: id, Kind: eni.Secondary}
	b.eniIDs[id] = id
	return id
}

func (b *planBuilder) instanceByID(id string) string {
	if k, ok := b.instanceIDs[id]; ok {
		return k
	}
	b.m.Instances[id] = &Instance{Key: id, ID: id}
	b.instanceIDs[id] = id
	return id
}

// region resolves a resource's region: the override, its provider block's region
// (constant or root variable), then the provider's environment variables.
func (b *planBuilder) region(rv *resourceValues) regions.ID {
	if b.opts.Region != "" {
		return b.opts.Region
	}
	if b.plan.Config != nil {
		key := rv.providerKey
		if key == "" {
			key = "alicloud"
		}
		if pc := b.plan.Config.ProviderConfigs[key]; pc != nil {
			if e := pc.Expressions["region"]; e != nil && e.ExpressionData != nil {
				if s, ok := e.ConstantValue.(string); ok && len(e.References) == 0 {
					return regions.ID(s)
				}
				for _, ref := range e.References {
					if name, ok := strings.CutPrefix(ref, "var."); ok {
						if v := b.plan.Variables[name]; v != nil {
							if s, ok := v.Value.(string); ok {
								return regions.ID(s)
							}
						}
					}
				}
			}
		}
	}
	return regions.ID(first(b.opts.Getenv("ALICLOUD_REGION"), b.opts.Getenv("ALIBABA_CLOUD_REGION")))
}
