package fake

import (
	"iter"
	"net/netip"
	"slices"
	"strconv"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/eni"
)

// IPv6 blocks and IPv4 prefixes, as the VPC and ECS API references describe them:
//
//   - a VPC with IPv6 enabled holds one /56 block (CreateVpc EnableIpv6, Ipv6CidrBlock,
//     Ipv6Isp); the cloud picks it when none is given;
//   - a vSwitch of such a VPC may take the /64 whose eighth byte is its Ipv6CidrBlock
//     (0 to 255) inside the VPC's /56;
//   - an ENI takes IPv6 addresses from its vSwitch's /64 (CreateNetworkInterface
//     Ipv6Address.N or Ipv6AddressCount): at most 10 while it is not attached
//     (AssignIpv6Addresses), the instance type's EniIpv6AddressQuantity when it is;
//   - an ENI takes IPv4 prefixes (Ipv4Prefix.N or Ipv4PrefixCount, 1 to 10 a call):
//     /28 blocks of its vSwitch, aligned, none of whose addresses is reserved or used.

// prefixBits is the size of the IPv4 prefixes an ENI takes (ECS API reference,
// CreateNetworkInterface Ipv4Prefix.N: "/28").
const prefixBits = 28

// maxPrefixesPerCall and maxUnattachedIPv6 are the ECS API reference's limits:
// Ipv4PrefixCount and Ipv4Prefix.N take 1 to 10; an ENI that is not attached holds at
// most 10 IPv6 addresses.
const (
	maxPrefixesPerCall = 10
	maxUnattachedIPv6  = 10
)

// ipv6ISPs are the values CreateVpc's Ipv6Isp takes; BGP is the default.
var ipv6ISPs = []string{"BGP", "ChinaMobile", "ChinaUnicom", "ChinaTelecom"}

// vpcIPv6Block returns a /56 that no VPC holds: the emulator hands them out from
// 2408:4000::/32, in order.
func (b *Backend) vpcIPv6Block() netip.Prefix {
	for n := 1; ; n++ {
		a := [16]byte{0x24, 0x08, 0x40, 0x00, byte(n >> 16), byte(n >> 8), byte(n)}
		p := netip.PrefixFrom(netip.AddrFrom16(a), 56)
		if !b.ipv6BlockTaken(p) {
			return p
		}
	}
}

func (b *Backend) ipv6BlockTaken(p netip.Prefix) bool {
	for _, v := range b.s.vpcs {
		if v.IPv6CIDR.IsValid() && v.IPv6CIDR.Overlaps(p) {
			return true
		}
	}
	return false
}

// vswitchIPv6Block is the /64 of a VPC's /56 whose eighth byte is index.
func vswitchIPv6Block(vpc netip.Prefix, index int) netip.Prefix {
	a := vpc.Masked().Addr().As16()
	a[7] = byte(index)
	return netip.PrefixFrom(netip.AddrFrom16(a), 64)
}

// checkIPv6 reports an error unless every address in want is in the vSwitch's IPv6
// block, free and not repeated, and the vSwitch has a block at all.
func (v *vswitch) checkIPv6(op backend.Op, want []netip.Addr) error {
	if len(want) == 0 {
		return nil
	}
	if !v.IPv6CIDR.IsValid() {
		return fail(op, "InvalidVSwitch.Ipv6NotTurnOn", "vSwitch "+v.ID+" has no IPv6 block: enable IPv6 on it first.")
	}
	seen := map[netip.Addr]bool{}
	for _, a := range want {
		switch {
		case !v.IPv6CIDR.Contains(a):
			return fail(op, "InvalidVSwitchId.IpInvalid", a.String()+" is not in the IPv6 block "+v.IPv6CIDR.String()+".")
		case a == v.IPv6CIDR.Addr():
			return fail(op, "InvalidPrivateIpAddress.Reserved", a.String()+" is the first address of the block.")
		case seen[a]:
			return fail(op, "InvalidIp.IpRepeated", "")
		case v.used6[a] != "":
			return fail(op, "InvalidPrivateIpAddress.Duplicated", "")
		}
		seen[a] = true
	}
	return nil
}

// takeIPv6 returns want followed by n free addresses of the vSwitch's IPv6 block, in
// order from its second address, after checking want.
func (v *vswitch) takeIPv6(op backend.Op, want []netip.Addr, n int) ([]netip.Addr, error) {
	if n > 0 && !v.IPv6CIDR.IsValid() {
		return nil, v.checkIPv6(op, []netip.Addr{{}})
	}
	if err := v.checkIPv6(op, want); err != nil {
		return nil, err
	}
	out := slices.Clone(want)
	for a := v.IPv6CIDR.Addr().Next(); len(out) < len(want)+n; a = a.Next() {
		if v.used6[a] == "" && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out, nil
}

// prefixAddrs iterates over the addresses of p.
func prefixAddrs(p netip.Prefix) iter.Seq[netip.Addr] {
	return func(yield func(netip.Addr) bool) {
		for a := p.Masked().Addr(); p.Contains(a); a = a.Next() {
			if !yield(a) {
				return
			}
		}
	}
}

// subnets iterates over the aligned IPv4 blocks of bits bits inside block, lowest
// first; none when bits is shorter than the block's own or block is not IPv4.
func subnets(block netip.Prefix, bits int) iter.Seq[netip.Prefix] {
	return func(yield func(netip.Prefix) bool) {
		if !block.Addr().Is4() || bits < block.Bits() || bits > 32 {
			return
		}
		b := block.Masked().Addr().As4()
		base := uint64(b[0])<<24 | uint64(b[1])<<16 | uint64(b[2])<<8 | uint64(b[3])
		for i := range uint64(1) << (bits - block.Bits()) {
			a := base + i<<(32-bits)
			if !yield(netip.PrefixFrom(netip.AddrFrom4([4]byte{byte(a >> 24), byte(a >> 16), byte(a >> 8), byte(a)}), bits)) {
				return
			}
		}
	}
}

// checkPrefixes reports an error unless every prefix in want is a /28 of the vSwitch,
// aligned, with no reserved or used address (nor one of also, addresses the call takes
// that are not marked used yet), and none repeated or overlapping.
func (v *vswitch) checkPrefixes(op backend.Op, want []netip.Prefix, also []netip.Addr) error {
	for i, p := range want {
		switch {
		case p.Bits() != prefixBits || p.Masked() != p || !p.Addr().Is4():
			return fail(op, "InvalidParameter", p.String()+" is not an IPv4 /28 prefix.")
		case !v.CIDR.Contains(p.Addr()) || v.CIDR.Bits() > prefixBits:
			return fail(op, "InvalidVSwitchId.IpInvalid", p.String()+" is not in the CIDR block "+v.CIDR.String()+".")
		case slices.ContainsFunc(want[:i], p.Overlaps):
			return fail(op, "InvalidIp.IpRepeated", "")
		}
		for a := range prefixAddrs(p) {
			if !v.usable(a) {
				return fail(op, "InvalidPrivateIpAddress.Reserved", p.String()+" holds "+a.String()+
					", which vSwitch "+v.ID+" reserves.")
			}
			if v.used[a] != "" || slices.Contains(also, a) {
				return fail(op, "InvalidPrivateIpAddress.Duplicated", p.String()+" holds "+a.String()+", which is in use.")
			}
		}
	}
	return nil
}

// takePrefixes returns want followed by n free /28 prefixes of the vSwitch, lowest
// first, clear of the addresses in also, after checking want; the vSwitch has not
// enough room: InvalidVSwitchId.IpNotEnough.
func (v *vswitch) takePrefixes(op backend.Op, want []netip.Prefix, n int, also []netip.Addr) ([]netip.Prefix, error) {
	if len(want)+n > maxPrefixesPerCall {
		return nil, fail(op, "InvalidParameter", "A call takes 1 to "+strconv.Itoa(maxPrefixesPerCall)+" IPv4 prefixes.")
	}
	if err := v.checkPrefixes(op, want, also); err != nil {
		return nil, err
	}
	out := slices.Clone(want)
	for p := range subnets(v.CIDR, prefixBits) {
		if len(out) == len(want)+n {
			break
		}
		if !slices.ContainsFunc(out, p.Overlaps) && v.checkPrefixes(op, []netip.Prefix{p}, also) == nil {
			out = append(out, p)
		}
	}
	if len(out) < len(want)+n {
		return nil, fail(op, "InvalidVSwitchId.IpNotEnough", "vSwitch "+v.ID+" has no free /28 left.")
	}
	return out, nil
}

// hold marks the addresses of prefixes and of the IPv6 addresses as the ENI's.
func (v *vswitch) hold(id eni.ID, prefixes []netip.Prefix, ipv6 []netip.Addr) {
	for _, p := range prefixes {
		for a := range prefixAddrs(p) {
			v.used[a] = string(id)
		}
	}
	if len(ipv6) > 0 && v.used6 == nil {
		v.used6 = map[netip.Addr]string{}
	}
	for _, a := range ipv6 {
		v.used6[a] = string(id)
	}
}

// release gives the addresses of prefixes and of the IPv6 addresses back.
func (v *vswitch) release(prefixes []netip.Prefix, ipv6 []netip.Addr) {
	for _, p := range prefixes {
		for a := range prefixAddrs(p) {
			v.free(a)
		}
	}
	for _, a := range ipv6 {
		delete(v.used6, a)
	}
}

// ipv6Limit is the most IPv6 addresses the ENI may hold: 10 when it is not attached,
// the instance type's EniIpv6AddressQuantity when it is and the catalog gives the
// type (0 when the type has none), 10 when the type's quantity is not known.
func (b *Backend) ipv6Limit(r *eniRec) int {
	inst := b.s.instances[r.iface.Instance]
	if inst == nil {
		return maxUnattachedIPv6
	}
	if t, ok := b.catalog.instanceType(inst.Type); ok {
		return t.IPv6PerENI
	}
	return maxUnattachedIPv6
}
