package check

import (
	"cmp"
	"net/netip"
	"slices"
	"strconv"
	"strings"

	"github.com/eipassoc/eipassoc/check/tfplan"

	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
)

func (b *planBuilder) addInstance(ri *resInst) {
	in := &Instance{
		Key:     Key(ri.Address),
		Address: ri.Address,
		ID:      knownString(ri, "id"),
		Type:    knownString(ri, "instance_type"),
		Region:  b.region(ri),
		VSwitch: b.vswitchOf(ri),
	}
	if old, _ := ri.Before.Get("instance_type").(string); old != "" && old != in.Type && ri.planned {
		in.TypeBefore = old
	}
	b.m.Instances[Key(ri.Address)] = in
	primary := &ENI{
		Key:          primaryENI(Key(ri.Address)),
		Address:      ri.Address,
		ID:           knownString(ri, "network_interface_id"),
		Kind:         eni.Primary,
		Region:       in.Region,
		IPCount:      1,
		IPCountKnown: true,
		Instance:     Key(ri.Address),
		Known:        true,
	}
	b.m.ENIs[primary.Key] = primary
	nics, _ := ri.After.Get("network_interfaces").([]any)
	for i, n := range nics {
		block, _ := n.(map[string]any)
		id, _ := block["network_interface_id"].(string)
		if id == "" && b.blockAttachment(ri, i) {
			continue // an ENI of the plan, attached when the instance is made
		}
		key := blockENI(Key(ri.Address), strconv.Itoa(i))
		b.m.ENIs[key] = &ENI{Key: key, Address: ri.Address, ID: id, Kind: eni.Secondary, Region: in.Region,
			IPCount: 1, IPCountKnown: true, Instance: Key(ri.Address), AttachedInPlan: ri.planned, Known: true}
	}
	if len(nics) == 0 && ri.planned && isUnknown(ri, "network_interfaces") {
		b.hiddenBlocks(ri)
	}
}

// blockAttachment resolves the network_interface_id of the i-th network_interfaces
// block of instance ri through the plan's configuration (an ENI the plan makes, whose ID
// is known only after apply), and reports whether it names one: the block is then a
// planned attachment of that ENI onto the instance, made with it, and every rule reads
// the ENI's own facts. The ENI is linked to the instance once the ENIs are built
// (linkBlocks).
func (b *planBuilder) blockAttachment(ri *resInst, i int) bool {
	if !ri.planned {
		return false
	}
	var key Key
	if ri.blk.cfg != nil {
		if e := ri.blk.cfg.Exprs["network_interfaces"]; e != nil && i < len(e.Blocks) {
			key, _ = b.follow(ri.mod, e.Blocks[i]["network_interface_id"], kindENI, 0)
		}
	}
	if key == "" && b.eval != nil { // a dynamic block, or what only the sources say
		b.asked = true
		if vals, why, ok := b.eval.nested(ri, "network_interfaces", "network_interface_id"); ok && why == "" &&
			i < len(vals) {
			key, _ = b.keyOf(vals[i], "network_interface_id of "+ri.Address, kindENI)
		}
	}
	if key == "" || strings.HasPrefix(string(key), ri.Address+".") {
		return false
	}
	inst := Key(ri.Address)
	b.m.Attachments = append(b.m.Attachments, &Attachment{Address: string(blockENI(inst, strconv.Itoa(i))),
		ENI: key, Instance: inst, Planned: true, Block: true, config: configAddress(ri.Address)})
	return true
}

// linkBlocks marks the ENIs that instances' network_interfaces blocks attach as
// attached in the plan, once the ENIs are built.
func (b *planBuilder) linkBlocks() {
	for _, at := range b.m.Attachments {
		if n := b.m.ENIs[at.ENI]; at.Block && n != nil && n.Instance == "" {
			n.Instance, n.AttachedInPlan = at.Instance, true
		}
	}
}

// hiddenBlocks handles a planned instance whose network_interfaces the plan knows only
// after apply: either it has none (the attribute is computed), or a dynamic block whose
// for_each the plan cannot expand. Only the sources tell: their blocks are evaluated,
// and each ENI one attaches becomes a planned attachment onto the instance; blocks that
// cannot be evaluated become one attachment of an unknown ENI, so that every rule they
// feed is undecided.
func (b *planBuilder) hiddenBlocks(ri *resInst) {
	b.asked, b.m.hidden = true, true
	if b.eval == nil {
		return
	}
	vals, why, ok := b.eval.nested(ri, "network_interfaces", "network_interface_id")
	if !ok {
		return
	}
	inst := Key(ri.Address)
	if why != "" {
		b.m.Attachments = append(
			b.m.Attachments,
			&Attachment{Address: ri.Address + ".network_interfaces", Instance: inst, Planned: true,
				Block: true, ENIUnknown: Why(why)},
		)
		return
	}
	for i, v := range vals {
		at := &Attachment{Address: string(blockENI(inst, strconv.Itoa(i))), Instance: inst, Planned: true, Block: true}
		var why string
		if at.ENI, why = b.keyOf(v, "network_interface_id of "+at.Address, kindENI); at.ENI == "" {
			at.ENIUnknown = Why(why)
		}
		b.m.Attachments = append(b.m.Attachments, at)
		if n := b.m.ENIs[at.ENI]; n != nil {
			n.Instance, n.AttachedInPlan = inst, true
		}
	}
}

func (b *planBuilder) addENI(ri *resInst) {
	n := &ENI{
		Key:     Key(ri.Address),
		Address: ri.Address,
		ID:      knownString(ri, "id"),
		Kind:    eni.Secondary,
		Region:  b.region(ri),
		VSwitch: b.vswitchOf(ri),
		Known:   true,
	}
	if knownString(ri, "instance_type") == "Trunk" {
		n.Kind = eni.Trunk
	}
	primary := cmp.Or(knownString(ri, "primary_ip_address"), knownString(ri, "private_ip"))
	if a, err := netip.ParseAddr(primary); err == nil {
		n.IPs = append(n.IPs, a)
	}
	n.IPCount, n.IPCountKnown = b.ipCount(ri, n)
	if ri.planned && ri.Before != nil {
		if before := secondaryCount(ri.Before); before >= 0 && n.IPCountKnown && before+1 != n.IPCount {
			n.IPCountBefore = before + 1
		}
	}
	b.m.ENIs[Key(ri.Address)] = n
}

// secondaryCount returns how many secondary addresses an ENI's attributes list, or -1.
func secondaryCount(attrs tfplan.Attrs) int {
	for _, attr := range []string{"private_ip_addresses", "private_ips"} {
		if list, ok := attrs.Get(attr).([]any); ok && len(list) > 0 {
			return len(list)
		}
	}
	for _, attr := range []string{"secondary_private_ip_address_count", "private_ips_count"} {
		if c, ok := attrs.Get(attr).(float64); ok {
			return int(c)
		}
	}
	return -1
}

// vswitchOf returns the model key of a resource's vSwitch: the planned vSwitch it
// references, or the vSwitch ID.
func (b *planBuilder) vswitchOf(ri *resInst) Key {
	if id := knownString(ri, "vswitch_id"); id != "" {
		return Key(id)
	}
	key, _ := b.resolve(ri, "vswitch_id", kindVSwitch)
	return key
}

// ipCount works out how many private addresses an ENI will have: 1 + the secondary
// list or count, in the new or the deprecated spelling. Attributes that the
// configuration does not set take the provider's default, no secondary address.
func (b *planBuilder) ipCount(ri *resInst, n *ENI) (int, bool) {
	for _, attr := range []string{"private_ip_addresses", "private_ips"} {
		if list, ok := ri.After.Get(attr).([]any); ok && len(list) > 0 {
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
		if c, ok := ri.After.Get(attr).(float64); ok && c > 0 {
			return 1 + int(c), true
		}
	}
	counts := []string{"private_ip_addresses", "private_ips", "secondary_private_ip_address_count", "private_ips_count"}
	for _, attr := range counts {
		if isUnknown(ri, attr) && b.configures(ri, attr) {
			return 0, false // set in the configuration, known only after apply
		}
	}
	return 1, true
}

func (b *planBuilder) addAttachment(ri *resInst) {
	eniKey, eniWhy := b.resolve(ri, "network_interface_id", kindENI)
	instKey, instWhy := b.resolve(ri, "instance_id", kindInstance)
	at := &Attachment{Address: ri.Address, ENI: eniKey, Instance: instKey, Planned: ri.planned}
	if slices.Equal(ri.Actions, []string{"create", "delete"}) { // create_before_destroy
		if id, _ := ri.Before.Get("instance_id").(string); id != "" {
			at.AttachedUntilReplaced = b.instanceByID(id) // the old attachment holds the ENI meanwhile
		}
	}
	if eniKey == "" {
		at.ENIUnknown = Why(cmp.Or(eniWhy, "network_interface_id is known only after apply"))
	}
	if instKey == "" {
		at.InstanceUnknown = Why(cmp.Or(instWhy, "instance_id is known only after apply"))
	}
	b.m.Attachments = append(b.m.Attachments, at)
	if n := b.m.ENIs[eniKey]; n != nil {
		n.Instance, n.AttachedInPlan = instKey, ri.planned
	}
}

func (b *planBuilder) addAssociation(ri *resInst) {
	a := &Association{Address: ri.Address, Module: ri.ModuleAddress, ResourceType: ri.Type, Planned: ri.planned}
	a.Region, a.RegionUnknown = b.regionOf(ri)
	a.EIP, _ = b.resolve(ri, "allocation_id", kindEIP)
	if a.EIP == "" {
		a.EIPOneOf = b.candidates(ri, "allocation_id", kindEIP)
	}
	target, why := b.resolve(ri, "instance_id", kindTarget)
	a.Target, a.TargetUnknown = target, Why(why)
	var unknown bool
	if a.InstanceType, unknown = b.stringAttr(ri, "instance_type"); unknown {
		a.InstanceTypeUnknown = "instance_type is known only after apply, so it is unknown whether the EIP goes to " +
			"an ENI or an instance"
	}
	if s, unknown := b.stringAttr(ri, "mode"); unknown {
		a.ModeUnknown = "mode is known only after apply"
	} else if s != "" {
		a.ModeSet = true
		if m, err := modes.ParseAPI(s); err == nil {
			a.Mode = m
		}
	}
	if old, _ := ri.Before.Get("mode").(string); old != "" && a.ModeSet && old != a.Mode.String() {
		a.ModeBefore = old
	}
	if s, unknown := b.stringAttr(ri, "private_ip_address"); unknown {
		a.PrivateIPUnknown = "private_ip_address is known only after apply"
	} else if s != "" {
		a.PrivateIP, _ = netip.ParseAddr(s)
	}
	b.m.Associations = append(b.m.Associations, a)
	if old := b.replacedLast(ri, a); old != nil {
		b.m.Associations = append(b.m.Associations, old)
	}
}

// replacedLast returns, for an association that create_before_destroy replaces, the
// association it replaces as it stands until the new one is made: it still holds its
// EIP on its ENI, so it counts toward the ENI's capacity and addresses. nil for any
// other change, or when the old association's target is not in the plan.
func (b *planBuilder) replacedLast(ri *resInst, a *Association) *Association {
	if !slices.Equal(ri.Actions, []string{"create", "delete"}) {
		return nil
	}
	target, _ := ri.Before.Get("instance_id").(string)
	eipID, _ := ri.Before.Get("allocation_id").(string)
	if target == "" {
		return nil
	}
	old := &Association{Address: ri.Address + " (until replaced)", Module: a.Module, ResourceType: a.ResourceType,
		Region: a.Region, EIP: b.byID(eipID, kindEIP), Target: b.byID(target, kindTarget)}
	old.InstanceType, _ = ri.Before.Get("instance_type").(string)
	if s, _ := ri.Before.Get("mode").(string); s != "" {
		old.ModeSet = true
		old.Mode, _ = modes.ParseAPI(s)
	}
	if s, _ := ri.Before.Get("private_ip_address").(string); s != "" {
		old.PrivateIP, _ = netip.ParseAddr(s)
	}
	return old
}
