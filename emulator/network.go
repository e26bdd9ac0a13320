package emulator

import (
	"context"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/regions"
)

// The VPC API for alicloud_vpc and alicloud_vswitch: create, describe, delete. Answers
// carry the fields the Terraform provider reads, with empty lists for what the
// emulator does not model (IPv6 blocks, secondary and user CIDRs, tags).

// gone is the answer of a describe call for a VPC or vSwitch that does not exist: a
// success whose ID field is empty. That is how the alicloud provider (v1.277.0,
// service_alicloud_vpc_v2.go, DescribeVpcVpc and DescribeVpcVswitch) recognises a
// deleted VPC or vSwitch; it waits for it after DeleteVpc and DeleteVSwitch.
func gone(idField string) map[string]any {
	return map[string]any{"RequestId": newRequestID(), idField: ""}
}

// routerOf and routeTableOf name a VPC's router and system route table after the VPC.
func routerOf(vpc string) string     { return "vrt-" + strings.TrimPrefix(vpc, "vpc-") }
func routeTableOf(vpc string) string { return "vtb-" + strings.TrimPrefix(vpc, "vpc-") }

// cloudTime is how the VPC API writes times.
func cloudTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }

func (s *Server) createVPC(ctx context.Context, p *params) (any, error) {
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	tags, err := createTags(backend.VPC, p)
	if err != nil {
		return nil, err
	}
	in := fake.CreateVPCInput{Region: r, Name: p.str("VpcName"), Description: p.str("Description")}
	if c := p.str("CidrBlock"); c != "" {
		if in.CIDR, err = netip.ParsePrefix(c); err != nil {
			return nil, p.badParam("CidrBlock", "is not a CIDR block")
		}
	}
	v, err := s.b.CreateVPC(ctx, in)
	if err != nil {
		return nil, err
	}
	if err := s.tagNew(ctx, backend.VPC, r, "VPC", v.ID, tags); err != nil {
		return nil, err
	}
	return struct {
		RequestID       string `json:"RequestId"`
		VpcID           string `json:"VpcId"`
		VRouterID       string `json:"VRouterId"`
		RouteTableID    string `json:"RouteTableId"`
		ResourceGroupID string `json:"ResourceGroupId"`
	}{newRequestID(), v.ID, routerOf(v.ID), routeTableOf(v.ID), ""}, nil
}

func (s *Server) describeVPC(ctx context.Context, p *params) (any, error) {
	r, id, err := regionAnd(p, "VpcId")
	if err != nil {
		return nil, err
	}
	v, err := s.b.DescribeVPC(ctx, r, id)
	if backend.Code(err) == "InvalidVpcId.NotFound" {
		return gone("VpcId"), nil
	}
	if err != nil {
		return nil, err
	}
	out := s.vpcJSON(v)
	out["RequestId"] = newRequestID()
	return out, nil
}

// vpcJSON is a VPC as DescribeVpcAttribute and DescribeVpcs give it.
func (s *Server) vpcJSON(v fake.VPC) map[string]any {
	return map[string]any{
		"VpcId": v.ID, "RegionId": string(v.Region), "Status": "Available",
		"VpcName": v.Name, "Description": v.Description, "CidrBlock": v.CIDR.String(), "VRouterId": routerOf(v.ID),
		"CreationTime": cloudTime(
			v.Created,
		), "IsDefault": v.Default, "ClassicLinkEnabled": false, "ResourceGroupId": "",
		"DnsHostnameStatus": "DISABLED", "EnabledIpv6": false, "Ipv6CidrBlock": "",
		"Ipv6CidrBlocks":      map[string]any{"Ipv6CidrBlock": []none{}},
		"SecondaryCidrBlocks": map[string]any{"SecondaryCidrBlock": []string{}},
		"UserCidrs":           map[string]any{"UserCidr": []string{}},
		"Tags":                s.vpcTagsOf(v.ID),
		"VSwitchIds":          map[string]any{"VSwitchId": append([]string{}, v.VSwitches...)},
		"RouterTableIds":      map[string]any{"RouterTableIds": []string{routeTableOf(v.ID)}},
		"NatGatewayIds":       map[string]any{"NatGatewayIds": []string{}},
	}
}

// describeVPCs answers DescribeVpcs: the region's VPCs, narrowed by VpcId (a comma
// separated list), VpcName and IsDefault; one page holds them all.
func (s *Server) describeVPCs(ctx context.Context, p *params) (any, error) {
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	all, err := s.b.VPCs(ctx, r)
	if err != nil {
		return nil, err
	}
	list := []any{}
	for _, v := range all {
		if (p.str("VpcId") != "" && !slices.Contains(strings.Split(p.str("VpcId"), ","), v.ID)) ||
			(p.str("VpcName") != "" && p.str("VpcName") != v.Name) ||
			(p.str("IsDefault") != "" && p.str("IsDefault") != strconv.FormatBool(v.Default)) {
			continue
		}
		list = append(list, s.vpcJSON(v))
	}
	return map[string]any{
		"RequestId":  newRequestID(),
		"TotalCount": len(list),
		"PageNumber": 1,
		"PageSize":   max(len(list), 10),
		"Vpcs":       map[string]any{"Vpc": list},
	}, nil
}

func (s *Server) describeRouteTables(ctx context.Context, p *params) (any, error) {
	r, id, err := regionAnd(p, "VpcId")
	if err != nil {
		return nil, err
	}
	v, err := s.b.DescribeVPC(ctx, r, id)
	if backend.Code(err) == "InvalidVpcId.NotFound" {
		return map[string]any{"RequestId": newRequestID(), "TotalCount": 0, "PageNumber": 1, "PageSize": 10,
			"RouterTableList": map[string]any{"RouterTableListType": []any{}}}, nil
	}
	if err != nil {
		return nil, err
	}
	table := map[string]any{
		"RouteTableId": routeTableOf(v.ID), "RouteTableType": "System", "VpcId": v.ID, "RouterId": routerOf(v.ID),
		"RouterType": "VRouter", "RouteTableName": "", "Description": "", "ResourceGroupId": "", "Status": "Available",
		"RoutePropagationEnable": true, "CreationTime": cloudTime(v.Created),
		"VSwitchIds": map[string]any{"VSwitchId": append([]string{}, v.VSwitches...)},
	}
	return map[string]any{
		"RequestId": newRequestID(), "TotalCount": 1, "PageNumber": 1, "PageSize": 10,
		"RouterTableList": map[string]any{"RouterTableListType": []any{table}},
	}, nil
}

func (s *Server) deleteVPC(ctx context.Context, p *params) (any, error) {
	return deleteBy(ctx, p, "VpcId", s.b.DeleteVPC)
}

func (s *Server) createVSwitch(ctx context.Context, p *params) (any, error) {
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	tags, err := createTags(backend.VPC, p)
	if err != nil {
		return nil, err
	}
	in := fake.CreateVSwitchInput{
		Region:      r,
		Zone:        p.str("ZoneId"),
		Name:        p.str("VSwitchName"),
		Description: p.str("Description"),
	}
	if in.VPC, err = p.required("VpcId"); err != nil {
		return nil, err
	}
	c, err := p.required("CidrBlock")
	if err != nil {
		return nil, err
	}
	if in.CIDR, err = netip.ParsePrefix(c); err != nil {
		return nil, p.badParam("CidrBlock", "is not a CIDR block")
	}
	v, err := s.b.CreateVSwitch(ctx, in)
	if err != nil {
		return nil, err
	}
	if err := s.tagNew(ctx, backend.VPC, r, "VSWITCH", v.ID, tags); err != nil {
		return nil, err
	}
	return struct {
		RequestID string `json:"RequestId"`
		VSwitchID string `json:"VSwitchId"`
	}{newRequestID(), v.ID}, nil
}

func (s *Server) describeVSwitch(ctx context.Context, p *params) (any, error) {
	r, id, err := regionAnd(p, "VSwitchId")
	if err != nil {
		return nil, err
	}
	v, err := s.b.DescribeVSwitch(ctx, r, id)
	if backend.Code(err) == "InvalidVSwitchId.NotFound" {
		return gone("VSwitchId"), nil
	}
	if err != nil {
		return nil, err
	}
	out := s.vswitchJSON(v)
	out["RequestId"] = newRequestID()
	return out, nil
}

// vswitchJSON is a vSwitch as DescribeVSwitchAttributes and DescribeVSwitches give it.
func (s *Server) vswitchJSON(v fake.VSwitch) map[string]any {
	return map[string]any{
		"VSwitchId": v.ID, "VpcId": v.VPC, "Status": "Available", "CidrBlock": v.CIDR.String(),
		"ZoneId": v.Zone, "VSwitchName": v.Name, "Description": v.Description, "CreationTime": cloudTime(v.Created),
		"AvailableIpAddressCount": v.FreeIPs, "IsDefault": false, "ResourceGroupId": "", "Ipv6CidrBlock": "",
		"RouteTable": map[string]any{"RouteTableId": routeTableOf(v.VPC), "RouteTableType": "System"},
		"Tags":       s.vpcTagsOf(v.ID),
	}
}

// describeVSwitches answers DescribeVSwitches: the region's vSwitches, narrowed by
// VpcId, ZoneId, VSwitchId (a comma separated list) and VSwitchName; one page holds
// them all.
func (s *Server) describeVSwitches(ctx context.Context, p *params) (any, error) {
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	all, err := s.b.VSwitches(ctx, r)
	if err != nil {
		return nil, err
	}
	list := []any{}
	for _, v := range all {
		if (p.str("VpcId") != "" && p.str("VpcId") != v.VPC) || (p.str("ZoneId") != "" && p.str("ZoneId") != v.Zone) ||
			(p.str("VSwitchId") != "" && !slices.Contains(strings.Split(p.str("VSwitchId"), ","), v.ID)) ||
			(p.str("VSwitchName") != "" && p.str("VSwitchName") != v.Name) {
			continue
		}
		list = append(list, s.vswitchJSON(v))
	}
	return map[string]any{
		"RequestId":  newRequestID(),
		"TotalCount": len(list),
		"PageNumber": 1,
		"PageSize":   max(len(list), 10),
		"VSwitches":  map[string]any{"VSwitch": list},
	}, nil
}

func (s *Server) deleteVSwitch(ctx context.Context, p *params) (any, error) {
	return deleteBy(ctx, p, "VSwitchId", s.b.DeleteVSwitch)
}

// The ECS API for alicloud_security_group.

func sgJSON(g fake.SecurityGroup) map[string]any {
	return map[string]any{
		"SecurityGroupId": g.ID, "SecurityGroupName": g.Name, "Description": g.Description, "VpcId": g.VPC,
		"SecurityGroupType": g.Type, "CreationTime": cloudTime(g.Created), "ResourceGroupId": "", "ServiceManaged": false,
		"Tags": map[string]any{"Tag": []none{}},
	}
}

func (s *Server) createSecurityGroup(ctx context.Context, p *params) (any, error) {
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	tags, err := createTags(backend.ECS, p)
	if err != nil {
		return nil, err
	}
	g, err := s.b.CreateSecurityGroup(ctx, fake.CreateSecurityGroupInput{Region: r, VPC: p.str("VpcId"),
		Name: p.str("SecurityGroupName"), Description: p.str("Description"), Type: p.str("SecurityGroupType")})
	if err != nil {
		return nil, err
	}
	if err := s.tagNew(ctx, backend.ECS, r, "securitygroup", g.ID, tags); err != nil {
		return nil, err
	}
	return struct {
		RequestID       string `json:"RequestId"`
		SecurityGroupID string `json:"SecurityGroupId"`
	}{newRequestID(), g.ID}, nil
}

// describeSecurityGroups answers DescribeSecurityGroups for one SecurityGroupId, the way
// the provider asks; a group that does not exist gives an empty list.
func (s *Server) describeSecurityGroups(ctx context.Context, p *params) (any, error) {
	r, id, err := regionAnd(p, "SecurityGroupId")
	if err != nil {
		return nil, err
	}
	list := []any{}
	g, err := s.b.DescribeSecurityGroup(ctx, r, id)
	switch {
	case err == nil:
		j := sgJSON(g)
		j["Tags"] = s.ecsTagsOf(g.ID)
		list = append(list, j)
	case backend.Code(err) != "InvalidSecurityGroupId.NotFound":
		return nil, err
	}
	return map[string]any{"RequestId": newRequestID(), "TotalCount": len(list), "PageNumber": 1, "PageSize": 10,
		"SecurityGroups": map[string]any{"SecurityGroup": list}}, nil
}

func (s *Server) describeSecurityGroupAttribute(ctx context.Context, p *params) (any, error) {
	r, id, err := regionAnd(p, "SecurityGroupId")
	if err != nil {
		return nil, err
	}
	g, err := s.b.DescribeSecurityGroup(ctx, r, id)
	if err != nil {
		return nil, err
	}
	out := sgJSON(g)
	out["Tags"] = s.ecsTagsOf(g.ID)
	out["RequestId"], out["RegionId"], out["InnerAccessPolicy"] = newRequestID(), string(g.Region), "Accept"
	out["Permissions"] = map[string]any{"Permission": []none{}}
	return out, nil
}

func (s *Server) deleteSecurityGroup(ctx context.Context, p *params) (any, error) {
	return deleteBy(ctx, p, "SecurityGroupId", s.b.DeleteSecurityGroup)
}

// regionAnd reads RegionId and the required ID parameter name.
func regionAnd(p *params, name string) (regions.ID, string, error) {
	r, err := region(p)
	if err != nil {
		return "", "", err
	}
	id, err := p.required(name)
	return r, id, err
}

// deleteBy answers a delete call that names its resource by the parameter name.
func deleteBy(
	ctx context.Context,
	p *params,
	name string,
	del func(context.Context, regions.ID, string) error,
) (any, error) {
	r, id, err := regionAnd(p, name)
	if err != nil {
		return nil, err
	}
	if err := del(ctx, r, id); err != nil {
		return nil, err
	}
	return ok()
}
