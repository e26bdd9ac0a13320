package fake

import (
	"net/netip"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/eip"
)

// associateAddress associates an EIP with an address of a VPC (InstanceType IpAddress,
// VpcId), as the VPC API reference describes it: the VPC must have an IPv4 gateway
// (OperationFailed.Ipv4GatewayNotOpenedInVpc), the address must be one of the VPC's
// blocks, and an address takes one EIP (ResourceAlreadyAssociated.IpAddress).
// UnassociateEipAddress lists no IpAddress type in its reference, but the association
// can be undone like any other: the fake lets it, with the type or without.
func (b *Backend) associateAddress(op backend.Op, r *eipRec, in backend.AssociateEIPInput) error {
	if in.VPC == "" {
		return fail(op, "MissingParameter", "The input parameter VpcId that is mandatory for an IpAddress target is not "+
			"supplied.")
	}
	vpc := b.s.vpcs[in.VPC]
	if vpc == nil || vpc.Region != r.addr.Region {
		return fail(op, "InvalidVpcId.NotFound", "The specified VPC does not exist.")
	}
	a, err := netip.ParseAddr(in.InstanceID)
	switch {
	case vpc.IPv4Gateway == "":
		return fail(op, "OperationFailed.Ipv4GatewayNotOpenedInVpc", "VPC "+vpc.ID+" has no IPv4 gateway.")
	case err != nil || !a.Is4() || !vpc.Holds(netip.PrefixFrom(a, 32)):
		return fail(op, "InvalidParameter", "InstanceId "+in.InstanceID+" is not an address of VPC "+vpc.ID+".")
	case r.addr.Locked():
		return lockError(op, &r.addr)
	case r.addr.Status != eip.Available:
		return fail(op, "IncorrectEipStatus", "")
	}
	for _, other := range b.s.eips {
		if o := other.addr.Association; o.InstanceType == eip.IPAddress && o.VPC == vpc.ID && o.InstanceID == a.String() {
			return fail(op, "ResourceAlreadyAssociated.IpAddress", a.String()+" carries EIP "+string(other.addr.ID)+".")
		}
	}
	r.addr.Association = eip.Association{InstanceType: eip.IPAddress, InstanceID: a.String(), VPC: vpc.ID}
	b.transitionEIP(r, eip.Associating, eip.InUse)
	return nil
}
