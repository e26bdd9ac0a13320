package fake_test

import (
	"context"
	"net/netip"
	"testing"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
)

// TestResourceGroups: a VPC, a security group and a HaVip go in the resource group
// their create call names, an ID of that shape; the state keeps it.
func TestResourceGroups(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := fake.New(fake.Options{})
	in := fake.CreateVPCInput{Region: region, CIDR: netip.MustParsePrefix("10.0.0.0/16"), ResourceGroupID: "Not a group"}
	if _, err := f.CreateVPC(ctx, in); backend.Code(err) != "InvalidResourceGroupId.Malformed" {
		t.Errorf("a malformed group: %v", err)
	}
	in.ResourceGroupID = "rg-aek2net"
	v, err := f.CreateVPC(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	g, err := f.CreateSecurityGroup(ctx, fake.CreateSecurityGroupInput{Region: region, VPC: v.ID, ResourceGroupID: "rg-aek2net"})
	if err != nil {
		t.Fatal(err)
	}
	sw, err := f.CreateVSwitch(ctx, fake.CreateVSwitchInput{Region: region, VPC: v.ID, Zone: "cn-shanghai-b",
		CIDR: netip.MustParsePrefix("10.0.1.0/24")})
	if err != nil {
		t.Fatal(err)
	}
	h, err := f.CreateHaVip(ctx, fake.CreateHaVipInput{Region: region, VSwitch: sw.ID, ResourceGroupID: "rg-aek2net"})
	if err != nil {
		t.Fatal(err)
	}
	top := f.Topology()
	if top.VPCs[0].ResourceGroupID != "rg-aek2net" || top.SecurityGroups[0].ResourceGroupID != "rg-aek2net" ||
		top.HaVips[0].ResourceGroupID != "rg-aek2net" || g.ResourceGroupID != "rg-aek2net" || h.ResourceGroupID != "rg-aek2net" {
		t.Errorf("the state's groups: %+v %+v %+v", top.VPCs[0], top.SecurityGroups[0], top.HaVips[0])
	}
}
