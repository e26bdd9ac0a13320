package fake_test

import (
	"context"
	"net/netip"
	"testing"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/eni"
	"pgregory.net/rapid"
)

// TestAddressingInvariants drives a dual-stack /26 vSwitch with random ENIs, secondary
// addresses, IPv4 prefixes and IPv6 addresses, made, changed and deleted, and checks
// after every step what the VPC API reference says of a vSwitch's addresses: every
// IPv4 address the ENIs hold (their own and every address of their /28 prefixes) is in
// the block, is none of the four the cloud reserves (the first and the last three),
// and is held once; prefixes are aligned /28s; IPv6 addresses are in the vSwitch's /64
// and held once; and the vSwitch counts as free exactly the 64 - 4 addresses no ENI
// holds.
func TestAddressingInvariants(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ctx := context.Background()
		f := fake.New(fake.Options{Seed: rapid.Uint64().Draw(t, "seed")})
		vpc, err := f.CreateVPC(ctx, fake.CreateVPCInput{Region: region, CIDR: netip.MustParsePrefix("10.0.0.0/16"),
			EnableIPv6: true})
		if err != nil {
			t.Fatal(err)
		}
		vsw, err := f.CreateVSwitch(ctx, fake.CreateVSwitchInput{Region: region, VPC: vpc.ID, Zone: "cn-shanghai-b",
			CIDR: netip.MustParsePrefix("10.0.0.0/26"), IPv6: true, IPv6Index: 1})
		if err != nil {
			t.Fatal(err)
		}
		var made []eni.ID
		pick := func(t *rapid.T) (eni.ID, bool) {
			if len(made) == 0 {
				return "", false
			}
			return rapid.SampledFrom(made).Draw(t, "eni"), true
		}
		steps := rapid.IntRange(1, 25).Draw(t, "steps")
		for range steps {
			switch rapid.IntRange(0, 4).Draw(t, "action") {
			case 0:
				n, err := f.CreateENI(ctx, backend.CreateENIInput{Region: region, VSwitch: vsw.ID,
					SecondaryIPCount: rapid.IntRange(0, 3).Draw(t, "secondary"),
					IPv4PrefixCount:  rapid.IntRange(0, 2).Draw(t, "prefixes"),
					IPv6Count:        rapid.IntRange(0, 3).Draw(t, "ipv6")})
				if err == nil {
					made = append(made, n.ID)
				}
			case 1:
				if id, ok := pick(t); ok {
					if f.DeleteENI(ctx, backend.DeleteENIInput{Region: region, ENI: id}) == nil {
						made = deleteID(made, id)
					}
				}
			case 2:
				if id, ok := pick(t); ok {
					_, _ = f.ChangeENIAddresses(ctx, backend.OpAssignPrivateIPs, fake.ENIAddressChange{Region: region,
						ENI: id, PrefixCount: 1})
				}
			case 3:
				if id, ok := pick(t); ok {
					_, _ = f.ChangeENIAddresses(ctx, fake.OpAssignIPv6, fake.ENIAddressChange{Region: region, ENI: id,
						IPv6Count: rapid.IntRange(1, 2).Draw(t, "more")})
				}
			case 4:
				if id, ok := pick(t); ok {
					n := describe(t, f, id)
					if len(n.IPv4Prefixes) > 0 {
						_, _ = f.ChangeENIAddresses(ctx, backend.OpUnassignPrivateIPs, fake.ENIAddressChange{Region: region,
							ENI: id, Prefixes: n.IPv4Prefixes[:1]})
					}
				}
			}
			checkAddressing(t, f, vsw, made)
		}
	})
}

func deleteID(ids []eni.ID, id eni.ID) []eni.ID {
	out := ids[:0]
	for _, x := range ids {
		if x != id {
			out = append(out, x)
		}
	}
	return out
}

func describe(t *rapid.T, f *fake.Backend, id eni.ID) eni.Interface {
	page, err := f.DescribeENIs(context.Background(), backend.DescribeENIsInput{Region: region, IDs: []eni.ID{id}})
	if err != nil || len(page.ENIs) != 1 {
		t.Fatalf("describing %s: %v %v", id, page, err)
	}
	return page.ENIs[0]
}

func checkAddressing(t *rapid.T, f *fake.Backend, vsw fake.VSwitch, made []eni.ID) {
	block := vsw.CIDR
	first, last := block.Addr(), netip.MustParseAddr("10.0.0.63")
	reserved := map[netip.Addr]bool{first: true, last: true, last.Prev(): true, last.Prev().Prev(): true}
	held, held6 := map[netip.Addr]bool{}, map[netip.Addr]bool{}
	hold := func(a netip.Addr, what string) {
		switch {
		case !block.Contains(a):
			t.Fatalf("%s %s is outside %s", what, a, block)
		case reserved[a]:
			t.Fatalf("%s %s is one the vSwitch reserves", what, a)
		case held[a]:
			t.Fatalf("%s %s is held twice", what, a)
		}
		held[a] = true
	}
	for _, id := range made {
		n := describe(t, f, id)
		for _, a := range n.PrivateIPs() {
			hold(a, "address")
		}
		for _, p := range n.IPv4Prefixes {
			if p.Bits() != 28 || p.Masked() != p {
				t.Fatalf("prefix %s is not an aligned /28", p)
			}
			for a := p.Addr(); p.Contains(a); a = a.Next() {
				hold(a, "prefix address")
			}
		}
		for _, a := range n.IPv6 {
			if !vsw.IPv6CIDR.Contains(a) || held6[a] {
				t.Fatalf("IPv6 address %s: outside %s or held twice", a, vsw.IPv6CIDR)
			}
			held6[a] = true
		}
	}
	now, err := f.DescribeVSwitch(context.Background(), region, vsw.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := 64 - 4 - len(held); now.FreeIPs != want {
		t.Fatalf("the vSwitch counts %d free addresses; 64 - 4 reserved - %d held = %d", now.FreeIPs, len(held), want)
	}
}
