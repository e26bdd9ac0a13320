package fake_test

import (
	"context"
	"net/netip"
	"testing"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
)

// TestSecondaryCIDRs: a VPC takes a secondary block that overlaps none of its own, a
// vSwitch may then take its block from it, and the block stays while the vSwitch
// does; the state keeps the blocks.
func TestSecondaryCIDRs(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := fake.New(fake.Options{})
	v, err := f.CreateVPC(ctx, fake.CreateVPCInput{Region: region, CIDR: netip.MustParsePrefix("10.0.0.0/16"),
		UserCIDRs: []netip.Prefix{netip.MustParsePrefix("100.64.0.0/16")}})
	if err != nil {
		t.Fatal(err)
	}
	second := netip.MustParsePrefix("172.16.0.0/16")
	vsw := fake.CreateVSwitchInput{Region: region, VPC: v.ID, Zone: "cn-shanghai-b", CIDR: netip.MustParsePrefix("172.16.1.0/24")}
	if _, err := f.CreateVSwitch(ctx, vsw); backend.Code(err) != "InvalidCIDRBlock.Mismatch" {
		t.Errorf("a vSwitch outside the VPC's blocks: %v", err)
	}
	for _, tc := range []struct {
		block netip.Prefix
		want  string
	}{
		{netip.MustParsePrefix("10.0.128.0/17"), "InvalidCidrBlock.Overlapped"},
		{second, ""},
		{second, "InvalidCidrBlock.Overlapped"},
	} {
		if err := f.AssociateVPCCIDR(ctx, region, v.ID, tc.block); backend.Code(err) != tc.want {
			t.Errorf("AssociateVPCCIDR %s: %v, want %q", tc.block, err, tc.want)
		}
	}
	sw, err := f.CreateVSwitch(ctx, vsw)
	if err != nil {
		t.Fatalf("a vSwitch in the secondary block: %v", err)
	}
	if err := f.UnassociateVPCCIDR(ctx, region, v.ID, second); backend.Code(err) != "DependencyViolation" {
		t.Errorf("unassociating a block a vSwitch takes from: %v", err)
	}
	got := f.Topology().VPCs[0]
	if len(got.SecondaryCIDRs) != 1 || got.SecondaryCIDRs[0] != second || len(got.UserCIDRs) != 1 {
		t.Errorf("the state's blocks: %v, %v", got.SecondaryCIDRs, got.UserCIDRs)
	}
	if err := f.DeleteVSwitch(ctx, region, sw.ID); err != nil {
		t.Fatal(err)
	}
	if err := f.UnassociateVPCCIDR(ctx, region, v.ID, second); err != nil {
		t.Errorf("unassociating a free block: %v", err)
	}
}
