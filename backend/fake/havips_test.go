package fake_test

import (
	"context"
	"net/netip"
	"testing"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
)

// TestHaVips: a HaVip takes its address in the vSwitch like an ENI (a taken one is
// Duplicated), is associated with an instance of its vSwitch (not of another), holds
// that instance (which cannot be deleted while it does), cannot be deleted while
// associated, and gives its address back when deleted.
func TestHaVips(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := fake.NewBuilder(fake.Options{}).
		VSwitch("vsw-1", region, "cn-shanghai-b", "vpc-1", "192.168.0.0/24").
		VSwitch("vsw-2", region, "cn-shanghai-b", "vpc-1", "192.168.1.0/24").
		Instance("i-1", "ecs.g7.large", "vsw-1").
		Instance("i-2", "ecs.g7.large", "vsw-2").
		MustBuild()
	vip := netip.MustParseAddr("192.168.0.100")
	h, err := f.CreateHaVip(ctx, fake.CreateHaVipInput{Region: region, VSwitch: "vsw-1", IP: vip})
	if err != nil {
		t.Fatal(err)
	}
	_, dup := f.CreateHaVip(ctx, fake.CreateHaVipInput{Region: region, VSwitch: "vsw-1", IP: vip})
	assoc := func(instance string) error {
		return f.AssociateHaVip(ctx, fake.HaVipAssociation{Region: region, HaVip: h.ID, Instance: instance})
	}
	for _, tc := range []struct {
		err  error
		want string
	}{
		{dup, "InvalidPrivateIpAddress.Duplicated"},
		{assoc("i-2"), "InvalidParameter"},
		{assoc("i-1"), ""},
		{f.DeleteInstance(ctx, region, "i-1"), "DependencyViolation"},
		{f.DeleteHaVip(ctx, region, h.ID), "IncorrectHaVipStatus"},
		{f.UnassociateHaVip(ctx, fake.HaVipAssociation{Region: region, HaVip: h.ID, Instance: "i-1"}), ""},
		{f.DeleteHaVip(ctx, region, h.ID), ""},
	} {
		if got := backend.Code(tc.err); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.err, got, tc.want)
		}
	}
	if _, err := f.CreateHaVip(ctx, fake.CreateHaVipInput{Region: region, VSwitch: "vsw-1", IP: vip}); err != nil {
		t.Errorf("the address after the HaVip went: %v", err)
	}
}
