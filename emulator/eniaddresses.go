package emulator

import (
	"context"
	"net/netip"
	"slices"
	"strconv"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
)

// The IPv6 addresses and IPv4 prefixes of ENIs: the parameters that name them, and
// AssignIpv6Addresses, UnassignIpv6Addresses and the prefix form of
// Assign/UnassignPrivateIpAddresses (fake.Backend.ChangeENIAddresses).

// ipv6Params reads the IPv6 addresses (Ipv6Address.N, at most 10) and count
// (Ipv6AddressCount) of a call, under prefix.
func ipv6Params(p *params, prefix string) ([]netip.Addr, int, error) {
	ips, err := p.addrs(prefix+"Ipv6Address", 10)
	if err != nil {
		return nil, 0, err
	}
	if slices.ContainsFunc(ips, netip.Addr.Is4) {
		return nil, 0, p.badParam(prefix+"Ipv6Address", "IPv6 addresses")
	}
	n, err := p.integer(prefix + "Ipv6AddressCount")
	return ips, n, err
}

// prefixParams reads the IPv4 prefixes (Ipv4Prefix.N, at most 10) and count
// (Ipv4PrefixCount) of a call.
func prefixParams(p *params) ([]netip.Prefix, int, error) {
	out, err := prefixList(p)
	if err != nil {
		return nil, 0, err
	}
	n, err := p.integer("Ipv4PrefixCount")
	return out, n, err
}

// prefixList reads the IPv4 prefixes of a call (Ipv4Prefix.N, at most 10).
func prefixList(p *params) ([]netip.Prefix, error) {
	items, err := p.list("Ipv4Prefix", 10)
	if err != nil {
		return nil, err
	}
	var out []netip.Prefix
	for i, item := range items {
		block, err := netip.ParsePrefix(item)
		if err != nil {
			return nil, p.badParam("Ipv4Prefix."+strconv.Itoa(i+1), "an IPv4 prefix such as 192.168.0.16/28")
		}
		out = append(out, block)
	}
	return out, nil
}

// changeAddresses answers the calls that change an ENI's IPv4 prefixes or IPv6
// addresses (fake.Backend.ChangeENIAddresses), with what they added.
func (s *Server) changeAddresses(ctx context.Context, p *params, c fake.ENIAddressChange) (any, error) {
	base, err := s.eniRequest(p)
	if err != nil {
		return nil, err
	}
	c.Region, c.ENI, c.ClientToken = base.Region, base.ENI, p.str("ClientToken")
	added, err := s.b.ChangeENIAddresses(ctx, p.op, c)
	if err != nil {
		return nil, err
	}
	switch p.op {
	case backend.OpAssignPrivateIPs:
		out := assignedAnswer{RequestID: newRequestID()}
		out.Set.NetworkInterfaceID = string(c.ENI)
		out.Set.PrivateIPSet.PrivateIPAddress, out.Set.Ipv4PrefixSet.Ipv4Prefixes = []string{}, []string{}
		for _, block := range added.Prefixes {
			out.Set.Ipv4PrefixSet.Ipv4Prefixes = append(out.Set.Ipv4PrefixSet.Ipv4Prefixes, block.String())
		}
		return out, nil
	case fake.OpAssignIPv6:
		out := assignedIPv6Answer{RequestID: newRequestID(), NetworkInterfaceID: string(c.ENI)}
		out.Ipv6Sets.Ipv6Address = []string{}
		for _, a := range added.IPv6 {
			out.Ipv6Sets.Ipv6Address = append(out.Ipv6Sets.Ipv6Address, a.String())
		}
		return out, nil
	}
	return ok()
}

// assignedAnswer is AssignPrivateIpAddresses' answer: the addresses or prefixes added.
type assignedAnswer struct {
	RequestID string `json:"RequestId"`
	Set       struct {
		NetworkInterfaceID string `json:"NetworkInterfaceId"`
		PrivateIPSet       struct {
			PrivateIPAddress []string `json:"PrivateIpAddress"`
		} `json:"PrivateIpSet"`
		Ipv4PrefixSet struct {
			Ipv4Prefixes []string
		}
	} `json:"AssignedPrivateIpAddressesSet"`
}

// assignedIPv6Answer is AssignIpv6Addresses' answer: the addresses added.
type assignedIPv6Answer struct {
	RequestID          string `json:"RequestId"`
	NetworkInterfaceID string `json:"NetworkInterfaceId"`
	Ipv6Sets           struct {
		Ipv6Address []string
	}
}

func (s *Server) assignIPv6(ctx context.Context, p *params) (any, error) {
	var c fake.ENIAddressChange
	var err error
	if c.IPv6, c.IPv6Count, err = ipv6Params(p, ""); err != nil {
		return nil, err
	}
	return s.changeAddresses(ctx, p, c)
}

func (s *Server) unassignIPv6(ctx context.Context, p *params) (any, error) {
	ips, err := p.addrs("Ipv6Address", 10)
	if err != nil {
		return nil, err
	}
	return s.changeAddresses(ctx, p, fake.ENIAddressChange{IPv6: ips})
}

// The routes of this file's handlers: for each operation, the parameters it models or
// keeps and the handler that answers it (see addRoutes).
var _ = addRoutes(
	route{API: backend.ECS, Op: fake.OpAssignIPv6, Handler: func(s *Server) handler { return s.assignIPv6 },
		Params: modelledParams("RegionId", "NetworkInterfaceId", `^Ipv6Address\.[^.]+$`, "Ipv6AddressCount",
			"ClientToken")},
	route{API: backend.ECS, Op: fake.OpUnassignIPv6, Handler: func(s *Server) handler { return s.unassignIPv6 },
		Params: modelledParams("RegionId", "NetworkInterfaceId", `^Ipv6Address\.[^.]+$`, "ClientToken")},
)
