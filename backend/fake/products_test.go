package fake_test

import (
	"context"
	"errors"
	"net/netip"
	"testing"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/eip"
)

// TestIPAMPools: a VPC of a seeded IPAM pool (10.0.0.0/8 here) takes its block from the
// pool: by mask, the first aligned free block (10.0.0.0/16, then 10.1.0.0/16, worked
// out by hand); given, a block inside the pool that no other VPC of the pool holds.
func TestIPAMPools(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := fake.New(fake.Options{})
	if err := f.Seed(fake.Topology{IPAMPools: []fake.IPAMPool{{ID: "ipam-pool-1", Region: region,
		CIDRs: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}}}}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"10.0.0.0/16", "10.1.0.0/16"} {
		v, err := f.CreateVPC(ctx, fake.CreateVPCInput{Region: region, IPAMPool: "ipam-pool-1", CIDRMask: 16})
		if err != nil {
			t.Fatal(err)
		}
		if v.CIDR.String() != want || v.IPAMPool != "ipam-pool-1" {
			t.Errorf("a /16 from the pool: %s of %q, want %s", v.CIDR, v.IPAMPool, want)
		}
	}
	for _, tc := range []struct {
		in   fake.CreateVPCInput
		code string
	}{
		{fake.CreateVPCInput{IPAMPool: "ipam-pool-1", CIDR: netip.MustParsePrefix("10.1.128.0/17")}, "InvalidCidrBlock.Overlapped"},
		{fake.CreateVPCInput{IPAMPool: "ipam-pool-1", CIDR: netip.MustParsePrefix("172.16.0.0/16")}, "InvalidCidrBlock.NotInPool"},
		{fake.CreateVPCInput{IPAMPool: "ipam-none", CIDRMask: 16}, "InvalidIpamPoolId.NotFound"},
		{fake.CreateVPCInput{CIDRMask: 16}, "InvalidParameter"},
		{fake.CreateVPCInput{IPAMPool: "ipam-pool-1"}, "InvalidParameter"},
	} {
		tc.in.Region = region
		if _, err := f.CreateVPC(ctx, tc.in); backend.Code(err) != tc.code {
			t.Errorf("%+v: %v, want %s", tc.in, err, tc.code)
		}
	}
	if _, err := f.CreateVPC(ctx, fake.CreateVPCInput{Region: region, IPAMPool: "ipam-pool-1",
		CIDR: netip.MustParsePrefix("10.2.0.0/16")}); err != nil {
		t.Errorf("a free block of the pool: %v", err)
	}
}

// TestSeedProductsChecked: a prefix list, peer group or pool without its ID, region or
// contents, or seeded twice, is a topology error, and the account is left as it was.
func TestSeedProductsChecked(t *testing.T) {
	t.Parallel()
	block := []netip.Prefix{netip.MustParsePrefix("203.0.113.0/24")}
	for _, top := range []fake.Topology{
		{PrefixLists: []fake.PrefixList{{ID: "pl-1", Region: region}}},
		{PrefixLists: []fake.PrefixList{{Region: region, Entries: block}}},
		{PeerGroups: []fake.PeerGroup{{ID: "sg-1", Region: region}}},
		{PeerGroups: []fake.PeerGroup{{ID: "sg-1", Region: region, Account: fake.AccountID}}},
		{IPAMPools: []fake.IPAMPool{{ID: "ipam-1", Region: "nowhere", CIDRs: block}}},
		{IPAMPools: []fake.IPAMPool{{ID: "ipam-1", Region: region, CIDRs: []netip.Prefix{netip.MustParsePrefix("2001:db8::/32")}}}},
		{PublicIPPools: []fake.PublicIPPool{{ID: "pool-1", Region: region, CIDRs: block}, {ID: "pool-1", Region: region,
			CIDRs: block}}},
	} {
		f := fake.New(fake.Options{})
		if err := f.Seed(top); !errors.Is(err, fake.ErrTopology) {
			t.Errorf("%+v: %v, want a topology error", top, err)
		}
	}
}

// TestPublicIPPools: an EIP of a named pool takes the pool's first free address after
// the block's own (203.0.113.1, then .2: worked out by hand) and reports the pool; an
// address asked for alone must lie in a pool of the region and reports none; a taken
// address, or one in no pool, is refused.
func TestPublicIPPools(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := fake.New(fake.Options{})
	if err := f.Seed(fake.Topology{PublicIPPools: []fake.PublicIPPool{{ID: "pool-1", Region: region,
		CIDRs: []netip.Prefix{netip.MustParsePrefix("203.0.113.0/24")}}}}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"203.0.113.1", "203.0.113.2"} {
		a, err := f.AllocateEIP(ctx, backend.AllocateEIPInput{Region: region, Settings: eip.Settings{PublicIPPool: "pool-1"}})
		if err != nil {
			t.Fatal(err)
		}
		if a.IP.String() != want || a.Settings.PublicIPPool != "pool-1" {
			t.Errorf("from the pool: %s of %q, want %s of pool-1", a.IP, a.Settings.PublicIPPool, want)
		}
	}
	a, err := f.AllocateEIP(ctx, backend.AllocateEIPInput{Region: region, IP: netip.MustParseAddr("203.0.113.9")})
	if err != nil || a.IP.String() != "203.0.113.9" || a.Settings.PublicIPPool != "" {
		t.Errorf("an address asked for alone: %v %v", a, err)
	}
	for _, tc := range []struct {
		in   backend.AllocateEIPInput
		code string
	}{
		{backend.AllocateEIPInput{IP: netip.MustParseAddr("203.0.113.9")}, "InvalidIpAddress.AlreadyExist"},
		{backend.AllocateEIPInput{IP: netip.MustParseAddr("198.51.100.1")}, "InvalidIpAddress.NotInPool"},
		{backend.AllocateEIPInput{Settings: eip.Settings{PublicIPPool: "pool-none"}}, "InvalidPublicIpAddressPoolId.NotFound"},
	} {
		tc.in.Region = region
		if _, err := f.AllocateEIP(ctx, tc.in); backend.Code(err) != tc.code {
			t.Errorf("%+v: %v, want %s", tc.in, err, tc.code)
		}
	}
}

// TestRestoreReleasedEIP: AllocateEipAddress with a released EIP's ID (InstanceId) takes
// it back with its ID and address, once; an EIP never released, or one released in
// another region, cannot be taken back; nor beside an address asked for.
func TestRestoreReleasedEIP(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := fake.New(fake.Options{})
	a, err := f.AllocateEIP(ctx, backend.AllocateEIPInput{Region: region})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.ReleaseEIP(ctx, backend.ReleaseEIPInput{Region: region, EIP: a.ID}); err != nil {
		t.Fatal(err)
	}
	back, err := f.AllocateEIP(ctx, backend.AllocateEIPInput{Region: region, Restore: a.ID})
	if err != nil || back.ID != a.ID || back.IP != a.IP {
		t.Fatalf("taking back %s (%s): %v %v", a.ID, a.IP, back, err)
	}
	for _, tc := range []struct {
		in   backend.AllocateEIPInput
		code string
	}{
		{backend.AllocateEIPInput{Region: region, Restore: a.ID}, "InvalidInstanceId.NotFound"}, // taken back already
		{backend.AllocateEIPInput{Region: region, Restore: "eip-never"}, "InvalidInstanceId.NotFound"},
		{backend.AllocateEIPInput{Region: "cn-hangzhou", Restore: a.ID}, "InvalidInstanceId.NotFound"},
		{backend.AllocateEIPInput{Region: region, Restore: a.ID, IP: a.IP}, "InvalidParameter"},
	} {
		if _, err := f.AllocateEIP(ctx, tc.in); backend.Code(err) != tc.code {
			t.Errorf("%+v: %v, want %s", tc.in, err, tc.code)
		}
	}
}
