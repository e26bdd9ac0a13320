package emulator

import (
	"cmp"
	"context"
	"encoding/json"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/regions"
)

// The operations this file answers from the fake's state, with their declarations
// (see backend.Declare).
const (
	OpDescribeRouteTables backend.Op = "DescribeRouteTableList"
)

var _ = backend.Declare(
	backend.Operation{API: backend.VPC, Op: OpDescribeRouteTables},
)

// The VPC API for alicloud_vpc and alicloud_vswitch: create, describe, delete. Answers
// carry the fields the Terraform provider reads (IPv6 blocks, secondary and user
// CIDRs, tags), with empty lists where a VPC or vSwitch has none.

// gone is the answer of a describe call for a VPC or vSwitch that does not exist: a
// success whose ID field is empty. That is how the alicloud provider (v1.277.0,
// service_alicloud_vpc_v2.go, DescribeVpcVpc and DescribeVpcVswitch) recognises a
// deleted VPC or vSwitch; it waits for it after DeleteVpc and DeleteVSwitch.
func gone(idField string) goneAnswer {
	return goneAnswer{"RequestId": newRequestID(), idField: ""}
}

// A goneAnswer is the answer of gone: its ID field's name depends on the resource.
type goneAnswer map[string]string

// routerOf names a VPC's router after the VPC (fake.SystemRouteTable its route table).
func routerOf(vpc string) string { return "vrt-" + strings.TrimPrefix(vpc, "vpc-") }

// cloudTime is how the VPC API writes times.
func cloudTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }

func (s *Server) createVPC(ctx context.Context, p *params) (any, error) {
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	// DNS host names are not modelled: their default, off, is taken, and on is refused
	// by name.
	if v := p.str("EnableDnsHostname"); v != "" && v != "false" {
		return nil, backend.NewError(string(p.op), "UnsupportedParameter",
			"eipassoc serve does not model EnableDnsHostname="+v+" of CreateVpc (DNS host names of a VPC).")
	}
	tags, err := createTags(backend.VPC, p)
	if err != nil {
		return nil, err
	}
	in := fake.CreateVPCInput{Region: r, Name: p.str("VpcName"), Description: p.str("Description"),
		ResourceGroupID: p.str("ResourceGroupId")}
	if c := p.str("CidrBlock"); c != "" {
		if in.CIDR, err = netip.ParsePrefix(c); err != nil {
			return nil, p.badParam("CidrBlock", "is not a CIDR block")
		}
	}
	switch v := p.str("EnableIpv6"); v {
	case "true":
		in.EnableIPv6 = true
	case "", "false":
	default:
		return nil, p.badParam("EnableIpv6", "true or false")
	}
	if c := p.str("Ipv6CidrBlock"); c != "" {
		if in.IPv6CIDR, err = netip.ParsePrefix(c); err != nil {
			return nil, p.badParam("Ipv6CidrBlock", "is not a CIDR block")
		}
	}
	in.IPv6ISP, in.IPAMPool = p.str("Ipv6Isp"), p.str("Ipv4IpamPoolId")
	if in.CIDRMask, err = p.integer("Ipv4CidrMask"); err != nil {
		return nil, err
	}
	if users := p.str("UserCidr"); users != "" { // comma-separated, as the API takes them
		for u := range strings.SplitSeq(users, ",") {
			block, err := netip.ParsePrefix(strings.TrimSpace(u))
			if err != nil {
				return nil, p.badParam("UserCidr", "a comma-separated list of CIDR blocks")
			}
			in.UserCIDRs = append(in.UserCIDRs, block)
		}
	}
	v, err := s.b.CreateVPC(ctx, in)
	if err != nil {
		return nil, err
	}
	if err := s.tagNew(ctx, backend.VPC, r, "VPC", v.ID, tags); err != nil {
		return nil, err
	}
	return createVPCAnswer{newRequestID(), v.ID, routerOf(v.ID), fake.SystemRouteTable(v.ID), ""}, nil
}

// createVPCAnswer is CreateVpc's answer.
type createVPCAnswer struct {
	RequestID       string `json:"RequestId"`
	VpcID           string `json:"VpcId"`
	VRouterID       string `json:"VRouterId"`
	RouteTableID    string `json:"RouteTableId"`
	ResourceGroupID string `json:"ResourceGroupId"`
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
	out.RequestID = newRequestID()
	return out, nil
}

// A vpcJSON is a VPC as DescribeVpcAttribute (with a RequestId) and DescribeVpcs (one
// of its list, without) give it.
type vpcJSON struct {
	RequestID           string `json:"RequestId,omitempty"`
	VpcID               string `json:"VpcId"`
	RegionID            string `json:"RegionId"`
	Status              string
	VpcName             string
	Description         string
	CidrBlock           string
	VRouterID           string `json:"VRouterId"`
	CreationTime        string
	IsDefault           bool
	ClassicLinkEnabled  bool
	ResourceGroupID     string                                  `json:"ResourceGroupId"`
	DNSHostnameStatus   string                                  `json:"DnsHostnameStatus"`
	EnabledIPv6         bool                                    `json:"EnabledIpv6"`
	IPv6CidrBlock       string                                  `json:"Ipv6CidrBlock"`
	IPv6CidrBlocks      struct{ Ipv6CidrBlock []ipv6BlockJSON } `json:"Ipv6CidrBlocks"`
	SecondaryCidrBlocks struct{ SecondaryCidrBlock []string }
	UserCidrs           struct{ UserCidr []string }
	Tags                vpcTags
	VSwitchIDs          struct {
		VSwitchID []string `json:"VSwitchId"`
	} `json:"VSwitchIds"`
	RouterTableIDs struct {
		RouterTableIDs []string `json:"RouterTableIds"`
	} `json:"RouterTableIds"`
	NatGatewayIDs struct {
		NatGatewayIDs []string `json:"NatGatewayIds"`
	} `json:"NatGatewayIds"`
}

// An ipv6BlockJSON is one IPv6 block of a VPC and the line it comes from.
type ipv6BlockJSON struct {
	Ipv6CidrBlock string
	Ipv6Isp       string
}

// vpcJSON is v as DescribeVpcAttribute and DescribeVpcs give it.
func (s *Server) vpcJSON(v fake.VPC) vpcJSON {
	out := vpcJSON{VpcID: v.ID, RegionID: string(v.Region), Status: "Available", VpcName: v.Name,
		Description: v.Description, CidrBlock: v.CIDR.String(), VRouterID: routerOf(v.ID),
		CreationTime: cloudTime(v.Created), IsDefault: v.Default, DNSHostnameStatus: "DISABLED",
		ResourceGroupID: v.ResourceGroupID,
		Tags:            s.vpcTagsOf(v.ID)}
	out.IPv6CidrBlocks.Ipv6CidrBlock = []ipv6BlockJSON{}
	if v.IPv6CIDR.IsValid() {
		out.EnabledIPv6, out.IPv6CidrBlock = true, v.IPv6CIDR.String()
		out.IPv6CidrBlocks.Ipv6CidrBlock = []ipv6BlockJSON{{v.IPv6CIDR.String(), v.IPv6ISP}}
	}
	out.SecondaryCidrBlocks.SecondaryCidrBlock = []string{}
	for _, b := range v.SecondaryCIDRs {
		out.SecondaryCidrBlocks.SecondaryCidrBlock = append(out.SecondaryCidrBlocks.SecondaryCidrBlock, b.String())
	}
	out.UserCidrs.UserCidr = []string{}
	for _, b := range v.UserCIDRs {
		out.UserCidrs.UserCidr = append(out.UserCidrs.UserCidr, b.String())
	}
	out.VSwitchIDs.VSwitchID = append([]string{}, v.VSwitches...)
	out.RouterTableIDs.RouterTableIDs = []string{fake.SystemRouteTable(v.ID)}
	for _, t := range v.RouteTables {
		out.RouterTableIDs.RouterTableIDs = append(out.RouterTableIDs.RouterTableIDs, t.ID)
	}
	out.NatGatewayIDs.NatGatewayIDs = []string{}
	return out
}

// A pageHead is the paging fields every list answer starts with.
type pageHead struct {
	RequestID  string `json:"RequestId"`
	TotalCount int
	PageNumber int
	PageSize   int
}

// onePage is the head of a list answer that holds all n items in one page of size.
func onePage(n, size int) pageHead {
	return pageHead{RequestID: newRequestID(), TotalCount: n, PageNumber: 1, PageSize: size}
}

// describeVPCsAnswer is DescribeVpcs' answer.
type describeVPCsAnswer struct {
	pageHead
	Vpcs struct{ Vpc []vpcJSON }
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
	tagged, err := s.tagFilter(p)
	if err != nil {
		return nil, err
	}
	list := []vpcJSON{}
	for _, v := range all {
		if (p.str("VpcId") != "" && !slices.Contains(strings.Split(p.str("VpcId"), ","), v.ID)) ||
			!matches(p, "VpcName", v.Name) || !matches(p, "IsDefault", strconv.FormatBool(v.Default)) ||
			!inGroup(p, v.ResourceGroupID) || !tagged(v.ID) || !matches(p, "VpcOwnerId", fake.AccountID) ||
			!matches(p, "DhcpOptionsSetId", "") {
			continue
		}
		list = append(list, s.vpcJSON(v))
	}
	page, head, err := pageOf(p, list)
	if err != nil {
		return nil, err
	}
	out := describeVPCsAnswer{pageHead: head}
	out.Vpcs.Vpc = page
	return out, nil
}

// describeRouteTables answers DescribeRouteTableList: the system route table and the
// custom ones of the VPC that VpcId names, or of the region, narrowed to RouteTableId
// when given. The system table's vSwitches are those no custom table has.
func (s *Server) describeRouteTables(ctx context.Context, p *params) (any, error) {
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	out := describeRouteTablesAnswer{pageHead: onePage(0, 10)}
	out.RouterTableList.RouterTableListType = []routeTableJSON{}
	vpcs, err := s.b.VPCs(ctx, r)
	if err != nil {
		return nil, err
	}
	for _, v := range vpcs {
		if id := p.str("VpcId"); id != "" && id != v.ID {
			continue
		}
		custom := map[string]bool{}
		for _, t := range v.RouteTables {
			for _, sw := range t.VSwitches {
				custom[sw] = true
			}
		}
		system := routeTableJSON{RouteTableID: fake.SystemRouteTable(v.ID), RouteTableType: "System", VpcID: v.ID,
			RouterID: routerOf(v.ID), RouterType: "VRouter", Status: "Available", RoutePropagationEnable: true,
			CreationTime: cloudTime(v.Created), RouteTableName: v.SystemTableName,
			Description: v.SystemTableDescription, ResourceGroupID: v.ResourceGroupID} // the VPC's group
		system.VSwitchIDs.VSwitchID = []string{}
		system.Tags = vpcTags{Tag: []keyValueJSON{}}
		for _, sw := range v.VSwitches {
			if !custom[sw] {
				system.VSwitchIDs.VSwitchID = append(system.VSwitchIDs.VSwitchID, sw)
			}
		}
		tables := []routeTableJSON{system}
		for _, t := range v.RouteTables {
			j := routeTableJSON{RouteTableID: t.ID, RouteTableType: "Custom", VpcID: v.ID, RouterID: routerOf(v.ID),
				RouterType: "VRouter", RouteTableName: t.Name, Description: t.Description, Status: "Available",
				RoutePropagationEnable: true, CreationTime: cloudTime(t.Created), AssociateType: "VSwitch"}
			j.VSwitchIDs.VSwitchID = append([]string{}, t.VSwitches...)
			j.Tags = s.vpcTagsOf(t.ID)
			tables = append(tables, j)
		}
		for _, t := range tables {
			if id := p.str("RouteTableId"); id == "" || id == t.RouteTableID {
				out.RouterTableList.RouterTableListType = append(out.RouterTableList.RouterTableListType, t)
			}
		}
	}
	out.TotalCount = len(out.RouterTableList.RouterTableListType)
	return out, nil
}

// describeRouteTablesAnswer is DescribeRouteTableList's answer: a VPC's system route
// table.
type describeRouteTablesAnswer struct {
	pageHead
	RouterTableList struct{ RouterTableListType []routeTableJSON }
}

// A routeTableJSON is a route table as DescribeRouteTableList gives it.
type routeTableJSON struct {
	RouteTableID           string `json:"RouteTableId"`
	RouteTableType         string
	VpcID                  string `json:"VpcId"`
	RouterID               string `json:"RouterId"`
	RouterType             string
	RouteTableName         string
	Description            string
	AssociateType          string `json:",omitempty"`
	ResourceGroupID        string `json:"ResourceGroupId"`
	Status                 string
	RoutePropagationEnable bool
	CreationTime           string
	VSwitchIDs             struct {
		VSwitchID []string `json:"VSwitchId"`
	} `json:"VSwitchIds"`
	Tags vpcTags
}

// deleteVPC answers DeleteVpc. ForceDelete=true also deletes the VPC's IPv4 and IPv6
// gateways, which the emulator's VPCs never have: either way, a VPC with vSwitches
// left is DependencyViolation.
func (s *Server) deleteVPC(ctx context.Context, p *params) (any, error) {
	if v := p.str("ForceDelete"); v != "" && v != "true" && v != "false" {
		return nil, p.badParam("ForceDelete", "true or false")
	}
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
	if p.has("Ipv6CidrBlock") { // the eighth byte of the vSwitch's /64 in the VPC's /56
		in.IPv6 = true
		if in.IPv6Index, err = p.integer("Ipv6CidrBlock"); err != nil {
			return nil, err
		}
	}
	v, err := s.b.CreateVSwitch(ctx, in)
	if err != nil {
		return nil, err
	}
	if err := s.tagNew(ctx, backend.VPC, r, "VSWITCH", v.ID, tags); err != nil {
		return nil, err
	}
	return createVSwitchAnswer{newRequestID(), v.ID}, nil
}

// createVSwitchAnswer is CreateVSwitch's answer.
type createVSwitchAnswer struct {
	RequestID string `json:"RequestId"`
	VSwitchID string `json:"VSwitchId"`
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
	out.RequestID = newRequestID()
	return out, nil
}

// A vswitchJSON is a vSwitch as DescribeVSwitchAttributes (with a RequestId) and
// DescribeVSwitches (one of its list, without) give it.
type vswitchJSON struct {
	RequestID               string `json:"RequestId,omitempty"`
	VSwitchID               string `json:"VSwitchId"`
	VpcID                   string `json:"VpcId"`
	Status                  string
	CidrBlock               string
	ZoneID                  string `json:"ZoneId"`
	VSwitchName             string
	Description             string
	CreationTime            string
	AvailableIPAddressCount int `json:"AvailableIpAddressCount"`
	IsDefault               bool
	ResourceGroupID         string `json:"ResourceGroupId"`
	IPv6CidrBlock           string `json:"Ipv6CidrBlock"`
	RouteTable              struct {
		RouteTableID   string `json:"RouteTableId"`
		RouteTableType string
	}
	Tags vpcTags
}

// vswitchJSON is v as DescribeVSwitchAttributes and DescribeVSwitches give it.
func (s *Server) vswitchJSON(v fake.VSwitch) vswitchJSON {
	out := vswitchJSON{VSwitchID: v.ID, VpcID: v.VPC, Status: "Available", CidrBlock: v.CIDR.String(),
		ZoneID: v.Zone, VSwitchName: v.Name, Description: v.Description, CreationTime: cloudTime(v.Created),
		AvailableIPAddressCount: v.FreeIPs, Tags: s.vpcTagsOf(v.ID)}
	if v.IPv6CIDR.IsValid() {
		out.IPv6CidrBlock = v.IPv6CIDR.String()
	}
	out.RouteTable.RouteTableID, out.RouteTable.RouteTableType = fake.SystemRouteTable(v.VPC), "System"
	return out
}

// describeVSwitchesAnswer is DescribeVSwitches' answer.
type describeVSwitchesAnswer struct {
	pageHead
	VSwitches struct{ VSwitch []vswitchJSON }
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
	tagged, err := s.tagFilter(p)
	if err != nil {
		return nil, err
	}
	routed, err := s.routedBy(ctx, r, p.str("RouteTableId"))
	if err != nil {
		return nil, err
	}
	list := []vswitchJSON{}
	for _, v := range all {
		if !matches(p, "VpcId", v.VPC) || !matches(p, "ZoneId", v.Zone) ||
			(p.str("VSwitchId") != "" && !slices.Contains(strings.Split(p.str("VSwitchId"), ","), v.ID)) ||
			!matches(p, "VSwitchName", v.Name) || !matches(p, "IsDefault", "false") || !inGroup(p, "") ||
			!tagged(v.ID) || (routed != nil && !routed[v.ID]) || !matches(p, "VSwitchOwnerId", fake.AccountID) {
			continue
		}
		list = append(list, s.vswitchJSON(v))
	}
	page, head, err := pageOf(p, list)
	if err != nil {
		return nil, err
	}
	out := describeVSwitchesAnswer{pageHead: head}
	out.VSwitches.VSwitch = page
	return out, nil
}

// routedBy returns the vSwitches route table table routes, nil when table is empty:
// a custom table's own, or for a system table those of its VPC no custom table has.
func (s *Server) routedBy(ctx context.Context, r regions.ID, table string) (map[string]bool, error) {
	if table == "" {
		return nil, nil
	}
	vpcs, err := s.b.VPCs(ctx, r)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, v := range vpcs {
		custom := map[string]bool{}
		for _, t := range v.RouteTables {
			for _, sw := range t.VSwitches {
				custom[sw] = true
				if t.ID == table {
					out[sw] = true
				}
			}
		}
		if fake.SystemRouteTable(v.ID) == table {
			for _, sw := range v.VSwitches {
				out[sw] = !custom[sw]
			}
		}
	}
	return out, nil
}

func (s *Server) deleteVSwitch(ctx context.Context, p *params) (any, error) {
	return deleteBy(ctx, p, "VSwitchId", s.b.DeleteVSwitch)
}

// The ECS API for alicloud_security_group.

// A securityGroupJSON is a security group as DescribeSecurityGroups (one of its list)
// and DescribeSecurityGroupAttribute (with the fields after Tags) give it.
type securityGroupJSON struct {
	RequestID         string `json:"RequestId,omitempty"`
	SecurityGroupID   string `json:"SecurityGroupId"`
	SecurityGroupName string
	Description       string
	VpcID             string `json:"VpcId"`
	SecurityGroupType string
	CreationTime      string
	ResourceGroupID   string `json:"ResourceGroupId"`
	ServiceManaged    bool
	Tags              ecsTags
	RegionID          string                                 `json:"RegionId,omitempty"`
	InnerAccessPolicy string                                 `json:",omitempty"`
	Permissions       *struct{ Permission []permissionJSON } `json:",omitempty"`
}

// securityGroupJSON is g with its tags, as DescribeSecurityGroups gives it.
func (s *Server) securityGroupJSON(g fake.SecurityGroup) securityGroupJSON {
	return securityGroupJSON{SecurityGroupID: g.ID, SecurityGroupName: g.Name, Description: g.Description,
		VpcID: g.VPC, SecurityGroupType: g.Type, CreationTime: cloudTime(g.Created), Tags: s.ecsTagsOf(g.ID),
		ResourceGroupID: g.ResourceGroupID}
}

// describeSecurityGroupsAnswer is DescribeSecurityGroups' answer.
type describeSecurityGroupsAnswer struct {
	pageHead
	SecurityGroups struct{ SecurityGroup []securityGroupJSON }
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
		Name: p.str("SecurityGroupName"), Description: p.str("Description"), Type: p.str("SecurityGroupType"), ResourceGroupID: p.str("ResourceGroupId")})
	if err != nil {
		return nil, err
	}
	if err := s.tagNew(ctx, backend.ECS, r, "securitygroup", g.ID, tags); err != nil {
		return nil, err
	}
	return createSecurityGroupAnswer{newRequestID(), g.ID}, nil
}

// createSecurityGroupAnswer is CreateSecurityGroup's answer.
type createSecurityGroupAnswer struct {
	RequestID       string `json:"RequestId"`
	SecurityGroupID string `json:"SecurityGroupId"`
}

// describeSecurityGroups answers DescribeSecurityGroups for one SecurityGroupId, the way
// the provider asks; a group that does not exist gives an empty list.
func (s *Server) describeSecurityGroups(ctx context.Context, p *params) (any, error) {
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	all, err := s.b.SecurityGroups(ctx, r)
	if err != nil {
		return nil, err
	}
	var ids []string
	if raw := p.str("SecurityGroupIds"); raw != "" {
		if err := json.Unmarshal([]byte(raw), &ids); err != nil {
			return nil, p.badParam("SecurityGroupIds", "must be a JSON array of security group IDs")
		}
	}
	tagged, err := s.tagFilter(p)
	if err != nil {
		return nil, err
	}
	list := []securityGroupJSON{}
	for _, g := range all {
		if !matches(p, "SecurityGroupId", g.ID) || (len(ids) > 0 && !slices.Contains(ids, g.ID)) ||
			!matches(p, "VpcId", g.VPC) || !matches(p, "SecurityGroupName", g.Name) || !inGroup(p, g.ResourceGroupID) ||
			!tagged(g.ID) {
			continue
		}
		list = append(list, s.securityGroupJSON(g))
	}
	page, head, err := pageOf(p, list)
	if err != nil {
		return nil, err
	}
	out := describeSecurityGroupsAnswer{pageHead: head}
	out.SecurityGroups.SecurityGroup = page
	return out, nil
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
	out := s.securityGroupJSON(g)
	out.RequestID, out.RegionID, out.InnerAccessPolicy = newRequestID(), string(g.Region), cmp.Or(g.InnerAccessPolicy, "Accept")
	out.Permissions = &struct{ Permission []permissionJSON }{Permission: permissions(g, p)}
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

// vpcCIDR answers AssociateVpcCidrBlock and UnassociateVpcCidrBlock through change:
// SecondaryCidrBlock, an IPv4 block (secondary IPv6 blocks and IPAM pools are not
// modelled).
func (s *Server) vpcCIDR(change func(context.Context, regions.ID, string, netip.Prefix) error) handler {
	return func(ctx context.Context, p *params) (any, error) {
		r, vpc, err := regionAnd(p, "VpcId")
		if err != nil {
			return nil, err
		}
		if v := p.str("IpVersion"); v != "" && v != "IPV4" {
			return nil, p.badParam("IpVersion", "eipassoc serve models IPv4 secondary blocks only")
		}
		raw, err := p.required("SecondaryCidrBlock")
		if err != nil {
			return nil, err
		}
		block, err := netip.ParsePrefix(raw)
		if err != nil {
			return nil, p.badParam("SecondaryCidrBlock", "is not a CIDR block")
		}
		if err := change(ctx, r, vpc, block); err != nil {
			return nil, err
		}
		return ok()
	}
}

// The routes of this file's handlers: for each operation, the parameters it models or
// keeps and the handler that answers it (see addRoutes).
var _ = addRoutes(
	route{API: backend.VPC, Op: fake.OpAssociateVPCCIDR, Handler: func(s *Server) handler { return s.vpcCIDR(s.b.AssociateVPCCIDR) },
		Params: modelledParams("RegionId", "VpcId", "SecondaryCidrBlock", "IpVersion", "ClientToken")},
	route{API: backend.VPC, Op: fake.OpUnassociateVPCCIDR, Handler: func(s *Server) handler { return s.vpcCIDR(s.b.UnassociateVPCCIDR) },
		Params: modelledParams("RegionId", "VpcId", "SecondaryCidrBlock", "IpVersion", "ClientToken")},
	route{API: backend.VPC, Op: fake.OpCreateVPC, Handler: func(s *Server) handler { return s.createVPC },
		Params: modelledParams("RegionId", "CidrBlock", "VpcName", "Description", "ClientToken", "EnableIpv6",
			"Ipv6CidrBlock", "Ipv6Isp", "Ipv4IpamPoolId", "Ipv4CidrMask", "EnableDnsHostname", "UserCidr",
			"ResourceGroupId", tagParams)},
	route{API: backend.VPC, Op: fake.OpDescribeVPC, Handler: func(s *Server) handler { return s.describeVPC },
		Params: modelledParams("RegionId", "VpcId")},
	route{API: backend.VPC, Op: OpDescribeRouteTables, Handler: func(s *Server) handler { return s.describeRouteTables },
		Params: modelledParams("RegionId", "VpcId", "RouteTableId", "PageNumber", "PageSize")},
	route{API: backend.VPC, Op: fake.OpDeleteVPC, Handler: func(s *Server) handler { return s.deleteVPC },
		Params: modelledParams("RegionId", "VpcId", "ClientToken", "ForceDelete")},
	route{API: backend.VPC, Op: fake.OpCreateVSwitch, Handler: func(s *Server) handler { return s.createVSwitch },
		Params: modelledParams("RegionId", "VpcId", "ZoneId", "CidrBlock", "Ipv6CidrBlock", "VSwitchName",
			"Description", "ClientToken", tagParams)},
	route{API: backend.VPC, Op: fake.OpDescribeVSwitch, Handler: func(s *Server) handler { return s.describeVSwitch },
		Params: modelledParams("RegionId", "VSwitchId")},
	route{API: backend.VPC, Op: fake.OpDeleteVSwitch, Handler: func(s *Server) handler { return s.deleteVSwitch },
		Params: modelledParams("RegionId", "VSwitchId")},
	route{API: backend.VPC, Op: fake.OpDescribeVPCs, Handler: func(s *Server) handler { return s.describeVPCs },
		Params: modelledParams("RegionId", "VpcId", "VpcName", "IsDefault", "PageNumber", "PageSize",
			"ResourceGroupId", "VpcOwnerId", "DhcpOptionsSetId", tagParams)},
	route{API: backend.VPC, Op: backend.OpDescribeVSwitches, Handler: func(s *Server) handler { return s.describeVSwitches },
		Params: modelledParams("RegionId", "VSwitchId", "VSwitchName", "VpcId", "ZoneId", "PageNumber", "PageSize",
			"IsDefault", "ResourceGroupId", "RouteTableId", "VSwitchOwnerId", tagParams)},
	route{API: backend.ECS, Op: fake.OpCreateSecurityGroup, Handler: func(s *Server) handler { return s.createSecurityGroup },
		Params: modelledParams("RegionId", "VpcId", "SecurityGroupName", "SecurityGroupType", "Description",
			"ClientToken", "ResourceGroupId", tagParams)},
	route{API: backend.ECS, Op: fake.OpDescribeSecurityGroups, Handler: func(s *Server) handler { return s.describeSecurityGroups },
		Params: modelledParams("RegionId", "SecurityGroupId", "SecurityGroupIds", "SecurityGroupName", "VpcId",
			"PageNumber", "PageSize", "ResourceGroupId", tagParams)},
	route{API: backend.ECS, Op: fake.OpDescribeSecurityGroup, Handler: func(s *Server) handler { return s.describeSecurityGroupAttribute },
		Params: modelledParams("RegionId", "SecurityGroupId", "Direction", "NicType")},
	route{API: backend.ECS, Op: fake.OpDeleteSecurityGroup, Handler: func(s *Server) handler { return s.deleteSecurityGroup },
		Params: modelledParams("RegionId", "SecurityGroupId")},
)
