package emulator_test

import (
	"errors"
	"slices"
	"testing"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
)

// TestSecurityGroupRules: through the official ECS SDK, rules are authorized in both
// directions, listed by DescribeSecurityGroupAttribute with its Direction filter in the
// API's spellings (TCP, Accept, the priority as a string), described anew in place,
// and revoked; an invalid port range is InvalidParameter; an IPv6 peer is described as
// Ipv6SourceCidrIp, and a rule with an IPv4 and an IPv6 peer is InvalidParameter.
func TestSecurityGroupRules(t *testing.T) {
	t.Parallel()
	_, e, _, _ := sdkServer(t)
	sg, err := e.CreateSecurityGroup(&ecs.CreateSecurityGroupRequest{RegionId: tea.String("cn-shanghai"),
		VpcId: tea.String("vpc-t"), SecurityGroupName: tea.String("fw")})
	if err != nil {
		t.Fatal(err)
	}
	group := sg.Body.SecurityGroupId
	ssh := &ecs.AuthorizeSecurityGroupRequestPermissions{IpProtocol: tea.String("tcp"), PortRange: tea.String("22/22"),
		SourceCidrIp: tea.String("10.0.0.0/8"), Policy: tea.String("accept"), Priority: tea.String("1"),
		NicType: tea.String("intranet"), Description: tea.String("ssh")}
	if _, err := e.AuthorizeSecurityGroup(&ecs.AuthorizeSecurityGroupRequest{RegionId: tea.String("cn-shanghai"),
		SecurityGroupId: group, Permissions: []*ecs.AuthorizeSecurityGroupRequestPermissions{ssh}}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.AuthorizeSecurityGroupEgress(&ecs.AuthorizeSecurityGroupEgressRequest{RegionId: tea.String("cn-shanghai"),
		SecurityGroupId: group, Permissions: []*ecs.AuthorizeSecurityGroupEgressRequestPermissions{{
			IpProtocol: tea.String("all"), PortRange: tea.String("-1/-1"), DestCidrIp: tea.String("0.0.0.0/0")}}}); err != nil {
		t.Fatal(err)
	}
	ingress := func() []*ecs.DescribeSecurityGroupAttributeResponseBodyPermissionsPermission {
		t.Helper()
		out, err := e.DescribeSecurityGroupAttribute(&ecs.DescribeSecurityGroupAttributeRequest{
			RegionId: tea.String("cn-shanghai"), SecurityGroupId: group, Direction: tea.String("ingress")})
		if err != nil {
			t.Fatal(err)
		}
		return out.Body.Permissions.Permission
	}
	got := ingress()
	if len(got) != 1 || tea.StringValue(got[0].IpProtocol) != "TCP" || tea.StringValue(got[0].PortRange) != "22/22" ||
		tea.StringValue(got[0].SourceCidrIp) != "10.0.0.0/8" || tea.StringValue(got[0].Policy) != "Accept" ||
		tea.StringValue(got[0].Priority) != "1" || tea.StringValue(got[0].Description) != "ssh" {
		t.Fatalf("ingress rules: %v", got)
	}
	if _, err := e.ModifySecurityGroupRule(&ecs.ModifySecurityGroupRuleRequest{RegionId: tea.String("cn-shanghai"),
		SecurityGroupId: group, IpProtocol: tea.String("tcp"), PortRange: tea.String("22/22"),
		SourceCidrIp: tea.String("10.0.0.0/8"), Policy: tea.String("accept"), Priority: tea.String("1"),
		NicType: tea.String("intranet"), Description: tea.String("ssh from the office")}); err != nil {
		t.Fatal(err)
	}
	if got := ingress(); len(got) != 1 || tea.StringValue(got[0].Description) != "ssh from the office" {
		t.Errorf("after ModifySecurityGroupRule: %v", got)
	}
	code := func(err error) string {
		var se *tea.SDKError
		if errors.As(err, &se) {
			return tea.StringValue(se.Code)
		}
		return ""
	}
	_, err = e.AuthorizeSecurityGroup(&ecs.AuthorizeSecurityGroupRequest{RegionId: tea.String("cn-shanghai"),
		SecurityGroupId: group, Permissions: []*ecs.AuthorizeSecurityGroupRequestPermissions{{
			IpProtocol: tea.String("tcp"), PortRange: tea.String("0/22"), SourceCidrIp: tea.String("10.0.0.0/8")}}})
	if code(err) != "InvalidParameter" {
		t.Errorf("port range 0/22: %v", err)
	}
	_, err = e.AuthorizeSecurityGroup(&ecs.AuthorizeSecurityGroupRequest{RegionId: tea.String("cn-shanghai"),
		SecurityGroupId: group, Permissions: []*ecs.AuthorizeSecurityGroupRequestPermissions{{
			IpProtocol: tea.String("tcp"), PortRange: tea.String("22/22"), Ipv6SourceCidrIp: tea.String("2001:db8::/32")}}})
	if err != nil {
		t.Errorf("an IPv6 peer: %v", err)
	}
	if got := ingress(); !slices.ContainsFunc(got, func(r *ecs.DescribeSecurityGroupAttributeResponseBodyPermissionsPermission) bool {
		return tea.StringValue(r.Ipv6SourceCidrIp) == "2001:db8::/32" && tea.StringValue(r.SourceCidrIp) == ""
	}) {
		t.Errorf("the IPv6 peer is not described as Ipv6SourceCidrIp: %v", got)
	}
	_, err = e.AuthorizeSecurityGroup(&ecs.AuthorizeSecurityGroupRequest{RegionId: tea.String("cn-shanghai"),
		SecurityGroupId: group, Permissions: []*ecs.AuthorizeSecurityGroupRequestPermissions{{
			IpProtocol: tea.String("tcp"), PortRange: tea.String("23/23"), SourceCidrIp: tea.String("10.0.0.0/8"),
			Ipv6SourceCidrIp: tea.String("2001:db8::/32")}}})
	if code(err) != "InvalidParameter" {
		t.Errorf("an IPv4 and an IPv6 peer in one rule: %v", err)
	}
	if _, err := e.RevokeSecurityGroup(&ecs.RevokeSecurityGroupRequest{RegionId: tea.String("cn-shanghai"),
		SecurityGroupId: group, Permissions: []*ecs.RevokeSecurityGroupRequestPermissions{{IpProtocol: tea.String("tcp"),
			PortRange: tea.String("22/22"), Ipv6SourceCidrIp: tea.String("2001:db8::/32")}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.RevokeSecurityGroup(&ecs.RevokeSecurityGroupRequest{RegionId: tea.String("cn-shanghai"),
		SecurityGroupId: group, Permissions: []*ecs.RevokeSecurityGroupRequestPermissions{{IpProtocol: tea.String("tcp"),
			PortRange: tea.String("22/22"), SourceCidrIp: tea.String("10.0.0.0/8"), Policy: tea.String("accept"),
			Priority: tea.String("1"), NicType: tea.String("intranet")}}}); err != nil {
		t.Fatal(err)
	}
	if got := ingress(); len(got) != 0 {
		t.Errorf("after the revoke: %v", got)
	}
}
