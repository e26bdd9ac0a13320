package fake_test

import (
	"context"
	"net/netip"
	"testing"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
)

// TestNetworkLifecycle: a VPC, a vSwitch in it and a security group are created,
// described and deleted in dependency order; the cloud's refusals come back with its
// codes.
func TestNetworkLifecycle(t *testing.T) {
	ctx := context.Background()
	f := fake.New(fake.Options{})
	vpc, err := f.CreateVPC(ctx, fake.CreateVPCInput{Region: region, CIDR: netip.MustParsePrefix("172.16.0.0/16"), Name: "v"})
	if err != nil {
		t.Fatal(err)
	}
	code := func(err error) string { return backend.Code(err) }
	bad := []struct {
		in   fake.CreateVSwitchInput
		want string
	}{
		{fake.CreateVSwitchInput{Region: region, VPC: vpc.ID, Zone: "cn-shanghai-b", CIDR: netip.MustParsePrefix("10.0.0.0/24")}, "InvalidCIDRBlock.Mismatch"},
		{fake.CreateVSwitchInput{Region: region, VPC: vpc.ID, Zone: "cn-shanghai-b", CIDR: netip.MustParsePrefix("172.16.0.0/30")}, "InvalidCidrBlock.Malformed"},
		{fake.CreateVSwitchInput{Region: region, VPC: vpc.ID, Zone: "cn-beijing-a", CIDR: netip.MustParsePrefix("172.16.1.0/24")}, "InvalidZoneId.NotFound"},
		{fake.CreateVSwitchInput{Region: region, VPC: "vpc-nope", Zone: "cn-shanghai-b", CIDR: netip.MustParsePrefix("172.16.1.0/24")}, "InvalidVpcId.NotFound"},
	}
	for _, tc := range bad {
		if _, err := f.CreateVSwitch(ctx, tc.in); code(err) != tc.want {
			t.Errorf("CreateVSwitch(%+v) = %v, want %s", tc.in, err, tc.want)
		}
	}
	vsw, err := f.CreateVSwitch(ctx, fake.CreateVSwitchInput{Region: region, VPC: vpc.ID, Zone: "cn-shanghai-b", CIDR: netip.MustParsePrefix("172.16.1.0/24"), Name: "s"})
	if err != nil {
		t.Fatal(err)
	}
	// A /24 has 256 addresses; the cloud reserves the first three and the last.
	if got, _ := f.DescribeVSwitch(ctx, region, vsw.ID); got.FreeIPs != 252 || got.Name != "s" || got.VPC != vpc.ID {
		t.Errorf("DescribeVSwitch = %+v", got)
	}
	if _, err := f.CreateVSwitch(ctx, fake.CreateVSwitchInput{Region: region, VPC: vpc.ID, Zone: "cn-shanghai-b", CIDR: netip.MustParsePrefix("172.16.1.128/25")}); code(err) != "InvalidCidrBlock.Overlapped" {
		t.Errorf("an overlapping vSwitch: %v", err)
	}
	sg, err := f.CreateSecurityGroup(ctx, fake.CreateSecurityGroupInput{Region: region, VPC: vpc.ID, Name: "g"})
	if err != nil {
		t.Fatal(err)
	}
	n, err := f.CreateENI(ctx, backend.CreateENIInput{Region: region, VSwitch: vsw.ID, SecurityGroups: []string{sg.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.DeleteVPC(ctx, region, vpc.ID); code(err) != "DependencyViolation" {
		t.Errorf("deleting a VPC with a vSwitch: %v", err)
	}
	if err := f.DeleteVSwitch(ctx, region, vsw.ID); code(err) != "DependencyViolation" {
		t.Errorf("deleting a vSwitch with an ENI: %v", err)
	}
	if err := f.DeleteSecurityGroup(ctx, region, sg.ID); code(err) != "DependencyViolation" {
		t.Errorf("deleting a security group an ENI uses: %v", err)
	}
	if err := f.DeleteENI(ctx, backend.DeleteENIInput{Region: region, ENI: n.ID}); err != nil {
		t.Fatal(err)
	}
	if err := f.DeleteSecurityGroup(ctx, region, sg.ID); err != nil {
		t.Errorf("security group: %v", err)
	}
	if err := f.DeleteVSwitch(ctx, region, vsw.ID); err != nil {
		t.Errorf("vSwitch: %v", err)
	}
	if err := f.DeleteVPC(ctx, region, vpc.ID); err != nil {
		t.Errorf("VPC: %v", err)
	}
	if _, err := f.DescribeVPC(ctx, region, vpc.ID); code(err) != "InvalidVpcId.NotFound" {
		t.Errorf("a deleted VPC: %v", err)
	}
	if got := f.Topology(); len(got.VPCs)+len(got.VSwitches)+len(got.SecurityGroups)+len(got.ENIs) != 0 {
		t.Errorf("left behind: %+v", got)
	}
}
