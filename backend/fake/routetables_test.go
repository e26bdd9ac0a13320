package fake_test

import (
	"context"
	"net/netip"
	"testing"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
)

// TestRouteTables: a custom route table of a VPC takes a vSwitch of that VPC (not one a
// second table has), routes of its own through an instance of the VPC, and cannot be
// deleted while it has a vSwitch or a route; the system table cannot be deleted, nor the
// VPC while it has a custom table; the state keeps the table.
func TestRouteTables(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := fake.New(fake.Options{})
	if err := f.Seed(fake.Topology{
		VPCs: []fake.VPCSpec{{ID: "vpc-a", Region: region, CIDR: netip.MustParsePrefix("10.0.0.0/16")}},
		VSwitches: []fake.VSwitchSpec{{ID: "vsw-a", Region: region, Zone: "cn-shanghai-b", VPC: "vpc-a",
			CIDR: netip.MustParsePrefix("10.0.1.0/24")}},
		Instances: []fake.InstanceSpec{{ID: "i-fw", Type: "ecs.g7.large", VSwitch: "vsw-a"}},
	}); err != nil {
		t.Fatal(err)
	}
	one, err := f.CreateRouteTable(ctx, fake.CreateRouteTableInput{Region: region, VPC: "vpc-a", Name: "one"})
	if err != nil {
		t.Fatal(err)
	}
	two, err := f.CreateRouteTable(ctx, fake.CreateRouteTableInput{Region: region, VPC: "vpc-a", Name: "two"})
	if err != nil {
		t.Fatal(err)
	}
	attach := func(table string) error {
		return f.AssociateRouteTable(ctx, fake.RouteTableAssociation{Region: region, Table: table, VSwitch: "vsw-a"})
	}
	route := fake.RouteEntryInput{Region: region, Table: one.ID, RouteEntry: fake.RouteEntry{
		Destination: netip.MustParsePrefix("0.0.0.0/0"), NextHopType: "Instance", NextHop: "i-fw"}}
	for _, tc := range []struct {
		err  error
		want string
	}{
		{attach(one.ID), ""},
		{attach(two.ID), "InvalidStatus.VSwitch"},
		{f.CreateRouteEntry(ctx, route), ""},
		{f.DeleteRouteTable(ctx, region, one.ID), "DependencyViolation"},
		{f.DeleteRouteTable(ctx, region, fake.SystemRouteTable("vpc-a")), "OperationUnsupported.SystemRouteTable"},
		{f.DeleteInstance(ctx, region, "i-fw"), "DependencyViolation"},
		{f.DeleteRouteTable(ctx, region, two.ID), ""},
	} {
		if got := backend.Code(tc.err); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.err, got, tc.want)
		}
	}
	// The system table takes a name and a description, and keeps them in the state.
	name, desc := "main", "the VPC's own"
	if err := f.ModifyRouteTable(ctx, region, fake.SystemRouteTable("vpc-a"), &name, &desc); err != nil {
		t.Fatal(err)
	}
	if v := f.Topology().VPCs[0]; v.SystemTableName != name || v.SystemTableDescription != desc {
		t.Errorf("the system table after ModifyRouteTable: %q, %q", v.SystemTableName, v.SystemTableDescription)
	}
	tables := f.Topology().VPCs[0].RouteTables
	if len(tables) != 1 || tables[0].ID != one.ID || len(tables[0].Routes) != 1 || tables[0].VSwitches[0] != "vsw-a" {
		t.Errorf("the state's route tables: %+v", tables)
	}
}
