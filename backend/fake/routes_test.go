package fake_test

import (
	"context"
	"net/netip"
	"testing"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
)

// TestRouteEntries: a custom route of a VPC's system route table goes through an ENI
// of the VPC; a second route to the same block is InvalidCIDRBlock.Duplicate, a next
// hop in another VPC is refused, and the ENI, the VPC and an unknown route cannot be
// deleted while (or unless) the route is there.
func TestRouteEntries(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := fake.New(fake.Options{})
	if err := f.Seed(fake.Topology{
		VPCs: []fake.VPCSpec{{ID: "vpc-a", Region: region, CIDR: netip.MustParsePrefix("10.0.0.0/16")},
			{ID: "vpc-b", Region: region, CIDR: netip.MustParsePrefix("10.1.0.0/16")}},
		VSwitches: []fake.VSwitchSpec{
			{ID: "vsw-a", Region: region, Zone: "cn-shanghai-b", VPC: "vpc-a", CIDR: netip.MustParsePrefix("10.0.1.0/24")},
			{ID: "vsw-b", Region: region, Zone: "cn-shanghai-b", VPC: "vpc-b", CIDR: netip.MustParsePrefix("10.1.1.0/24")}},
		ENIs: []fake.ENISpec{{ID: "eni-a", VSwitch: "vsw-a"}, {ID: "eni-b", VSwitch: "vsw-b"}},
	}); err != nil {
		t.Fatal(err)
	}
	table := fake.SystemRouteTable("vpc-a")
	route := func(dest, hop string) fake.RouteEntryInput {
		return fake.RouteEntryInput{Region: region, Table: table, RouteEntry: fake.RouteEntry{
			Destination: netip.MustParsePrefix(dest), NextHopType: "NetworkInterface", NextHop: hop}}
	}
	if err := f.CreateRouteEntry(ctx, route("0.0.0.0/0", "eni-a")); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		err  error
		want string
	}{
		{f.CreateRouteEntry(ctx, route("0.0.0.0/0", "eni-a")), "InvalidCIDRBlock.Duplicate"},
		{f.CreateRouteEntry(ctx, route("192.168.0.0/16", "eni-b")), "InvalidParameter"},
		{f.DeleteENI(ctx, backend.DeleteENIInput{Region: region, ENI: "eni-a"}), "DependencyViolation"},
		{f.DeleteRouteEntry(ctx, route("172.16.0.0/12", "eni-a")), "InvalidRouteEntry.NotFound"},
	} {
		if got := backend.Code(tc.err); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.err, got, tc.want)
		}
	}
	if got := f.Topology().VPCs[0].Routes; len(got) != 1 || got[0].NextHop != "eni-a" {
		t.Errorf("the state's routes: %+v", got)
	}
	if err := f.DeleteRouteEntry(ctx, route("0.0.0.0/0", "eni-a")); err != nil {
		t.Fatal(err)
	}
	if err := f.DeleteENI(ctx, backend.DeleteENIInput{Region: region, ENI: "eni-a"}); err != nil {
		t.Errorf("the ENI after its route went: %v", err)
	}
}
