package fake_test

import (
	"context"
	"net/netip"
	"testing"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/modes"
)

// TestNetworkLifecycle: a VPC, a vSwitch in it and a security group are created,
// described and deleted in dependency order; the cloud's refusals come back with its
// codes.
func TestNetworkLifecycle(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := fake.New(fake.Options{})
	vpc, err := f.CreateVPC(
		ctx,
		fake.CreateVPCInput{Region: region, CIDR: netip.MustParsePrefix("172.16.0.0/16"), Name: "v"},
	)
	if err != nil {
		t.Fatal(err)
	}
	code := func(err error) string { return backend.Code(err) }
	bad := []struct {
		in   fake.CreateVSwitchInput
		want string
	}{
		{
			fake.CreateVSwitchInput{
				Region: region,
				VPC:    vpc.ID,
				Zone:   "cn-shanghai-b",
				CIDR:   netip.MustParsePrefix("10.0.0.0/24"),
			},
			"InvalidCIDRBlock.Mismatch",
		},
		{
			fake.CreateVSwitchInput{
				Region: region,
				VPC:    vpc.ID,
				Zone:   "cn-shanghai-b",
				CIDR:   netip.MustParsePrefix("172.16.0.0/30"),
			},
			"InvalidCidrBlock.Malformed",
		},
		{
			fake.CreateVSwitchInput{
				Region: region,
				VPC:    vpc.ID,
				Zone:   "cn-beijing-a",
				CIDR:   netip.MustParsePrefix("172.16.1.0/24"),
			},
			"InvalidZoneId.NotFound",
		},
		{
			fake.CreateVSwitchInput{
				Region: region,
				VPC:    "vpc-nope",
				Zone:   "cn-shanghai-b",
				CIDR:   netip.MustParsePrefix("172.16.1.0/24"),
			},
			"InvalidVpcId.NotFound",
		},
	}
	for _, tc := range bad {
		if _, err := f.CreateVSwitch(ctx, tc.in); code(err) != tc.want {
			t.Errorf("CreateVSwitch(%+v) = %v, want %s", tc.in, err, tc.want)
		}
	}
	vsw, err := f.CreateVSwitch(
		ctx,
		fake.CreateVSwitchInput{
			Region: region,
			VPC:    vpc.ID,
			Zone:   "cn-shanghai-b",
			CIDR:   netip.MustParsePrefix("172.16.1.0/24"),
			Name:   "s",
		},
	)
	if err != nil {
		t.Fatal(err)
	}
	// A /24 has 256 addresses; the cloud reserves the first and the last three.
	if got, _ := f.DescribeVSwitch(ctx, region, vsw.ID); got.FreeIPs != 252 || got.Name != "s" || got.VPC != vpc.ID {
		t.Errorf("DescribeVSwitch = %+v", got)
	}
	if _, err := f.CreateVSwitch(ctx, fake.CreateVSwitchInput{
		Region: region, VPC: vpc.ID, Zone: "cn-shanghai-b", CIDR: netip.MustParsePrefix("172.16.1.128/25"),
	}); code(
		err,
	) != "InvalidCidrBlock.Overlapped" {
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

// TestInstanceLifecycle: an instance made through the API has its primary ENI in the
// vSwitch; deleting it takes the primary ENI along and leaves a secondary ENI detached;
// an EIP on the primary ENI blocks the delete; the detail survives a topology round trip.
func TestInstanceLifecycle(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := fake.NewBuilder(fake.Options{}).
		VSwitch("vsw-1", region, "cn-shanghai-b", "vpc-1", "192.168.0.0/24").
		ENI("eni-s", "vsw-1", 0).
		EIP("eip-1", region).
		MustBuild()
	if _, err := f.RunInstance(ctx, fake.RunInstanceInput{
		Region: region, Type: "ecs.nope.large", VSwitch: "vsw-1", Image: "img",
	}); backend.Code(
		err,
	) != "InvalidInstanceType.NotFound" {
		t.Errorf("an unknown type: %v", err)
	}
	id, err := f.RunInstance(
		ctx,
		fake.RunInstanceInput{
			Region:         region,
			Type:           "ecs.g7.large",
			VSwitch:        "vsw-1",
			Image:          "img",
			Name:           "web",
			SecurityGroups: []string{"sg-1"},
		},
	)
	if err != nil {
		t.Fatal(err)
	}
	d, err := f.DescribeInstanceDetail(ctx, region, id)
	if err != nil || d.Name != "web" || d.Image != "img" || d.VSwitch != "vsw-1" || d.Status != "Running" ||
		len(d.ENIs) != 1 ||
		!d.PrimaryIP.IsValid() {
		t.Fatalf("detail: %+v, %v", d, err)
	}
	again := fake.New(fake.Options{})
	if err := again.Seed(f.Topology()); err != nil {
		t.Fatal(err)
	}
	if d2, err := again.DescribeInstanceDetail(ctx, region, id); err != nil || d2.Name != "web" || d2.Image != "img" ||
		d2.PrimaryIP != d.PrimaryIP {
		t.Errorf("after a topology round trip: %+v, %v", d2, err)
	}
	if err := f.AttachENI(ctx, backend.AttachENIInput{Region: region, ENI: "eni-s", Instance: id}); err != nil {
		t.Fatal(err)
	}
	if err := f.AssociateEIP(ctx, backend.AssociateEIPInput{
		Region: region, EIP: "eip-1", InstanceID: string(d.ENIs[0]), InstanceType: eip.NetworkInterface, Mode: modes.NAT,
	}); err != nil {
		t.Fatal(err)
	}
	if err := f.DeleteInstance(ctx, region, id); backend.Code(err) != "DependencyViolation" {
		t.Errorf("deleting with an EIP on the primary ENI: %v", err)
	}
	if err := f.UnassociateEIP(ctx, backend.UnassociateEIPInput{Region: region, EIP: "eip-1"}); err != nil {
		t.Fatal(err)
	}
	if err := f.DeleteInstance(ctx, region, id); err != nil {
		t.Fatal(err)
	}
	page, _ := f.DescribeENIs(ctx, backend.DescribeENIsInput{Region: region})
	if len(page.ENIs) != 1 || page.ENIs[0].ID != "eni-s" || page.ENIs[0].Instance != "" {
		t.Errorf("after the delete the ENIs are %+v, want eni-s alone and detached", page.ENIs)
	}
}

// TestReservedAddressRefused: in 192.168.1.0/24 a vSwitch reserves .0, .253, .254 and
// .255 (VPC API reference, CreateDefaultVSwitch); an ENI asking for one is refused with
// InvalidPrivateIpAddress.Reserved, an address outside the block with
// InvalidVSwitchId.IpInvalid, and .2 (which the provider's ENI examples use) is given.
func TestReservedAddressRefused(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := fake.NewBuilder(fake.Options{}).
		VSwitch("vsw-1", region, "cn-shanghai-b", "vpc-1", "192.168.1.0/24").
		MustBuild()
	for ip, want := range map[string]string{
		"192.168.1.0":   "InvalidPrivateIpAddress.Reserved",
		"192.168.1.253": "InvalidPrivateIpAddress.Reserved",
		"192.168.1.254": "InvalidPrivateIpAddress.Reserved",
		"192.168.1.255": "InvalidPrivateIpAddress.Reserved",
		"192.168.2.10":  "InvalidVSwitchId.IpInvalid",
		"192.168.1.2":   "",
		"192.168.1.252": "",
	} {
		n, err := f.CreateENI(ctx, backend.CreateENIInput{Region: region, VSwitch: "vsw-1",
			PrimaryIP: netip.MustParseAddr(ip)})
		if got := backend.Code(err); got != want {
			t.Errorf("an ENI at %s: %q (%v), want %q", ip, got, err, want)
		}
		if err == nil && n.PrimaryIP.String() != ip {
			t.Errorf("an ENI at %s got %s", ip, n.PrimaryIP)
		}
	}
}
