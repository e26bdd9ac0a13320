package fake

import (
	"context"
	"net/netip"
	"slices"
	"strconv"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/ecs"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
)

// CreateENI implements [backend.ENIManager].
func (b *Backend) CreateENI(ctx context.Context, in backend.CreateENIInput) (n eni.Interface, err error) {
	const op = backend.OpCreateENI
	if err := begin(ctx, b, op, in); err != nil {
		return eni.Interface{}, err
	}
	defer func() { err = end(b, op, in, err) }()
	if r, replay, err := b.checkToken(op, in.ClientToken, in); err != nil || replay {
		if replay {
			return copyENI(r.(eni.Interface)), nil
		}
		return eni.Interface{}, err
	}
	if err := checkRegion(op, in.Region); err != nil {
		return eni.Interface{}, err
	}
	rec, err := b.createENI(op, in, "")
	if err != nil {
		return eni.Interface{}, err
	}
	b.rememberToken(op, in.ClientToken, in, copyENI(rec.iface))
	return copyENI(rec.iface), nil
}

// createENI creates an Available ENI with the given ID (chosen when empty).
func (b *Backend) createENI(op backend.Op, in backend.CreateENIInput, id eni.ID) (*eniRec, error) {
	vsw := b.s.vswitches[in.VSwitch]
	if in.VSwitch == "" {
		return nil, fail(
			op,
			"MissingParameter",
			"The input parameter VSwitchId that is mandatory for processing this request is not supplied.",
		)
	}
	if vsw == nil || vsw.Region != in.Region {
		return nil, fail(op, "InvalidVSwitchId.NotFound", "")
	}
	kind := in.Kind
	if kind == 0 {
		kind = eni.Secondary
	}
	if kind != eni.Secondary && kind != eni.Trunk && kind != eni.Primary {
		return nil, fail(op, "InvalidParameter", "InstanceType must be Secondary or Trunk.")
	}
	if len(in.SecondaryIPs) > 0 && in.SecondaryIPCount > 0 {
		return nil, fail(
			op,
			"InvalidParameter.Conflict",
			"PrivateIpAddress and SecondaryPrivateIpAddressCount are mutually exclusive.",
		)
	}
	count := max(len(in.SecondaryIPs), in.SecondaryIPCount)
	if in.SecondaryIPCount < 0 || count > eni.MaxUnattachedSecondaryIPs {
		return nil, fail(op, "InvalidParameter", "An ENI takes 1 to 49 secondary private IP addresses at creation.")
	}
	want := append([]netip.Addr{in.PrimaryIP}, in.SecondaryIPs...)
	if err := vsw.checkFree(op, want); err != nil {
		return nil, err
	}
	if id == "" {
		id = eni.ID(b.newID("eni"))
	}
	primary := in.PrimaryIP
	if !primary.IsValid() {
		var ok bool
		if primary, ok = vsw.next(want); !ok {
			return nil, fail(op, "InvalidVSwitchId.IpNotEnough", "")
		}
	}
	secondary := slices.Clone(in.SecondaryIPs)
	taken := append(want, primary)
	for range in.SecondaryIPCount {
		a, ok := vsw.next(taken)
		if !ok {
			return nil, fail(op, "InvalidVSwitchId.IpNotEnough", "")
		}
		secondary, taken = append(secondary, a), append(taken, a)
	}
	ipv6, prefixes, err := b.extraAddresses(op, vsw, in, append([]netip.Addr{primary}, secondary...))
	if err != nil {
		return nil, err
	}
	rec := &eniRec{iface: eni.Interface{
		ID: id, Kind: kind, Status: eni.Available, Region: vsw.Region, Zone: vsw.Zone, VPC: vsw.VPC,
		VSwitch: vsw.ID, PrimaryIP: primary, SecondaryIPs: secondary, IPv4Prefixes: prefixes, IPv6: ipv6,
		Name: in.Name, Description: in.Description, SecurityGroups: slices.Clone(in.SecurityGroups),
	}}
	for _, a := range rec.iface.PrivateIPs() {
		vsw.used[a] = string(id)
	}
	vsw.hold(id, prefixes, ipv6)
	b.s.enis[id] = rec
	b.s.enisIn(vsw.Region).add(id)
	return rec, nil
}

// extraAddresses picks the IPv6 addresses and IPv4 prefixes a new ENI asks for, clear
// of the addresses it takes (taken, not yet marked used).
func (b *Backend) extraAddresses(
	op backend.Op,
	vsw *vswitch,
	in backend.CreateENIInput,
	taken []netip.Addr,
) ([]netip.Addr, []netip.Prefix, error) {
	switch {
	case len(in.IPv6) > 0 && in.IPv6Count > 0:
		return nil, nil, fail(op, "InvalidParameter.Conflict", "Ipv6Address and Ipv6AddressCount are mutually exclusive.")
	case len(in.IPv4Prefixes) > 0 && in.IPv4PrefixCount > 0:
		return nil, nil, fail(op, "InvalidParameter.Conflict", "Ipv4Prefix and Ipv4PrefixCount are mutually exclusive.")
	case in.IPv6Count < 0 || len(in.IPv6)+in.IPv6Count > maxUnattachedIPv6:
		return nil, nil, fail(op, "InvalidParameter", "An ENI takes 1 to 10 IPv6 addresses at creation.")
	case in.IPv4PrefixCount < 0:
		return nil, nil, fail(op, "InvalidParameter", "Ipv4PrefixCount is 1 to 10.")
	}
	ipv6, err := vsw.takeIPv6(op, in.IPv6, in.IPv6Count)
	if err != nil {
		return nil, nil, err
	}
	prefixes, err := vsw.takePrefixes(op, in.IPv4Prefixes, in.IPv4PrefixCount, taken)
	if err == nil && len(taken)-1+len(prefixes) > eni.MaxUnattachedSecondaryIPs {
		err = fail(op, "InvalidOperation.Ipv4CountExceeded", "An ENI takes at most 49 secondary addresses and "+
			"IPv4 prefixes together at creation.")
	}
	return ipv6, prefixes, err
}

// checkFree reports an error unless every valid address in want is inside the vSwitch,
// free, and not repeated.
func (v *vswitch) checkFree(op backend.Op, want []netip.Addr) error {
	seen := map[netip.Addr]bool{}
	for _, a := range want {
		if !a.IsValid() {
			continue
		}
		switch {
		case !v.CIDR.Contains(a):
			return fail(op, "InvalidVSwitchId.IpInvalid", a.String()+" is not in the CIDR block "+v.CIDR.String()+".")
		case !v.usable(a):
			return fail(op, "InvalidPrivateIpAddress.Reserved", a.String()+" is reserved by the system: vSwitch "+
				v.ID+" ("+v.CIDR.String()+") reserves its first and its last three addresses.")
		case seen[a]:
			return fail(op, "InvalidIp.IpRepeated", "")
		case v.used[a] != "":
			return fail(op, "InvalidPrivateIpAddress.Duplicated", "")
		}
		seen[a] = true
	}
	return nil
}

// usable reports whether a is not one of the addresses the cloud reserves: the first
// and the last three of the block (VPC API reference, CreateDefaultVSwitch: for
// 192.168.1.0/24, .0, .253, .254 and .255).
func (v *vswitch) usable(a netip.Addr) bool {
	if a == v.CIDR.Masked().Addr() {
		return false
	}
	return v.CIDR.Contains(a.Next().Next().Next())
}

// next returns a usable free address not in also, in the emulator's allocation order
// (the cloud documents none): from the fourth address of the block up, then the second
// and third, which the cloud does not reserve but this order hands out last, so that
// the addresses it picks are those of the recordings made when it reserved them. It
// starts at v.low and moves v.low past the used and reserved addresses it finds there,
// so that allocating n addresses one after the other costs O(n), not O(n²).
func (v *vswitch) next(also []netip.Addr) (netip.Addr, bool) {
	if a, ok := v.scan(also); ok {
		return a, true
	}
	first := v.CIDR.Masked().Addr()
	for _, a := range []netip.Addr{first.Next(), first.Next().Next()} {
		if v.CIDR.Contains(a) && v.usable(a) && v.used[a] == "" && !slices.Contains(also, a) {
			return a, true
		}
	}
	return netip.Addr{}, false
}

// scan returns the lowest usable free address from the fourth of the block up.
func (v *vswitch) scan(also []netip.Addr) (netip.Addr, bool) {
	fourth := v.CIDR.Masked().Addr().Next().Next().Next()
	if !v.low.IsValid() || !v.CIDR.Contains(v.low) || v.low.Less(fourth) {
		v.low = fourth // nothing before it is handed out here: free moves low back only to a freed address
	}
	start := v.low
	settled := true // every address before a is used or reserved
	for a := start; a.IsValid() && v.CIDR.Contains(a); a = a.Next() {
		free := v.usable(a) && v.used[a] == ""
		if settled && !free {
			v.low = a.Next()
			continue
		}
		settled = false
		if free && !slices.Contains(also, a) {
			return a, true
		}
	}
	return netip.Addr{}, false
}

func copyENI(n eni.Interface) eni.Interface {
	n.SecondaryIPs = slices.Clone(n.SecondaryIPs)
	n.IPv4Prefixes, n.IPv6 = slices.Clone(n.IPv4Prefixes), slices.Clone(n.IPv6)
	n.SecurityGroups = slices.Clone(n.SecurityGroups)
	return n
}

func (b *Backend) lookupENI(op backend.Op, region regions.ID, id eni.ID) (*eniRec, error) {
	if err := checkRegion(op, region); err != nil {
		return nil, err
	}
	if id == "" {
		return nil, fail(
			op,
			"MissingParameter",
			"The input parameter NetworkInterfaceId that is mandatory for processing this request is not supplied.",
		)
	}
	r := b.s.enis[id]
	if r == nil || r.iface.Region != region {
		return nil, fail(op, "InvalidEniId.NotFound", "")
	}
	return r, nil
}

// DeleteENI implements [backend.ENIManager]. An ENI that still carries EIPs cannot be
// deleted.
func (b *Backend) DeleteENI(ctx context.Context, in backend.DeleteENIInput) (err error) {
	const op = backend.OpDeleteENI
	if err := begin(ctx, b, op, in); err != nil {
		return err
	}
	defer func() { err = end(b, op, in, err) }()
	r, err := b.lookupENI(op, in.Region, in.ENI)
	if err != nil {
		return err
	}
	if h, ok := b.haVipHolding(string(in.ENI)); ok {
		return fail(op, "DependencyViolation", "The ENI holds HaVip "+h+"; unassociate it first.")
	}
	if route, ok := b.routeThrough(string(in.ENI)); ok {
		return fail(op, "DependencyViolation", "The ENI is the next hop of the route to "+route.Destination.String()+
			"; delete the route first.")
	}
	switch {
	case r.iface.Kind == eni.Primary:
		return fail(op, "InvalidOperation.InvalidEniType", "")
	case r.iface.Status != eni.Available:
		return fail(op, "InvalidOperation.InvalidEniState", "")
	case len(r.bound) > 0:
		return fail(op, "InvalidOperation.InvalidEniState", "The ENI carries EIPs; disassociate them first.")
	}
	b.transitionENI(r, eni.Deleting, 0, "")
	return nil
}

// AttachENI implements [backend.ENIManager].
func (b *Backend) AttachENI(ctx context.Context, in backend.AttachENIInput) (err error) {
	const op = backend.OpAttachENI
	if err := begin(ctx, b, op, in); err != nil {
		return err
	}
	defer func() { err = end(b, op, in, err) }()
	r, err := b.lookupENI(op, in.Region, in.ENI)
	if err != nil {
		return err
	}
	if in.Trunk != "" {
		return b.attachMember(op, r, in)
	}
	return b.attach(op, r, in.Instance, in.Region)
}

// attach applies the cloud's checks for attaching r to an instance, then attaches it.
func (b *Backend) attach(op backend.Op, r *eniRec, instance string, region regions.ID) error {
	inst := b.s.instances[instance]
	if inst == nil || inst.Region != region {
		return fail(op, "InvalidInstanceId.NotFound", "")
	}
	if err := b.checkAttach(op, r, inst); err != nil {
		return err
	}
	b.transitionENI(r, eni.Attaching, eni.InUse, inst.ID)
	return nil
}

// checkAttach applies the cloud's checks for attaching r to inst.
func (b *Backend) checkAttach(op backend.Op, r *eniRec, inst *ecs.Instance) error {
	limits, _ := b.limits(inst.Type)
	t, typed := b.catalog.instanceType(inst.Type)
	switch {
	case r.iface.Kind != eni.Secondary && r.iface.Kind != eni.Trunk:
		return fail(op, "InvalidOperation.InvalidEniType", "")
	case r.iface.Status != eni.Available:
		return fail(op, "InvalidOperation.InvalidEniState", "")
	case inst.Status != "Running" && inst.Status != "Stopped":
		return fail(op, "InvalidOperation.InvalidEcsState", "")
	case r.iface.Zone != inst.Zone:
		return fail(op, "InvalidOperation.AvailabilityZoneMismatch", "")
	case r.iface.VPC != inst.VPC:
		return fail(op, "InvalidOperation.VpcMismatch", "")
	case len(inst.ENIs)+b.pendingAttachments(inst.ID) >= limits.ENIs:
		return fail(op, "EniPerInstanceLimitExceeded", "")
	case limits.KnowsPrivateIPs() && r.iface.PrivateIPCount()+len(r.iface.IPv4Prefixes) > limits.PrivateIPsPerENI:
		return fail(op, "InvalidOperation.Ipv4CountExceeded", "")
	case typed && len(r.iface.IPv6) > t.IPv6PerENI:
		return fail(op, "InvalidOperation.Ipv6CountExceeded", "")
	case b.carries(r, modes.MultiBinded) && !modes.MultiBinded.AllowsInstanceType(inst.Type):
		return fail(op, "OperationUnsupported.EipBindModel", "")
	}
	return nil
}

// pendingAttachments counts the ENIs being attached to an instance.
func (b *Backend) pendingAttachments(instance string) int {
	n := 0
	for id := range b.s.pendingENIs {
		if r := b.s.enis[id]; r != nil && r.iface.Status == eni.Attaching && r.pending == instance {
			n++
		}
	}
	return n
}

// carries reports whether the ENI carries an EIP in mode m.
func (b *Backend) carries(r *eniRec, m modes.Mode) bool {
	for _, id := range r.bound {
		if b.s.eips[id].addr.Association.Mode == m {
			return true
		}
	}
	return false
}

// DetachENI implements [backend.ENIManager].
func (b *Backend) DetachENI(ctx context.Context, in backend.DetachENIInput) (err error) {
	const op = backend.OpDetachENI
	if err := begin(ctx, b, op, in); err != nil {
		return err
	}
	defer func() { err = end(b, op, in, err) }()
	r, err := b.lookupENI(op, in.Region, in.ENI)
	if err != nil {
		return err
	}
	if b.s.instances[in.Instance] == nil {
		return fail(op, "InvalidInstanceId.NotFound", "")
	}
	switch {
	case r.iface.Kind == eni.Primary:
		return fail(op, "InvalidOperation.DetachPrimaryEniNotAllowed", "")
	case r.iface.Status != eni.InUse || r.iface.Instance != in.Instance:
		return fail(op, "InvalidOperation.InvalidEniState", "")
	case r.iface.Kind == eni.Member:
		return b.detachMember(op, r, in.Trunk)
	case r.iface.Kind == eni.Trunk && len(b.membersOf(r.iface.ID)) > 0:
		return fail(op, "InvalidOperation.InvalidEniState", "Trunk ENI "+string(r.iface.ID)+
			" carries member ENIs; detach them first.")
	}
	b.transitionENI(r, eni.Detaching, eni.Available, in.Instance)
	return nil
}

// AssignPrivateIPs implements [backend.ENIManager].
func (b *Backend) AssignPrivateIPs(
	ctx context.Context,
	in backend.AssignPrivateIPsInput,
) (out []netip.Addr, err error) {
	const op = backend.OpAssignPrivateIPs
	if err := begin(ctx, b, op, in); err != nil {
		return nil, err
	}
	defer func() { err = end(b, op, in, err) }()
	if res, replay, err := b.checkToken(op, in.ClientToken, in); err != nil || replay {
		if replay {
			return slices.Clone(res.([]netip.Addr)), nil
		}
		return nil, err
	}
	r, err := b.lookupENI(op, in.Region, in.ENI)
	if err != nil {
		return nil, err
	}
	if (len(in.IPs) == 0) == (in.Count <= 0) {
		return nil, fail(op, "InvalidParameter", "Give either PrivateIpAddress or SecondaryPrivateIpAddressCount.")
	}
	if r.iface.Status != eni.Available && r.iface.Status != eni.InUse {
		return nil, fail(op, "InvalidOperation.InvalidEniState", "")
	}
	if b.carries(r, modes.Binded) {
		return nil, fail(op, "OperationFailed.EniSubIp", "A cut-through ENI takes no secondary private IP.")
	}
	add := max(len(in.IPs), in.Count)
	if limit := b.privateIPLimit(r); r.iface.PrivateIPCount()+len(r.iface.IPv4Prefixes)+add > limit {
		return nil, fail(
			op,
			"InvalidOperation.Ipv4CountExceeded",
			"The ENI can hold at most "+strconv.Itoa(limit)+" private IP addresses.",
		)
	}
	vsw := b.s.vswitches[r.iface.VSwitch]
	if err := vsw.checkFree(op, in.IPs); err != nil {
		if backend.Code(err) == "InvalidPrivateIpAddress.Duplicated" {
			return nil, fail(op, "InvalidIp.IpAssigned", "")
		}
		return nil, err
	}
	out = slices.Clone(in.IPs)
	for range in.Count {
		a, ok := vsw.next(out)
		if !ok {
			return nil, fail(op, "InvalidVSwitchId.IpNotEnough", "")
		}
		out = append(out, a)
	}
	for _, a := range out {
		vsw.used[a] = string(r.iface.ID)
	}
	r.iface.SecondaryIPs = append(r.iface.SecondaryIPs, out...)
	b.rememberToken(op, in.ClientToken, in, slices.Clone(out))
	return out, nil
}

// privateIPLimit is the most private addresses the ENI may hold: 1 + 49 when it is not
// attached, the instance type's limit when it is.
func (b *Backend) privateIPLimit(r *eniRec) int {
	if inst := b.s.instances[r.iface.Instance]; inst != nil {
		if l, ok := b.limits(inst.Type); ok && l.KnowsPrivateIPs() {
			return l.PrivateIPsPerENI
		}
	}
	return 1 + eni.MaxUnattachedSecondaryIPs
}

// UnassignPrivateIPs implements [backend.ENIManager]. An address that carries a NAT EIP
// cannot be removed.
func (b *Backend) UnassignPrivateIPs(ctx context.Context, in backend.UnassignPrivateIPsInput) (err error) {
	const op = backend.OpUnassignPrivateIPs
	if err := begin(ctx, b, op, in); err != nil {
		return err
	}
	defer func() { err = end(b, op, in, err) }()
	r, err := b.lookupENI(op, in.Region, in.ENI)
	if err != nil {
		return err
	}
	if len(in.IPs) == 0 {
		return fail(
			op,
			"MissingParameter",
			"The input parameter PrivateIpAddress that is mandatory for processing this request is not supplied.",
		)
	}
	if r.iface.Status != eni.Available && r.iface.Status != eni.InUse {
		return fail(op, "InvalidOperation.InvalidEniState", "")
	}
	for _, a := range in.IPs {
		if !slices.Contains(r.iface.SecondaryIPs, a) {
			return fail(op, "InvalidIp.IpUnassigned", "")
		}
		for _, id := range r.bound {
			if mappedIP(b.s.eips[id].addr.Association, r) == a {
				return fail(
					op,
					"InvalidOperation.InvalidEniState",
					a.String()+" carries EIP "+string(id)+"; disassociate it first.",
				)
			}
		}
	}
	vsw := b.s.vswitches[r.iface.VSwitch]
	r.iface.SecondaryIPs = slices.DeleteFunc(r.iface.SecondaryIPs, func(a netip.Addr) bool {
		if slices.Contains(in.IPs, a) {
			vsw.free(a)
			return true
		}
		return false
	})
	return nil
}

// DescribeENIs implements [backend.ENIReader]. NextToken is the position in the listing.
func (b *Backend) DescribeENIs(ctx context.Context, in backend.DescribeENIsInput) (page backend.ENIPage, err error) {
	const op = backend.OpDescribeENIs
	if err := begin(ctx, b, op, in); err != nil {
		return backend.ENIPage{}, err
	}
	defer func() { err = end(b, op, in, err) }()
	if err := checkRegion(op, in.Region); err != nil {
		return backend.ENIPage{}, err
	}
	size := in.MaxResults
	if size == 0 {
		size = 10
	}
	start := 0
	if in.NextToken != "" {
		n, err := strconv.Atoi(in.NextToken)
		if err != nil || n < 0 {
			return backend.ENIPage{}, fail(op, "InvalidParameter", "The NextToken is not valid.")
		}
		start = n
	}
	if size < 10 || size > 500 || len(in.IDs) > 100 {
		return backend.ENIPage{}, fail(
			op,
			"InvalidParameter",
			"MaxResults must be 10 to 500, and at most 100 NetworkInterfaceIds.",
		)
	}
	keep := func(id eni.ID) bool {
		n := &b.s.enis[id].iface
		return (in.Instance == "" || n.Instance == in.Instance) && (in.VPC == "" || n.VPC == in.VPC) &&
			(in.VSwitch == "" || n.VSwitch == in.VSwitch) && (in.Kind == 0 || n.Kind == in.Kind) &&
			(in.Status == 0 || n.Status == in.Status) && HasTags(b.s.tags[string(id)], in.Tags)
	}
	unfiltered := in.Instance == "" && in.VPC == "" && in.VSwitch == "" && in.Kind == 0 && in.Status == 0 &&
		len(in.Tags) == 0
	ids, total := pageOf(b.s.enisIn(in.Region), in.IDs, keep, unfiltered, start, size)
	page.TotalCount = total
	for _, id := range ids {
		page.ENIs = append(page.ENIs, copyENI(b.s.enis[id].iface))
	}
	if end := start + len(ids); len(ids) > 0 && end < total {
		page.NextToken = strconv.Itoa(end)
	}
	return page, nil
}
