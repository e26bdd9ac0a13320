package emulator_test

import (
	"errors"
	"net/netip"
	"strings"
	"testing"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	vpc "github.com/alibabacloud-go/vpc-20160428/v6/client"

	"github.com/eipassoc/eipassoc/backend/fake"
)

// TestIPv6Blocks: through the official VPC and ECS SDKs, a VPC created with
// EnableIpv6 and a /56 of its own keeps the block and its line (Ipv6Isp, BGP by
// default); a vSwitch's Ipv6CidrBlock (0 to 255) is the eighth byte of its /64 in that
// /56 (the provider's GetIPv6SubnetAddr reads it back from there); an ENI takes its
// IPv6 addresses from that /64, and none from a vSwitch without one.
func TestIPv6Blocks(t *testing.T) {
	t.Parallel()
	v, e, _, _ := sdkServer(t)
	made, err := v.CreateVpc(&vpc.CreateVpcRequest{RegionId: tea.String("cn-shanghai"), CidrBlock: tea.String("10.0.0.0/16"),
		EnableIpv6: tea.Bool(true), Ipv6CidrBlock: tea.String("2408:4002:10c4:4e00::/56")})
	if err != nil {
		t.Fatal(err)
	}
	attrs, err := v.DescribeVpcAttribute(&vpc.DescribeVpcAttributeRequest{RegionId: tea.String("cn-shanghai"),
		VpcId: made.Body.VpcId})
	if err != nil {
		t.Fatal(err)
	}
	blocks := attrs.Body.Ipv6CidrBlocks.Ipv6CidrBlock
	if !tea.BoolValue(attrs.Body.EnabledIpv6) || tea.StringValue(attrs.Body.Ipv6CidrBlock) != "2408:4002:10c4:4e00::/56" ||
		len(blocks) != 1 || tea.StringValue(blocks[0].Ipv6Isp) != "BGP" {
		t.Errorf("the VPC's IPv6: enabled %v, block %s, blocks %v", tea.BoolValue(attrs.Body.EnabledIpv6),
			tea.StringValue(attrs.Body.Ipv6CidrBlock), blocks)
	}
	sw, err := v.CreateVSwitch(&vpc.CreateVSwitchRequest{RegionId: tea.String("cn-shanghai"), VpcId: made.Body.VpcId,
		ZoneId: tea.String("cn-shanghai-b"), CidrBlock: tea.String("10.0.1.0/24"), Ipv6CidrBlock: tea.Int32(8)})
	if err != nil {
		t.Fatal(err)
	}
	got, err := v.DescribeVSwitchAttributes(&vpc.DescribeVSwitchAttributesRequest{RegionId: tea.String("cn-shanghai"),
		VSwitchId: sw.Body.VSwitchId})
	if err != nil {
		t.Fatal(err)
	}
	if block := tea.StringValue(got.Body.Ipv6CidrBlock); block != "2408:4002:10c4:4e08::/64" {
		t.Errorf("the vSwitch's IPv6 block is %s, want 2408:4002:10c4:4e08::/64", block)
	}
	nic, err := e.CreateNetworkInterface(&ecs.CreateNetworkInterfaceRequest{RegionId: tea.String("cn-shanghai"),
		VSwitchId: sw.Body.VSwitchId, SecurityGroupId: tea.String("sg-t"), Ipv6AddressCount: tea.Int32(2)})
	if err != nil {
		t.Fatal(err)
	}
	set := nic.Body.Ipv6Sets.Ipv6Set
	if len(set) != 2 || !strings.HasPrefix(tea.StringValue(set[0].Ipv6Address), "2408:4002:10c4:4e08:") {
		t.Errorf("the ENI's IPv6 addresses: %v", set)
	}
	_, err = e.CreateNetworkInterface(&ecs.CreateNetworkInterfaceRequest{RegionId: tea.String("cn-shanghai"),
		VSwitchId: tea.String("vsw-t"), SecurityGroupId: tea.String("sg-t"), Ipv6AddressCount: tea.Int32(1)})
	wantCode(t, "an IPv6 address from a vSwitch without IPv6", err, "InvalidVSwitch.Ipv6NotTurnOn")
	_, err = e.CreateNetworkInterface(&ecs.CreateNetworkInterfaceRequest{RegionId: tea.String("cn-shanghai"),
		VSwitchId: sw.Body.VSwitchId, SecurityGroupId: tea.String("sg-t"), Ipv6AddressCount: tea.Int32(11)})
	wantCode(t, "11 IPv6 addresses on an ENI that is not attached", err, "InvalidParameter")
	id := nic.Body.NetworkInterfaceId
	added, err := e.AssignIpv6Addresses(&ecs.AssignIpv6AddressesRequest{RegionId: tea.String("cn-shanghai"),
		NetworkInterfaceId: id, Ipv6Address: []*string{tea.String("2408:4002:10c4:4e08::99")}})
	if err != nil {
		t.Fatal(err)
	}
	if a := added.Body.Ipv6Sets.Ipv6Address; len(a) != 1 || tea.StringValue(a[0]) != "2408:4002:10c4:4e08::99" {
		t.Errorf("AssignIpv6Addresses answered %v", a)
	}
	if _, err := e.UnassignIpv6Addresses(&ecs.UnassignIpv6AddressesRequest{RegionId: tea.String("cn-shanghai"),
		NetworkInterfaceId: id, Ipv6Address: []*string{tea.String("2408:4002:10c4:4e08::99")}}); err != nil {
		t.Fatal(err)
	}
	_, err = e.UnassignIpv6Addresses(&ecs.UnassignIpv6AddressesRequest{RegionId: tea.String("cn-shanghai"),
		NetworkInterfaceId: id, Ipv6Address: []*string{tea.String("2408:4002:10c4:4e08::99")}})
	wantCode(t, "an IPv6 address the ENI no longer holds", err, "InvalidIp.IpUnassigned")
}

// TestIPv4Prefixes: an ENI takes /28 prefixes of its vSwitch, aligned, with none of
// their addresses reserved or used. In vsw-t (192.168.0.0/24), where the seeded eni-t
// holds 192.168.0.3, the first /28 holds the reserved .0 and the used .3, so the first
// free prefix is 192.168.0.16/28. The addresses of a prefix are no longer free, and an
// ENI with a prefix takes no cut-through EIP (OperationFailed.IpPrefixConflict).
func TestIPv4Prefixes(t *testing.T) {
	t.Parallel()
	v, e, _, _ := sdkServer(t)
	nic, err := e.CreateNetworkInterface(&ecs.CreateNetworkInterfaceRequest{RegionId: tea.String("cn-shanghai"),
		VSwitchId: tea.String("vsw-t"), SecurityGroupId: tea.String("sg-t"), Ipv4PrefixCount: tea.Int32(1)})
	if err != nil {
		t.Fatal(err)
	}
	set := nic.Body.Ipv4PrefixSets.Ipv4PrefixSet
	if len(set) != 1 || tea.StringValue(set[0].Ipv4Prefix) != "192.168.0.16/28" {
		t.Errorf("the ENI's prefixes: %v, want 192.168.0.16/28", set)
	}
	id := nic.Body.NetworkInterfaceId
	_, err = e.AssignPrivateIpAddresses(&ecs.AssignPrivateIpAddressesRequest{RegionId: tea.String("cn-shanghai"),
		NetworkInterfaceId: id, PrivateIpAddress: []*string{tea.String("192.168.0.20")}})
	wantCode(t, "an address inside a prefix", err, "InvalidIp.IpAssigned")
	out, err := e.AssignPrivateIpAddresses(&ecs.AssignPrivateIpAddressesRequest{RegionId: tea.String("cn-shanghai"),
		NetworkInterfaceId: id, Ipv4Prefix: []*string{tea.String("192.168.0.32/28")}})
	if err != nil {
		t.Fatal(err)
	}
	if p := out.Body.AssignedPrivateIpAddressesSet.Ipv4PrefixSet.Ipv4Prefixes; len(p) != 1 || tea.StringValue(p[0]) != "192.168.0.32/28" {
		t.Errorf("AssignPrivateIpAddresses answered %v", p)
	}
	_, err = e.AssignPrivateIpAddresses(&ecs.AssignPrivateIpAddressesRequest{RegionId: tea.String("cn-shanghai"),
		NetworkInterfaceId: id, Ipv4Prefix: []*string{tea.String("192.168.0.36/28")}})
	wantCode(t, "a prefix not on a /28 boundary", err, "InvalidParameter")
	_, err = e.AssignPrivateIpAddresses(&ecs.AssignPrivateIpAddressesRequest{RegionId: tea.String("cn-shanghai"),
		NetworkInterfaceId: id, Ipv4Prefix: []*string{tea.String("192.168.0.240/28")}})
	wantCode(t, "the last /28, which holds the reserved .253 to .255", err, "InvalidPrivateIpAddress.Reserved")
	if _, err := e.UnassignPrivateIpAddresses(&ecs.UnassignPrivateIpAddressesRequest{RegionId: tea.String("cn-shanghai"),
		NetworkInterfaceId: id, Ipv4Prefix: []*string{tea.String("192.168.0.32/28")}}); err != nil {
		t.Fatal(err)
	}
	eip, err := v.AllocateEipAddress(&vpc.AllocateEipAddressRequest{RegionId: tea.String("cn-shanghai")})
	if err != nil {
		t.Fatal(err)
	}
	_, err = v.AssociateEipAddress(&vpc.AssociateEipAddressRequest{RegionId: tea.String("cn-shanghai"),
		AllocationId: eip.Body.AllocationId, InstanceId: id, InstanceType: tea.String("NetworkInterface"),
		Mode: tea.String("BINDED")})
	wantCode(t, "a cut-through EIP on an ENI with a prefix", err, "OperationFailed.IpPrefixConflict")
}

// wantCode fails the test unless err is the SDK's error with code.
func wantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	var se *tea.SDKError
	if !errors.As(err, &se) || tea.StringValue(se.Code) != code {
		t.Errorf("%s: %v, want %s", what, err, code)
	}
}

// TestAddressAssociation: through the official VPC SDK, an EIP is associated with an
// address of a VPC that has an IPv4 gateway (InstanceType IpAddress, VpcId), and
// DescribeEipAddresses gives the VPC back; the API reference's refusals: a VPC without
// an IPv4 gateway, an address outside the VPC, an address that already carries an EIP.
func TestAddressAssociation(t *testing.T) {
	t.Parallel()
	v, _, account, _ := sdkServer(t)
	if err := account.Seed(fake.Topology{VPCs: []fake.VPCSpec{{ID: "vpc-gw", Region: "cn-shanghai",
		CIDR: netip.MustParsePrefix("10.9.0.0/16"), IPv4Gateway: "ipv4gw-1"},
		{ID: "vpc-nogw", Region: "cn-shanghai", CIDR: netip.MustParsePrefix("10.8.0.0/16")}}}); err != nil {
		t.Fatal(err)
	}
	allocate := func() *string {
		out, err := v.AllocateEipAddress(&vpc.AllocateEipAddressRequest{RegionId: tea.String("cn-shanghai")})
		if err != nil {
			t.Fatal(err)
		}
		return out.Body.AllocationId
	}
	associate := func(id *string, vpcID, address string) error {
		_, err := v.AssociateEipAddress(&vpc.AssociateEipAddressRequest{RegionId: tea.String("cn-shanghai"),
			AllocationId: id, InstanceId: tea.String(address), InstanceType: tea.String("IpAddress"), VpcId: tea.String(vpcID)})
		return err
	}
	first, second := allocate(), allocate()
	if err := associate(first, "vpc-gw", "10.9.0.10"); err != nil {
		t.Fatal(err)
	}
	out, err := v.DescribeEipAddresses(&vpc.DescribeEipAddressesRequest{RegionId: tea.String("cn-shanghai"),
		AllocationId: first})
	if err != nil {
		t.Fatal(err)
	}
	if a := out.Body.EipAddresses.EipAddress; len(a) != 1 || tea.StringValue(a[0].VpcId) != "vpc-gw" ||
		tea.StringValue(a[0].InstanceType) != "IpAddress" || tea.StringValue(a[0].InstanceId) != "10.9.0.10" {
		t.Errorf("the associated EIP: %v", a)
	}
	wantCode(t, "an address that carries an EIP", associate(second, "vpc-gw", "10.9.0.10"),
		"ResourceAlreadyAssociated.IpAddress")
	wantCode(t, "a VPC without an IPv4 gateway", associate(second, "vpc-nogw", "10.8.0.10"),
		"OperationFailed.Ipv4GatewayNotOpenedInVpc")
	wantCode(t, "an address outside the VPC", associate(second, "vpc-gw", "10.10.0.1"), "InvalidParameter")
	if _, err := v.UnassociateEipAddress(&vpc.UnassociateEipAddressRequest{RegionId: tea.String("cn-shanghai"),
		AllocationId: first, InstanceId: tea.String("10.9.0.10")}); err != nil {
		t.Errorf("unassociating the address: %v", err)
	}
}
