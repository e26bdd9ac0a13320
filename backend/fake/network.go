package fake

import (
	"cmp"
	"context"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/regions"
)

// The operations this file implements, with their declarations (see backend.Declare).
const (
	OpCreateVPC       backend.Op = "CreateVpc"
	OpDescribeVPC     backend.Op = "DescribeVpcAttribute"
	OpDeleteVPC       backend.Op = "DeleteVpc"
	OpCreateVSwitch   backend.Op = "CreateVSwitch"
	OpDescribeVSwitch backend.Op = "DescribeVSwitchAttributes"
	OpDeleteVSwitch   backend.Op = "DeleteVSwitch"
)

var _ = backend.Declare(
	backend.Operation{API: backend.VPC, Op: OpCreateVPC, Mutates: true},
	backend.Operation{API: backend.VPC, Op: OpDescribeVPC},
	backend.Operation{API: backend.VPC, Op: OpDeleteVPC, Mutates: true},
	backend.Operation{API: backend.VPC, Op: OpCreateVSwitch, Mutates: true},
	backend.Operation{API: backend.VPC, Op: OpDescribeVSwitch},
	backend.Operation{API: backend.VPC, Op: OpDeleteVSwitch, Mutates: true},
)

// VPCs and vSwitches are the network the ENIs live in. No rule of eipassoc reads them
// beyond a vSwitch's zone, VPC and addresses; the fake creates and deletes them so that
// the emulator can serve alicloud_vpc and alicloud_vswitch. Like the attribute changes
// in modify.go, these operations are not part of backend.Backend.
const (
	defaultVPCPrefix = "172.16.0.0/12"
)

// A VPC is a virtual private network as the fake keeps it.
type VPC struct {
	ID          string
	Region      regions.ID
	CIDR        netip.Prefix
	Name        string
	Description string
	Created     time.Time
	// Default marks the region's default VPC (seeded only).
	Default bool
	// VSwitches are the IDs of the VPC's vSwitches, sorted.
	VSwitches []string
	// Routes are the custom routes of its system route table (SystemRouteTable), in
	// the order they were added; RouteTables its custom route tables.
	Routes      []RouteEntry
	RouteTables []RouteTable
	// SystemTableName and SystemTableDescription name and describe the system route
	// table (ModifyRouteTableAttributes may change them, nothing else of it).
	SystemTableName, SystemTableDescription string
	// SecondaryCIDRs are address blocks added to the VPC (AssociateVpcCidrBlock):
	// vSwitches may take theirs from them too. UserCIDRs are the blocks its users
	// take (CreateVpc UserCidr), kept as given.
	SecondaryCIDRs, UserCIDRs []netip.Prefix
	// ResourceGroupID is its resource group, or none.
	ResourceGroupID string
	// IPv6CIDR is the VPC's IPv6 /56 when IPv6 is enabled, and IPv6ISP the line it
	// comes from (BGP, ChinaMobile, ChinaUnicom or ChinaTelecom).
	IPv6CIDR netip.Prefix
	IPv6ISP  string
	// IPAMPool is the seeded IPAM pool its block comes from, if any.
	IPAMPool string
	// IPv4Gateway is its IPv4 gateway (seeded), through which EIPs associated with
	// its addresses (InstanceType IpAddress) reach the Internet.
	IPv4Gateway string
}

// Holds reports whether block p lies inside the VPC's block or one of its secondary
// blocks.
func (v VPC) Holds(p netip.Prefix) bool {
	for _, b := range append([]netip.Prefix{v.CIDR}, v.SecondaryCIDRs...) {
		if b.Contains(p.Addr()) && p.Bits() >= b.Bits() {
			return true
		}
	}
	return false
}

// A VSwitch is a subnet of a VPC in one zone, as the fake keeps it: what
// backend.NetworkReader gives, and what the emulator answers besides.
type VSwitch struct {
	backend.VSwitch
	Name        string
	Description string
	Created     time.Time
	// FreeIPs counts the usable addresses no ENI holds.
	FreeIPs int
	// IPv6CIDR is the vSwitch's IPv6 /64, if IPv6 is on.
	IPv6CIDR netip.Prefix
}

// vpcRec is one VPC made through the API or a topology.
type vpcRec struct {
	VPC
}

// CreateVPCInput creates a VPC; CIDR defaults to 172.16.0.0/12.
type CreateVPCInput struct {
	Region      regions.ID
	CIDR        netip.Prefix
	Name        string
	Description string
	// UserCIDRs are the blocks the VPC's users take: at most 3.
	UserCIDRs []netip.Prefix
	// ResourceGroupID is the resource group the VPC goes in (rg-...), or none.
	ResourceGroupID string
	// EnableIPv6 gives the VPC an IPv6 /56: IPv6CIDR when set, else one the fake
	// picks; IPv6ISP is its line (BGP by default). Neither is taken without EnableIPv6.
	EnableIPv6 bool
	IPv6CIDR   netip.Prefix
	IPv6ISP    string
	// IPAMPool takes the VPC's block from a seeded IPAM pool: CIDR, inside the pool,
	// or, when CIDR is not set, the first free block of CIDRMask bits (8 to 28).
	IPAMPool string
	CIDRMask int
}

// CreateVPC implements CreateVpc.
func (b *Backend) CreateVPC(ctx context.Context, in CreateVPCInput) (v VPC, err error) {
	const op = OpCreateVPC
	if err := begin(ctx, b, op, in); err != nil {
		return VPC{}, err
	}
	defer func() { err = end(b, op, in, err) }()
	if err := checkRegion(op, in.Region); err != nil {
		return VPC{}, err
	}
	if in.IPAMPool != "" || in.CIDRMask != 0 {
		block, err := b.fromPool(op, in)
		if err != nil {
			return VPC{}, err
		}
		in.CIDR = block
	}
	if !in.CIDR.IsValid() {
		in.CIDR = netip.MustParsePrefix(defaultVPCPrefix)
	}
	if !in.CIDR.Addr().Is4() || in.CIDR.Bits() < 8 || in.CIDR.Bits() > 28 {
		return VPC{}, fail(op, "InvalidCidrBlock.Malformed", "The CIDR block of a VPC is an IPv4 block from /8 to /28.")
	}
	if err := checkResourceGroup(op, in.ResourceGroupID); err != nil {
		return VPC{}, err
	}
	if len(in.UserCIDRs) > 3 || slices.ContainsFunc(in.UserCIDRs, func(p netip.Prefix) bool { return !p.Addr().Is4() }) {
		return VPC{}, fail(op, "InvalidUserCidr.Malformed", "A VPC takes at most 3 user CIDR blocks, IPv4.")
	}
	block, isp, err := b.vpcIPv6(op, in)
	if err != nil {
		return VPC{}, err
	}
	r := &vpcRec{
		VPC{
			IPv6CIDR:    block,
			IPv6ISP:     isp,
			IPAMPool:    in.IPAMPool,
			ID:          b.newID("vpc"),
			Region:      in.Region,
			CIDR:        in.CIDR.Masked(),
			Name:        in.Name,
			Description: in.Description,
			Created:     b.clock().UTC(),
			UserCIDRs:   slices.Clone(in.UserCIDRs),

			ResourceGroupID: in.ResourceGroupID,
		},
	}
	b.s.vpcs[r.ID] = r
	return b.vpcView(r), nil
}

// fromPool picks a new VPC's block from its IPAM pool: the block given, inside the
// pool, or the first aligned free block of the mask; no two VPCs of a pool overlap.
func (b *Backend) fromPool(op backend.Op, in CreateVPCInput) (netip.Prefix, error) {
	pool, ok := inRegion(b.s.ipamPools, in.IPAMPool, in.Region)
	switch {
	case in.IPAMPool == "":
		return netip.Prefix{}, fail(op, "InvalidParameter", "Ipv4CidrMask is taken with Ipv4IpamPoolId only.")
	case !ok:
		return netip.Prefix{}, fail(op, "InvalidIpamPoolId.NotFound", "The IPAM pool "+in.IPAMPool+" does not exist in "+
			string(in.Region)+".")
	case in.CIDR.IsValid() == (in.CIDRMask != 0):
		return netip.Prefix{}, fail(op, "InvalidParameter", "A VPC of an IPAM pool takes CidrBlock or Ipv4CidrMask.")
	case !in.CIDR.IsValid() && (in.CIDRMask < 8 || in.CIDRMask > 28):
		return netip.Prefix{}, fail(op, "InvalidParameter", "Ipv4CidrMask is 8 to 28.")
	}
	taken := func(p netip.Prefix) bool {
		for _, v := range b.s.vpcs {
			if v.IPAMPool == pool.ID && v.CIDR.Overlaps(p) {
				return true
			}
		}
		return false
	}
	inside := func(p netip.Prefix) bool {
		return slices.ContainsFunc(pool.CIDRs, func(c netip.Prefix) bool { return c.Contains(p.Addr()) && p.Bits() >= c.Bits() })
	}
	if in.CIDR.IsValid() {
		switch {
		case !inside(in.CIDR.Masked()):
			return netip.Prefix{}, fail(op, "InvalidCidrBlock.NotInPool", "The CIDR block "+in.CIDR.String()+
				" is not in IPAM pool "+pool.ID+".")
		case taken(in.CIDR.Masked()):
			return netip.Prefix{}, fail(op, "InvalidCidrBlock.Overlapped", "The CIDR block "+in.CIDR.String()+
				" overlaps another VPC of IPAM pool "+pool.ID+".")
		}
		return in.CIDR, nil
	}
	for _, c := range pool.CIDRs {
		for p := range subnets(c, in.CIDRMask) {
			if !taken(p) {
				return p, nil
			}
		}
	}
	return netip.Prefix{}, fail(op, "QuotaExceeded.IpamPoolCidr", "IPAM pool "+pool.ID+" has no free /"+
		strconv.Itoa(in.CIDRMask)+" left.")
}

// vpcIPv6 checks the IPv6 parameters of a new VPC and picks its block.
func (b *Backend) vpcIPv6(op backend.Op, in CreateVPCInput) (netip.Prefix, string, error) {
	if !in.EnableIPv6 {
		if in.IPv6CIDR.IsValid() || in.IPv6ISP != "" {
			return netip.Prefix{}, "", fail(op, "InvalidParameter",
				"Ipv6CidrBlock and Ipv6Isp are taken with EnableIpv6=true only.")
		}
		return netip.Prefix{}, "", nil
	}
	isp := cmp.Or(in.IPv6ISP, "BGP")
	if !slices.Contains(ipv6ISPs, isp) {
		return netip.Prefix{}, "", fail(op, "InvalidParameter", "Ipv6Isp is one of "+strings.Join(ipv6ISPs, ", ")+".")
	}
	block := in.IPv6CIDR
	switch {
	case !block.IsValid():
		block = b.vpcIPv6Block()
	case block.Addr().Is4() || block.Bits() != 56 || block.Masked() != block:
		return netip.Prefix{}, "", fail(op, "InvalidParameter", "Ipv6CidrBlock is an IPv6 /56 block.")
	case b.ipv6BlockTaken(block):
		return netip.Prefix{}, "", fail(op, "InvalidIpv6CidrBlock.InUse", "The IPv6 block "+block.String()+
			" is another VPC's.")
	}
	return block, isp, nil
}

// DescribeVPC implements DescribeVpcAttribute.
func (b *Backend) DescribeVPC(ctx context.Context, region regions.ID, id string) (v VPC, err error) {
	const op = OpDescribeVPC
	if err := begin(ctx, b, op, id); err != nil {
		return VPC{}, err
	}
	defer func() { err = end(b, op, id, err) }()
	r, err := b.lookupVPC(op, region, id)
	if err != nil {
		return VPC{}, err
	}
	return b.vpcView(r), nil
}

// DeleteVPC implements DeleteVpc: a VPC that still has vSwitches is DependencyViolation.
func (b *Backend) DeleteVPC(ctx context.Context, region regions.ID, id string) (err error) {
	const op = OpDeleteVPC
	if err := begin(ctx, b, op, id); err != nil {
		return err
	}
	defer func() { err = end(b, op, id, err) }()
	r, err := b.lookupVPC(op, region, id)
	if err != nil {
		return err
	}
	if len(b.vpcView(r).VSwitches) > 0 {
		return fail(op, "DependencyViolation", "The specified VPC has vSwitches; delete them first.")
	}
	if len(r.Routes) > 0 || len(r.RouteTables) > 0 {
		return fail(op, "DependencyViolation", "The specified VPC has custom routes or route tables; delete them first.")
	}
	for _, e := range b.s.eips {
		if e.addr.Association.VPC == id {
			return fail(op, "DependencyViolation", "EIP "+string(e.addr.ID)+" is associated with an address of the VPC.")
		}
	}
	delete(b.s.vpcs, id)
	delete(b.s.tags, id)
	return nil
}

func (b *Backend) lookupVPC(op backend.Op, region regions.ID, id string) (*vpcRec, error) {
	if err := checkRegion(op, region); err != nil {
		return nil, err
	}
	r := b.s.vpcs[id]
	if r == nil || r.Region != region {
		return nil, fail(op, "InvalidVpcId.NotFound", "The specified VPC does not exist.")
	}
	return r, nil
}

func (b *Backend) vpcView(r *vpcRec) VPC {
	v := r.VPC
	v.Routes = slices.Clone(r.Routes)
	v.SecondaryCIDRs, v.UserCIDRs = slices.Clone(r.SecondaryCIDRs), slices.Clone(r.UserCIDRs)
	v.RouteTables = nil
	for _, t := range r.RouteTables {
		v.RouteTables = append(v.RouteTables, t.clone())
	}
	v.VSwitches = nil
	for id, s := range b.s.vswitches {
		if s.VPC == r.ID {
			v.VSwitches = append(v.VSwitches, id)
		}
	}
	slices.Sort(v.VSwitches)
	return v
}

// CreateVSwitchInput creates a vSwitch in a VPC the fake knows.
type CreateVSwitchInput struct {
	Region      regions.ID
	VPC         string
	Zone        string
	CIDR        netip.Prefix
	Name        string
	Description string
	// IPv6 gives the vSwitch the /64 of its VPC's IPv6 block whose eighth byte is
	// IPv6Index (0 to 255); the VPC must have IPv6 enabled.
	IPv6      bool
	IPv6Index int
}

// CreateVSwitch implements CreateVSwitch: the block must lie in the VPC's and overlap
// none of its other vSwitches.
func (b *Backend) CreateVSwitch(ctx context.Context, in CreateVSwitchInput) (v VSwitch, err error) {
	const op = OpCreateVSwitch
	if err := begin(ctx, b, op, in); err != nil {
		return VSwitch{}, err
	}
	defer func() { err = end(b, op, in, err) }()
	vpc, err := b.lookupVPC(op, in.Region, in.VPC)
	if err != nil {
		return VSwitch{}, err
	}
	switch {
	case in.Zone == "":
		return VSwitch{}, fail(
			op,
			"MissingParameter",
			"The input parameter ZoneId that is mandatory for processing this request is not supplied.",
		)
	case !strings.HasPrefix(in.Zone, string(in.Region)):
		return VSwitch{}, fail(op, "InvalidZoneId.NotFound", "The zone "+in.Zone+" is not in "+string(in.Region)+".")
	case !in.CIDR.IsValid() || !in.CIDR.Addr().Is4() || in.CIDR.Bits() < 16 || in.CIDR.Bits() > 29:
		return VSwitch{}, fail(
			op,
			"InvalidCidrBlock.Malformed",
			"The CIDR block of a vSwitch is an IPv4 block from /16 to /29.",
		)
	case !vpc.Holds(in.CIDR):
		return VSwitch{}, fail(
			op,
			"InvalidCIDRBlock.Mismatch",
			"The CIDR block is not within the VPC's "+vpc.CIDR.String()+".",
		)
	}
	for _, other := range b.s.vswitches {
		if other.VPC == in.VPC && other.CIDR.Overlaps(in.CIDR) {
			return VSwitch{}, fail(op, "InvalidCidrBlock.Overlapped", "The CIDR block overlaps vSwitch "+other.ID+".")
		}
	}
	s := &vswitch{ID: b.newID("vsw"), Region: in.Region, Zone: in.Zone, VPC: in.VPC, CIDR: in.CIDR.Masked(),
		Name: in.Name, Description: in.Description, Created: b.clock().UTC(), used: map[netip.Addr]string{}}
	if in.IPv6 {
		block, err := b.vswitchIPv6(op, vpc, in.IPv6Index)
		if err != nil {
			return VSwitch{}, err
		}
		s.IPv6CIDR = block
	}
	b.s.vswitches[s.ID] = s
	return s.view(), nil
}

// vswitchIPv6 picks the /64 of a new vSwitch: the VPC must have IPv6, and no other
// vSwitch of it may hold the same /64.
func (b *Backend) vswitchIPv6(op backend.Op, vpc *vpcRec, index int) (netip.Prefix, error) {
	switch {
	case !vpc.IPv6CIDR.IsValid():
		return netip.Prefix{}, fail(op, "OperationFailed.VpcNotEnableIpv6", "VPC "+vpc.ID+
			" has no IPv6 block: create it with EnableIpv6=true.")
	case index < 0 || index > 255:
		return netip.Prefix{}, fail(op, "InvalidParameter", "Ipv6CidrBlock is the eighth byte of the /64, 0 to 255.")
	}
	block := vswitchIPv6Block(vpc.IPv6CIDR, index)
	for _, other := range b.s.vswitches {
		if other.VPC == vpc.ID && other.IPv6CIDR == block {
			return netip.Prefix{}, fail(op, "InvalidCidrBlock.Overlapped", "The IPv6 block "+block.String()+
				" is vSwitch "+other.ID+"'s.")
		}
	}
	return block, nil
}

// DescribeVSwitch implements DescribeVSwitchAttributes.
func (b *Backend) DescribeVSwitch(ctx context.Context, region regions.ID, id string) (v VSwitch, err error) {
	const op = OpDescribeVSwitch
	if err := begin(ctx, b, op, id); err != nil {
		return VSwitch{}, err
	}
	defer func() { err = end(b, op, id, err) }()
	s, err := b.lookupVSwitch(op, region, id)
	if err != nil {
		return VSwitch{}, err
	}
	return s.view(), nil
}

// DeleteVSwitch implements DeleteVSwitch: a vSwitch that ENIs still use is
// DependencyViolation.
func (b *Backend) DeleteVSwitch(ctx context.Context, region regions.ID, id string) (err error) {
	const op = OpDeleteVSwitch
	if err := begin(ctx, b, op, id); err != nil {
		return err
	}
	defer func() { err = end(b, op, id, err) }()
	s, err := b.lookupVSwitch(op, region, id)
	if err != nil {
		return err
	}
	if len(s.used) > 0 {
		return fail(op, "DependencyViolation", "The specified vSwitch has ENIs or instances; delete them first.")
	}
	delete(b.s.vswitches, id)
	delete(b.s.tags, id)
	return nil
}

func (b *Backend) lookupVSwitch(op backend.Op, region regions.ID, id string) (*vswitch, error) {
	if err := checkRegion(op, region); err != nil {
		return nil, err
	}
	s := b.s.vswitches[id]
	if s == nil || s.Region != region {
		return nil, fail(op, "InvalidVSwitchId.NotFound", "The specified vSwitch does not exist.")
	}
	return s, nil
}

// view describes the vSwitch. Its free addresses are counted, not scanned: the cloud
// reserves four of each block (the first and the last three), and every address in
// used is a usable one (checkFree and next hand out no other).
func (v *vswitch) view() VSwitch {
	free := 1<<(32-v.CIDR.Bits()) - 4 - len(v.used)
	return VSwitch{
		VSwitch:     backend.VSwitch{ID: v.ID, Region: v.Region, Zone: v.Zone, VPC: v.VPC, CIDR: v.CIDR},
		IPv6CIDR:    v.IPv6CIDR,
		Name:        v.Name,
		Description: v.Description,
		Created:     v.Created,
		FreeIPs:     free,
	}
}
