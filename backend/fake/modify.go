package fake

import (
	"context"
	"net/netip"
	"slices"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
)

// The operations this file implements, with their declarations (see backend.Declare).
const (
	OpModifyEIPAttribute   backend.Op = "ModifyEipAddressAttribute"
	OpModifyEIPForwardMode backend.Op = "ModifyEipForwardMode"
	OpDeletionProtection   backend.Op = "DeletionProtection"
)

var _ = backend.Declare(
	backend.Operation{API: backend.VPC, Op: OpModifyEIPAttribute, Mutates: true},
	backend.Operation{API: backend.VPC, Op: OpModifyEIPForwardMode, Mutates: true},
	backend.Operation{API: backend.VPC, Op: OpDeletionProtection, Mutates: true},
)

// ModifyEIPAttributeInput changes an EIP's bandwidth, name or description; a nil
// field is left as it is.
type ModifyEIPAttributeInput struct {
	Region      regions.ID
	EIP         eip.ID
	Bandwidth   *int
	Name        *string
	Description *string
}

// ModifyEIPAttribute implements ModifyEipAddressAttribute.
func (b *Backend) ModifyEIPAttribute(ctx context.Context, in ModifyEIPAttributeInput) (err error) {
	const op = OpModifyEIPAttribute
	if err := begin(ctx, b, op, in); err != nil {
		return err
	}
	defer func() { err = end(b, op, in, err) }()
	r, err := b.lookupEIP(op, in.Region, in.EIP)
	if err != nil {
		return err
	}
	if in.Bandwidth != nil && (*in.Bandwidth < 1 || *in.Bandwidth > 1000) {
		return fail(op, "InvalidParameter", "The Bandwidth is not valid.")
	}
	if in.Bandwidth != nil {
		r.addr.Bandwidth = *in.Bandwidth
	}
	if in.Name != nil {
		r.addr.Name = *in.Name
	}
	if in.Description != nil {
		r.addr.Description = *in.Description
	}
	return nil
}

// ModifyEIPForwardModeInput changes the mode of an EIP's association with an ENI.
type ModifyEIPForwardModeInput struct {
	Region regions.ID
	EIP    eip.ID
	Mode   modes.Mode
}

// ModifyEIPForwardMode implements ModifyEipForwardMode: the association stays on its
// ENI and takes the new mode, under the same checks an association in that mode has
// (the EIP itself not counted). A NAT association's private IP is kept for NAT and
// dropped for the modes that map to the whole ENI.
func (b *Backend) ModifyEIPForwardMode(ctx context.Context, in ModifyEIPForwardModeInput) (err error) {
	const op = OpModifyEIPForwardMode
	if err := begin(ctx, b, op, in); err != nil {
		return err
	}
	defer func() { err = end(b, op, in, err) }()
	r, err := b.lookupEIP(op, in.Region, in.EIP)
	if err != nil {
		return err
	}
	a := r.addr.Association
	switch {
	case !in.Mode.IsValid():
		return fail(op, "IllegalParam.Mode", "")
	case r.addr.Locked():
		return lockError(op, &r.addr)
	case r.addr.Status != eip.InUse || a.InstanceType != eip.NetworkInterface:
		return fail(op, "IncorrectEipStatus", "The EIP is not associated with an ENI.")
	case a.Mode == in.Mode:
		return nil
	}
	n := b.eniOf(a)
	if n == nil {
		return fail(op, "IncorrectEipStatus", "")
	}
	private := a.PrivateIP
	if in.Mode != modes.NAT {
		private = netip.Addr{}
	}
	// Check as if the EIP were not there yet, then put it back in its place.
	saved := slices.Clone(n.bound)
	n.bound = slices.DeleteFunc(n.bound, func(id eip.ID) bool { return id == in.EIP })
	err = b.checkENITarget(op, n, in.Mode, private)
	n.bound = saved
	if err != nil {
		return err
	}
	r.addr.Association.Mode, r.addr.Association.PrivateIP = in.Mode, private
	return nil
}

// SetEIPDeletionProtection implements VPC DeletionProtection for an EIP (Type EIP):
// while it is on, ReleaseEipAddress refuses the EIP.
func (b *Backend) SetEIPDeletionProtection(ctx context.Context, region regions.ID, id eip.ID, on bool) (err error) {
	const op = OpDeletionProtection
	if err := begin(ctx, b, op, id); err != nil {
		return err
	}
	defer func() { err = end(b, op, id, err) }()
	r, err := b.lookupEIP(op, region, id)
	if err != nil {
		return err
	}
	r.addr.Settings.DeletionProtection = on
	return nil
}
