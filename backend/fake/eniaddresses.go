package fake

import (
	"context"
	"net/netip"
	"slices"
	"strconv"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
)

// The operations this file implements, with their declarations (see backend.Declare).
const (
	OpAssignIPv6   backend.Op = "AssignIpv6Addresses"
	OpUnassignIPv6 backend.Op = "UnassignIpv6Addresses"
)

var _ = backend.Declare(
	backend.Operation{API: backend.ECS, Op: OpAssignIPv6, Mutates: true},
	backend.Operation{API: backend.ECS, Op: OpUnassignIPv6, Mutates: true},
)

// ENIAddressChange adds or removes an ENI's IPv4 prefixes or IPv6 addresses: what
// AssignPrivateIpAddresses and UnassignPrivateIpAddresses do with Ipv4Prefix.N and
// Ipv4PrefixCount, and what AssignIpv6Addresses and UnassignIpv6Addresses do.
type ENIAddressChange struct {
	Region regions.ID
	ENI    eni.ID
	// Prefixes and PrefixCount (adding only) are the IPv4 /28 prefixes;
	// IPv6 and IPv6Count (adding only) the IPv6 addresses. A change names one kind.
	Prefixes    []netip.Prefix
	PrefixCount int
	IPv6        []netip.Addr
	IPv6Count   int
	ClientToken string
}

// ENIAddresses are the prefixes and IPv6 addresses a change added.
type ENIAddresses struct {
	Prefixes []netip.Prefix
	IPv6     []netip.Addr
}

// ChangeENIAddresses applies c for op: OpAssignPrivateIPs and OpUnassignPrivateIPs
// change IPv4 prefixes, OpAssignIPv6 and OpUnassignIPv6 IPv6 addresses. The ENI must be
// Available or InUse. An ENI that carries a cut-through EIP takes no prefix
// (OperationFailed.IpPrefixConflict); its secondary addresses and prefixes together
// stay within the instance type's private addresses per ENI, less the primary; its
// IPv6 addresses within 10 while it is not attached, the type's EniIpv6AddressQuantity
// when it is.
func (b *Backend) ChangeENIAddresses(ctx context.Context, op backend.Op, c ENIAddressChange) (out ENIAddresses, err error) {
	if err := begin(ctx, b, op, c); err != nil {
		return ENIAddresses{}, err
	}
	defer func() { err = end(b, op, c, err) }()
	if res, replay, err := b.checkToken(op, c.ClientToken, c); err != nil || replay {
		if replay {
			added := res.(ENIAddresses)
			return ENIAddresses{slices.Clone(added.Prefixes), slices.Clone(added.IPv6)}, nil
		}
		return ENIAddresses{}, err
	}
	r, err := b.lookupENI(op, c.Region, c.ENI)
	if err != nil {
		return ENIAddresses{}, err
	}
	if r.iface.Status != eni.Available && r.iface.Status != eni.InUse {
		return ENIAddresses{}, fail(op, "InvalidOperation.InvalidEniState", "")
	}
	vsw := b.s.vswitches[r.iface.VSwitch]
	switch op {
	case backend.OpAssignPrivateIPs:
		out.Prefixes, err = b.addPrefixes(op, r, vsw, c)
	case backend.OpUnassignPrivateIPs:
		err = removeAll(op, &r.iface.IPv4Prefixes, c.Prefixes, func(p netip.Prefix) { vsw.release([]netip.Prefix{p}, nil) })
	case OpAssignIPv6:
		out.IPv6, err = b.addIPv6(op, r, vsw, c)
	case OpUnassignIPv6:
		err = removeAll(op, &r.iface.IPv6, c.IPv6, func(a netip.Addr) { vsw.release(nil, []netip.Addr{a}) })
	default:
		err = fail(op, "InvalidParameter", string(op)+" changes no ENI address.")
	}
	if err != nil {
		return ENIAddresses{}, err
	}
	b.rememberToken(op, c.ClientToken, c, ENIAddresses{slices.Clone(out.Prefixes), slices.Clone(out.IPv6)})
	return out, nil
}

func (b *Backend) addPrefixes(op backend.Op, r *eniRec, vsw *vswitch, c ENIAddressChange) ([]netip.Prefix, error) {
	switch {
	case (len(c.Prefixes) == 0) == (c.PrefixCount <= 0):
		return nil, fail(op, "InvalidParameter", "Give either Ipv4Prefix.N or Ipv4PrefixCount.")
	case b.carries(r, modes.Binded):
		return nil, fail(op, "OperationFailed.IpPrefixConflict", "An ENI that carries a cut-through EIP takes no IPv4 prefix.")
	}
	add := len(c.Prefixes) + c.PrefixCount
	if limit := b.privateIPLimit(r); r.iface.PrivateIPCount()+len(r.iface.IPv4Prefixes)+add > limit {
		return nil, fail(op, "InvalidOperation.Ipv4CountExceeded", "The ENI's secondary addresses and IPv4 prefixes "+
			"together are at most "+strconv.Itoa(limit-1)+".")
	}
	added, err := vsw.takePrefixes(op, c.Prefixes, c.PrefixCount, nil)
	if err != nil {
		return nil, err
	}
	vsw.hold(r.iface.ID, added, nil)
	r.iface.IPv4Prefixes = append(r.iface.IPv4Prefixes, added...)
	return added, nil
}

func (b *Backend) addIPv6(op backend.Op, r *eniRec, vsw *vswitch, c ENIAddressChange) ([]netip.Addr, error) {
	if (len(c.IPv6) == 0) == (c.IPv6Count <= 0) {
		return nil, fail(op, "InvalidParameter", "Give either Ipv6Address.N or Ipv6AddressCount.")
	}
	if limit := b.ipv6Limit(r); len(r.iface.IPv6)+len(c.IPv6)+c.IPv6Count > limit {
		return nil, fail(op, "InvalidOperation.Ipv6CountExceeded", "The ENI can hold at most "+strconv.Itoa(limit)+
			" IPv6 addresses.")
	}
	added, err := vsw.takeIPv6(op, c.IPv6, c.IPv6Count)
	if err != nil {
		return nil, err
	}
	vsw.hold(r.iface.ID, nil, added)
	r.iface.IPv6 = append(r.iface.IPv6, added...)
	return added, nil
}

// removeAll removes every item of gone from *have, calling release on each; an item
// the ENI does not hold is InvalidIp.IpUnassigned, and nothing is removed.
func removeAll[T comparable](op backend.Op, have *[]T, gone []T, release func(T)) error {
	if len(gone) == 0 {
		return fail(op, "MissingParameter", "Name the addresses or prefixes to remove.")
	}
	for _, g := range gone {
		if !slices.Contains(*have, g) {
			return fail(op, "InvalidIp.IpUnassigned", "")
		}
	}
	*have = slices.DeleteFunc(*have, func(v T) bool {
		if slices.Contains(gone, v) {
			release(v)
			return true
		}
		return false
	})
	return nil
}
