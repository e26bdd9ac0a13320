package fake

import (
	"cmp"
	"context"
	"net/netip"
	"slices"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
)

// AllocateEIP implements [backend.EIPAllocator].
func (b *Backend) AllocateEIP(ctx context.Context, in backend.AllocateEIPInput) (a eip.Address, err error) {
	const op = backend.OpAllocateEIP
	if err := begin(ctx, b, op, in); err != nil {
		return eip.Address{}, err
	}
	defer func() { err = end(b, op, in, err) }()
	if r, replay, err := b.checkToken(op, in.ClientToken, in); err != nil || replay {
		if replay {
			return r.(eip.Address), nil
		}
		return eip.Address{}, err
	}
	if err := checkRegion(op, in.Region); err != nil {
		if backend.Code(err) == "InvalidRegionId.NotFound" {
			return eip.Address{}, fail(op, "InvalidRegion.NotSupport", "")
		}
		return eip.Address{}, err
	}
	addr, err := b.newEIP(op, in)
	if err != nil {
		return eip.Address{}, err
	}
	b.rememberToken(op, in.ClientToken, in, addr)
	return addr, nil
}

// newEIP makes the EIP an allocation asks for: a released one taken back, or a new one
// with an address of a pool or of the fake's choosing.
func (b *Backend) newEIP(op backend.Op, in backend.AllocateEIPInput) (eip.Address, error) {
	if in.Restore != "" {
		return b.restore(op, in)
	}
	ip, err := b.poolAddress(op, in)
	if err != nil {
		return eip.Address{}, err
	}
	return b.allocate(op, in, "", ip)
}

// allocate creates an EIP; id and ip are chosen when empty.
func (b *Backend) allocate(op backend.Op, in backend.AllocateEIPInput, id eip.ID, ip netip.Addr) (eip.Address, error) {
	if len(b.s.eips) >= b.opts.EIPQuota {
		return eip.Address{}, fail(op, "QuotaExceeded.Eip", "")
	}
	if in.ChargeType == 0 {
		in.ChargeType = eip.PostPaid
	}
	if in.InternetChargeType == 0 {
		in.InternetChargeType = eip.PayByBandwidth
	}
	if !in.ChargeType.IsValid() || !in.InternetChargeType.IsValid() {
		return eip.Address{}, fail(op, "InvalidParameter", "The charge type is not valid.")
	}
	if in.ChargeType == eip.PrePaid && in.InternetChargeType != eip.PayByBandwidth {
		return eip.Address{}, fail(op, "InvalidParameter", "Subscription EIPs must be metered PayByBandwidth.")
	}
	if in.Bandwidth < 0 || in.Bandwidth > 1000 {
		return eip.Address{}, fail(op, "InvalidParameter", "The Bandwidth is not valid.")
	}
	settings := in.Settings.Clone()
	settings.ISP, settings.Netmode = cmp.Or(settings.ISP, "BGP"), cmp.Or(settings.Netmode, "public")
	switch {
	case settings.Netmode != "public":
		return eip.Address{}, fail(op, "InvalidParameter", "The Netmode is not valid: only public is supported.")
	case (settings.Period != 0 || settings.PricingCycle != "" || settings.AutoPay) && in.ChargeType != eip.PrePaid:
		return eip.Address{}, fail(op, "InvalidParameter", "Period, PricingCycle and AutoPay are for subscription EIPs.")
	case settings.Period < 0 || settings.PricingCycle != "" && settings.PricingCycle != "Month" &&
		settings.PricingCycle != "Year":
		return eip.Address{}, fail(op, "InvalidParameter", "The Period or PricingCycle is not valid.")
	}
	if id == "" {
		id = eip.ID(b.newID("eip"))
	}
	if !ip.IsValid() {
		ip = b.newPublicIP()
	}
	a := eip.Address{ID: id, IP: ip, Region: in.Region, Status: eip.Available, ChargeType: in.ChargeType,
		InternetChargeType: in.InternetChargeType, BusinessStatus: eip.Normal,
		Bandwidth: cmp.Or(in.Bandwidth, 5), Name: in.Name, Description: in.Description, Settings: settings}
	b.s.eips[id] = &eipRec{addr: a}
	a.Settings = a.Settings.Clone() // the caller's copy shares nothing with the account's
	b.s.eipsIn(in.Region).add(id)
	b.s.publicIPs[ip] = true
	return a, nil
}

// ReleaseEIP implements [backend.EIPAllocator].
func (b *Backend) ReleaseEIP(ctx context.Context, in backend.ReleaseEIPInput) (err error) {
	const op = backend.OpReleaseEIP
	if err := begin(ctx, b, op, in); err != nil {
		return err
	}
	defer func() { err = end(b, op, in, err) }()
	r, err := b.lookupEIP(op, in.Region, in.EIP)
	if err != nil {
		return err
	}
	switch {
	case r.addr.Locked():
		return lockError(op, &r.addr)
	case r.addr.Status != eip.Available:
		return fail(op, "IncorrectEipStatus", "")
	case r.addr.ChargeType == eip.PrePaid:
		return fail(op, "Forbidden.ChargeTypeIsPrepaid", "")
	case r.addr.Settings.DeletionProtection:
		// The code is eipassoc's: the API reference names none for this refusal.
		return fail(op, "OperationDenied.DeletionProtection",
			"The EIP has deletion protection; turn it off (DeletionProtection) before releasing it.")
	}
	b.transitionEIP(r, eip.Releasing, 0)
	return nil
}

func (b *Backend) lookupEIP(op backend.Op, region regions.ID, id eip.ID) (*eipRec, error) {
	if err := checkRegion(op, region); err != nil {
		return nil, err
	}
	if id == "" {
		return nil, fail(
			op,
			"MissingParameter",
			"The input parameter AllocationId that is mandatory for processing this request is not supplied.",
		)
	}
	r := b.s.eips[id]
	if r == nil || r.addr.Region != region {
		return nil, fail(op, "InvalidAllocationId.NotFound", "")
	}
	return r, nil
}

func lockError(op backend.Op, a *eip.Address) error {
	if a.HasLock(eip.Security) {
		return fail(op, "InvalidEIPStatus.BizDisabled", "")
	}
	return fail(op, "Forbidden.FinancialLocked", "")
}

// AssociateEIP implements [backend.Associator]. The checks are the fake's own, in the
// order below; they do not call eipassoc.CanAssociate, so the two can be compared.
func (b *Backend) AssociateEIP(ctx context.Context, in backend.AssociateEIPInput) (err error) {
	const op = backend.OpAssociateEIP
	if err := begin(ctx, b, op, in); err != nil {
		return err
	}
	defer func() { err = end(b, op, in, err) }()
	if _, replay, err := b.checkToken(op, in.ClientToken, in); err != nil || replay {
		return err
	}
	if err := b.associate(op, in); err != nil {
		return err
	}
	b.rememberToken(op, in.ClientToken, in, nil)
	return nil
}

func (b *Backend) associate(op backend.Op, in backend.AssociateEIPInput) error {
	r, err := b.lookupEIP(op, in.Region, in.EIP)
	if err != nil {
		return err
	}
	if in.InstanceID == "" {
		return fail(
			op,
			"MissingParameter",
			"The input parameter InstanceId that is mandatory for processing this request is not supplied.",
		)
	}
	typ := in.InstanceType
	if typ == 0 {
		typ = eip.EcsInstance
	}
	var n *eniRec
	switch typ {
	case eip.NetworkInterface:
		n = b.s.enis[eni.ID(in.InstanceID)]
	case eip.EcsInstance:
		if inst := b.s.instances[in.InstanceID]; inst != nil && len(inst.ENIs) > 0 {
			n = b.s.enis[inst.ENIs[0]]
		}
		if in.Mode != 0 && in.Mode != modes.NAT {
			return fail(op, "Invalid.DirectEip.BindType", "")
		}
	case eip.IPAddress:
		return b.associateAddress(op, r, in)
	default:
		return fail(
			op,
			"InvalidInstanceType.ValueNotSupported",
			"The fake supports EcsInstance, NetworkInterface and IpAddress targets only.",
		)
	}
	if n == nil {
		return fail(op, "InvalidInstanId.NotFound", "")
	}
	switch {
	case r.addr.Locked():
		return lockError(op, &r.addr)
	case r.addr.Status != eip.Available:
		return fail(op, "IncorrectEipStatus", "")
	case n.iface.Region != r.addr.Region:
		return fail(op, "InvalidParameter.Mismatch", "")
	}
	mode := in.Mode
	if mode == 0 {
		mode = modes.NAT
	}
	if !mode.IsValid() {
		return fail(op, "IllegalParam.Mode", "")
	}
	if typ == eip.EcsInstance {
		if len(n.bound) > 0 {
			return fail(op, "InvalidAssociation.Duplicated", "")
		}
		b.bind(r, n, eip.Association{InstanceType: eip.EcsInstance, InstanceID: in.InstanceID}, netip.Addr{})
		return nil
	}
	if err := b.checkENITarget(op, n, mode, in.PrivateIP); err != nil {
		return err
	}
	// A NAT association that names no private IP maps to the primary one, and the
	// cloud reports it with no PrivateIpAddress: it is kept as given (see mappedIP).
	b.bind(
		r,
		n,
		eip.Association{InstanceType: eip.NetworkInterface, InstanceID: in.InstanceID, Mode: mode},
		in.PrivateIP,
	)
	return nil
}

// checkENITarget applies the cloud's checks on an ENI target in mode.
func (b *Backend) checkENITarget(op backend.Op, n *eniRec, mode modes.Mode, private netip.Addr) error {
	switch n.iface.Status {
	case eni.Available, eni.InUse:
	default:
		return fail(op, "InvalidStatus.EniStatusNotSupport", "The status of the ENI is "+n.iface.Status.String()+".")
	}
	info, _ := regions.Lookup(n.iface.Region)
	if !info.Supports(mode) {
		return fail(op, "InvalidParameter", mode.String()+" mode is not available in "+string(n.iface.Region)+".")
	}
	if mode == modes.MultiBinded && !b.opts.Account.MultiBindedAllowed {
		return fail(op, "Mode.NotSupport", "")
	}
	if n.iface.Kind != eni.Secondary && !(n.iface.Kind == eni.Primary && mode == modes.NAT) {
		return fail(op, "Invalid.DirectEip.BindType", "")
	}
	for _, id := range n.bound {
		if m := b.s.eips[id].addr.Association.Mode; m != mode {
			if (m == modes.NAT && mode == modes.MultiBinded) || (m == modes.MultiBinded && mode == modes.NAT) {
				return fail(op, "OperationFailed.EipBindModeConflict", "")
			}
			return fail(op, "Mode.Conflict", "")
		}
	}
	if n.iface.Kind == eni.Secondary && n.iface.Instance != "" &&
		(mode != modes.NAT || b.opts.Behaviour != eipassoc.Observed) {
		return fail(op, "Eni.Attached", "")
	}
	if private.IsValid() && !n.iface.HasPrivateIP(private) {
		return fail(op, "InvalidParameter", "The PrivateIpAddress "+private.String()+" does not belong to the ENI.")
	}
	switch mode {
	case modes.Binded:
		if private.IsValid() && private != n.iface.PrimaryIP {
			return fail(op, "InvalidParameter", "A cut-through EIP maps to the primary private IP of the ENI.")
		}
		if len(n.iface.SecondaryIPs) > 0 {
			return fail(op, "Eni.HasSubIp", "")
		}
		if len(n.iface.IPv4Prefixes) > 0 {
			return fail(op, "OperationFailed.IpPrefixConflict", "")
		}
		if len(n.bound) >= 1 {
			return fail(op, "InvalidAssociation.Duplicated", "")
		}
	case modes.MultiBinded:
		if len(n.bound) >= 10 {
			return fail(op, "QuotaExceed.MultiBindedEip", "")
		}
	case modes.NAT:
		limit := n.iface.PrivateIPCount()
		if n.iface.Kind == eni.Primary {
			limit = 1
		}
		if len(n.bound) >= limit {
			return fail(op, "InvalidEip.EipQuotaExceeded", "")
		}
		target := private
		if !target.IsValid() {
			target = n.iface.PrimaryIP
		}
		for _, id := range n.bound {
			if mappedIP(b.s.eips[id].addr.Association, n) == target {
				return fail(op, "InvalidAssociation.Duplicated", "")
			}
		}
	}
	return nil
}

// mappedIP returns the ENI address an association maps to: its PrivateIP, or the ENI's
// primary address when the association named none (n may be nil: no address then).
func mappedIP(a eip.Association, n *eniRec) netip.Addr {
	if a.PrivateIP.IsValid() || n == nil {
		return a.PrivateIP
	}
	return n.iface.PrimaryIP
}

// bind records an association; private is the ENI address the EIP maps to, as given.
func (b *Backend) bind(r *eipRec, n *eniRec, a eip.Association, private netip.Addr) {
	a.PrivateIP = private
	r.addr.Association = a
	n.bound = append(n.bound, r.addr.ID)
	b.transitionEIP(r, eip.Associating, eip.InUse)
}

// UnassociateEIP implements [backend.Associator].
func (b *Backend) UnassociateEIP(ctx context.Context, in backend.UnassociateEIPInput) (err error) {
	const op = backend.OpUnassociateEIP
	if err := begin(ctx, b, op, in); err != nil {
		return err
	}
	defer func() { err = end(b, op, in, err) }()
	if _, replay, err := b.checkToken(op, in.ClientToken, in); err != nil || replay {
		return err
	}
	r, err := b.lookupEIP(op, in.Region, in.EIP)
	if err != nil {
		return err
	}
	a := r.addr.Association
	switch {
	case r.addr.Locked():
		return lockError(op, &r.addr)
	case r.addr.Status != eip.InUse:
		return fail(op, "IncorrectEipStatus", "")
	case in.InstanceID != "" && in.InstanceID != a.InstanceID:
		return fail(op, "InvalidBindInstance.NotFound", "")
	case in.InstanceType != 0 && in.InstanceType != a.InstanceType:
		return fail(op, "InvalidInstanceType.ValueNotSupported", "")
	case in.PrivateIP.IsValid() && in.PrivateIP != mappedIP(a, b.eniOf(a)):
		return fail(op, "InvalidParameter", "The EIP is not mapped to "+in.PrivateIP.String()+".")
	}
	n := b.eniOf(a)
	if n != nil && a.Mode == modes.Binded && n.iface.Kind == eni.Secondary && n.iface.Instance != "" {
		return fail(op, "Eni.Attached", "")
	}
	if n != nil {
		n.bound = slices.DeleteFunc(n.bound, func(id eip.ID) bool { return id == r.addr.ID })
	}
	r.addr.Association = eip.Association{}
	b.transitionEIP(r, eip.Unassociating, eip.Available)
	b.rememberToken(op, in.ClientToken, in, nil)
	return nil
}

// eniOf returns the ENI an association points at.
func (b *Backend) eniOf(a eip.Association) *eniRec {
	switch a.InstanceType {
	case eip.NetworkInterface:
		return b.s.enis[eni.ID(a.InstanceID)]
	case eip.EcsInstance:
		if inst := b.s.instances[a.InstanceID]; inst != nil && len(inst.ENIs) > 0 {
			return b.s.enis[inst.ENIs[0]]
		}
	}
	return nil
}

// DescribeEIPs implements [backend.EIPReader].
func (b *Backend) DescribeEIPs(ctx context.Context, in backend.DescribeEIPsInput) (page backend.EIPPage, err error) {
	const op = backend.OpDescribeEIPs
	if err := begin(ctx, b, op, in); err != nil {
		return backend.EIPPage{}, err
	}
	defer func() { err = end(b, op, in, err) }()
	if err := checkRegion(op, in.Region); err != nil {
		return backend.EIPPage{}, err
	}
	number, size := in.PageNumber, in.PageSize
	if number == 0 {
		number = 1
	}
	if size == 0 {
		size = 10
	}
	if number < 1 || size < 1 || size > 100 || len(in.IDs) > 50 {
		return backend.EIPPage{}, fail(
			op,
			"InvalidParameter",
			"PageNumber must be at least 1, PageSize 1 to 100, and at most 50 AllocationIds.",
		)
	}
	keep := func(a *eip.Address) bool {
		return (in.Status == 0 || a.Status == in.Status) &&
			(in.AssociatedInstanceID == "" || a.Association.InstanceID == in.AssociatedInstanceID) &&
			(in.AssociatedInstanceType == 0 || a.Association.InstanceType == in.AssociatedInstanceType) &&
			HasTags(b.s.tags[string(a.ID)], in.Tags)
	}
	ids, total := pageOf(
		b.s.eipsIn(in.Region),
		in.IDs,
		func(id eip.ID) bool { return keep(&b.s.eips[id].addr) },
		in.Status == 0 && in.AssociatedInstanceID == "" && in.AssociatedInstanceType == 0 &&
			len(in.Tags) == 0,
		pageStart(number, size),
		size,
	)
	page = backend.EIPPage{TotalCount: total, PageNumber: number, PageSize: size}
	for _, id := range ids {
		a := b.s.eips[id].addr
		a.LockReasons, a.Settings = slices.Clone(a.LockReasons), a.Settings.Clone()
		page.EIPs = append(page.EIPs, a)
	}
	return page, nil
}

// DescribeEIPGatewayInfo implements [backend.EIPReader]. Each multi-EIP-to-ENI EIP gets
// the first address of its /24 as gateway and mask 255.255.255.0.
func (b *Backend) DescribeEIPGatewayInfo(
	ctx context.Context,
	in backend.DescribeEIPGatewayInfoInput,
) (infos []backend.GatewayInfo, err error) {
	const op = backend.OpDescribeEIPGateway
	if err := begin(ctx, b, op, in); err != nil {
		return nil, err
	}
	defer func() { err = end(b, op, in, err) }()
	if err := checkRegion(op, in.Region); err != nil {
		return nil, err
	}
	n := b.s.enis[in.ENI]
	if n == nil || n.iface.Region != in.Region {
		return nil, fail(op, "InvalidInstanceId.NotFound", "")
	}
	for _, id := range n.bound {
		a := b.s.eips[id].addr
		if a.Association.Mode != modes.MultiBinded {
			continue
		}
		if !a.IP.Is4() {
			continue // EIPs are IPv4; the seeding and allocation paths refuse anything else
		}
		ip := a.IP.As4()
		infos = append(infos, backend.GatewayInfo{
			IP: a.IP, Gateway: netip.AddrFrom4([4]byte{ip[0], ip[1], ip[2], 1}),
			Mask: netip.AddrFrom4([4]byte{255, 255, 255, 0}),
		})
	}
	return infos, nil
}
