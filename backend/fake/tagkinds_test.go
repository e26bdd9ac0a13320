package fake_test

import (
	"context"
	"net/netip"
	"testing"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
)

// TestHaVipAndRouteTableTags: HaVips and custom route tables take tags (VPC API
// resource types HAVIP and ROUTETABLE), and their tags go with them.
func TestHaVipAndRouteTableTags(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := fake.New(fake.Options{})
	if err := f.Seed(fake.Topology{
		VPCs: []fake.VPCSpec{{ID: "vpc-a", Region: region, CIDR: netip.MustParsePrefix("10.0.0.0/16")}},
		VSwitches: []fake.VSwitchSpec{{ID: "vsw-a", Region: region, Zone: "cn-shanghai-b", VPC: "vpc-a",
			CIDR: netip.MustParsePrefix("10.0.1.0/24")}},
	}); err != nil {
		t.Fatal(err)
	}
	h, err := f.CreateHaVip(ctx, fake.CreateHaVipInput{Region: region, VSwitch: "vsw-a"})
	if err != nil {
		t.Fatal(err)
	}
	rt, err := f.CreateRouteTable(ctx, fake.CreateRouteTableInput{Region: region, VPC: "vpc-a"})
	if err != nil {
		t.Fatal(err)
	}
	tag := []backend.Tag{{Key: "team", Value: "net"}}
	for kind, id := range map[string]string{"HAVIP": h.ID, "ROUTETABLE": rt.ID} {
		if err := f.TagResources(ctx, fake.TagInput{API: backend.VPC, Region: region, ResourceType: kind,
			ResourceIDs: []string{id}, Tags: tag}); err != nil {
			t.Errorf("tagging %s %s: %v", kind, id, err)
		}
		if got := f.Tags(id); len(got) != 1 || got[0] != tag[0] {
			t.Errorf("%s tags: %v", kind, got)
		}
	}
	if err := f.DeleteHaVip(ctx, region, h.ID); err != nil {
		t.Fatal(err)
	}
	if err := f.DeleteRouteTable(ctx, region, rt.ID); err != nil {
		t.Fatal(err)
	}
	if len(f.Tags(h.ID))+len(f.Tags(rt.ID)) != 0 {
		t.Error("tags outlived their resources")
	}
}
