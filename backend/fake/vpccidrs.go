package fake

import (
	"context"
	"net/netip"
	"slices"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/regions"
)

// The operations this file implements, with their declarations (see backend.Declare).
const (
	OpAssociateVPCCIDR   backend.Op = "AssociateVpcCidrBlock"
	OpUnassociateVPCCIDR backend.Op = "UnassociateVpcCidrBlock"
)

var _ = backend.Declare(
	backend.Operation{API: backend.VPC, Op: OpAssociateVPCCIDR, Mutates: true},
	backend.Operation{API: backend.VPC, Op: OpUnassociateVPCCIDR, Mutates: true},
)

// maxSecondaryCIDRs is how many secondary blocks a VPC takes (VPC quota: 5).
const maxSecondaryCIDRs = 5

// AssociateVPCCIDR implements AssociateVpcCidrBlock for an IPv4 block: from /8 to /28,
// overlapping neither the VPC's block nor its other secondary blocks.
func (b *Backend) AssociateVPCCIDR(ctx context.Context, region regions.ID, vpc string, block netip.Prefix) (err error) {
	const op = OpAssociateVPCCIDR
	if err := begin(ctx, b, op, vpc); err != nil {
		return err
	}
	defer func() { err = end(b, op, vpc, err) }()
	v, err := b.lookupVPC(op, region, vpc)
	if err != nil {
		return err
	}
	block = block.Masked()
	switch {
	case !block.Addr().Is4() || block.Bits() < 8 || block.Bits() > 28:
		return fail(op, "InvalidCidrBlock.Malformed", "A secondary CIDR block is an IPv4 block from /8 to /28.")
	case slices.ContainsFunc(append([]netip.Prefix{v.CIDR}, v.SecondaryCIDRs...), block.Overlaps):
		return fail(op, "InvalidCidrBlock.Overlapped", "The block overlaps one the VPC has.")
	case len(v.SecondaryCIDRs) >= maxSecondaryCIDRs:
		return fail(op, "QuotaExceeded.SecondaryCidrBlock", "A VPC takes at most 5 secondary CIDR blocks.")
	}
	v.SecondaryCIDRs = append(slices.Clone(v.SecondaryCIDRs), block)
	return nil
}

// UnassociateVPCCIDR implements UnassociateVpcCidrBlock: a block a vSwitch takes from
// stays (DependencyViolation).
func (b *Backend) UnassociateVPCCIDR(ctx context.Context, region regions.ID, vpc string, block netip.Prefix) (err error) {
	const op = OpUnassociateVPCCIDR
	if err := begin(ctx, b, op, vpc); err != nil {
		return err
	}
	defer func() { err = end(b, op, vpc, err) }()
	v, err := b.lookupVPC(op, region, vpc)
	if err != nil {
		return err
	}
	block = block.Masked()
	i := slices.Index(v.SecondaryCIDRs, block)
	if i < 0 {
		return fail(op, "InvalidCidrBlock.NotFound", "The VPC has no secondary block "+block.String()+".")
	}
	for _, s := range b.s.vswitches {
		if s.VPC == vpc && block.Overlaps(s.CIDR) {
			return fail(op, "DependencyViolation", "vSwitch "+s.ID+" takes its addresses from the block.")
		}
	}
	v.SecondaryCIDRs = slices.Delete(slices.Clone(v.SecondaryCIDRs), i, i+1)
	return nil
}
