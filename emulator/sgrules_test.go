package emulator_test

import (
	"errors"
	"net/netip"
	"slices"
	"testing"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"

	"github.com/eipassoc/eipassoc/backend/fake"
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

// TestSecurityGroupRulePeers: a rule's peer may be a prefix list of the region
// (SourcePrefixListId) or another account's security group, named with its owner
// (SourceGroupOwnerAccount); both are seeded through the topology, and one the account
// cannot see is refused (InvalidPrefixListId.NotFound, InvalidSecurityGroupId.NotFound).
func TestSecurityGroupRulePeers(t *testing.T) {
	t.Parallel()
	_, e, account, _ := sdkServer(t)
	if err := account.Seed(fake.Topology{
		PrefixLists: []fake.PrefixList{{ID: "pl-office", Region: "cn-shanghai",
			Entries: []netip.Prefix{netip.MustParsePrefix("203.0.113.0/24")}}},
		PeerGroups: []fake.PeerGroup{{ID: "sg-partner", Region: "cn-shanghai", Account: "1234567890"}},
	}); err != nil {
		t.Fatal(err)
	}
	sg, err := e.CreateSecurityGroup(&ecs.CreateSecurityGroupRequest{RegionId: tea.String("cn-shanghai"),
		VpcId: tea.String("vpc-t")})
	if err != nil {
		t.Fatal(err)
	}
	authorize := func(p *ecs.AuthorizeSecurityGroupRequestPermissions) error {
		p.IpProtocol, p.PortRange = tea.String("tcp"), tea.String("443/443")
		_, err := e.AuthorizeSecurityGroup(&ecs.AuthorizeSecurityGroupRequest{RegionId: tea.String("cn-shanghai"),
			SecurityGroupId: sg.Body.SecurityGroupId, Permissions: []*ecs.AuthorizeSecurityGroupRequestPermissions{p}})
		return err
	}
	if err := authorize(&ecs.AuthorizeSecurityGroupRequestPermissions{SourcePrefixListId: tea.String("pl-office")}); err != nil {
		t.Errorf("a seeded prefix list as the peer: %v", err)
	}
	wantCode(t, "a prefix list that does not exist",
		authorize(&ecs.AuthorizeSecurityGroupRequestPermissions{SourcePrefixListId: tea.String("pl-none")}),
		"InvalidPrefixListId.NotFound")
	if err := authorize(&ecs.AuthorizeSecurityGroupRequestPermissions{SourceGroupId: tea.String("sg-partner"),
		SourceGroupOwnerAccount: tea.String("1234567890"), Priority: tea.String("2")}); err != nil {
		t.Errorf("another account's group with its owner: %v", err)
	}
	wantCode(t, "another account's group under the wrong owner",
		authorize(&ecs.AuthorizeSecurityGroupRequestPermissions{SourceGroupId: tea.String("sg-partner"),
			SourceGroupOwnerAccount: tea.String("999"), Priority: tea.String("3")}),
		"InvalidSecurityGroupId.NotFound")
	wantCode(t, "another account's group without its owner",
		authorize(&ecs.AuthorizeSecurityGroupRequestPermissions{SourceGroupId: tea.String("sg-partner"),
			Priority: tea.String("4")}),
		"InvalidSecurityGroupId.NotFound")
	out, err := e.DescribeSecurityGroupAttribute(&ecs.DescribeSecurityGroupAttributeRequest{RegionId: tea.String("cn-shanghai"),
		SecurityGroupId: sg.Body.SecurityGroupId, Direction: tea.String("ingress")})
	if err != nil {
		t.Fatal(err)
	}
	var lists, owners []string
	for _, r := range out.Body.Permissions.Permission {
		lists = append(lists, tea.StringValue(r.SourcePrefixListId))
		owners = append(owners, tea.StringValue(r.SourceGroupOwnerAccount))
	}
	if !slices.Contains(lists, "pl-office") || !slices.Contains(owners, "1234567890") {
		t.Errorf("the rules give back prefix lists %q and owners %q", lists, owners)
	}
}
