package emulator

import (
	"context"
	"net/netip"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
)

// The operations this file answers from the fake's state, with their declarations
// (see backend.Declare).
const (
	OpDescribeRouteEntries backend.Op = "DescribeRouteTables"
)

var _ = backend.Declare(
	backend.Operation{API: backend.VPC, Op: OpDescribeRouteEntries},
)

// The VPC API for alicloud_route_entry: custom routes of a VPC's system route table
// with an instance or an ENI as the next hop.

var (
	createRouteEntryParams = modelledParams("RegionId", "RouteTableId", "DestinationCidrBlock", "NextHopType",
		"NextHopId", "RouteEntryName", "Description", "ClientToken")
	deleteRouteEntryParams   = modelledParams("RegionId", "RouteTableId", "DestinationCidrBlock", "NextHopId")
	describeRouteTableParams = modelledParams("RegionId", "RouteTableId", "VRouterId", "PageNumber", "PageSize")
	createRouteTableParams   = modelledParams("RegionId", "VpcId", "RouteTableName", "Description", "AssociateType",
		"ClientToken", tagParams)
	routeTableVSwitchParams = modelledParams("RegionId", "RouteTableId", "VSwitchId", "ClientToken")
	modifyRouteTableParams  = modelledParams("RegionId", "RouteTableId", "RouteTableName", "Description",
		"RoutePropagationEnable")
	deleteRouteTableParams = modelledParams("RegionId", "RouteTableId")
)

func (s *Server) createRouteTable(ctx context.Context, p *params) (any, error) {
	if err := refuseOthers(p, createRouteTableParams); err != nil {
		return nil, err
	}
	if t := p.str("AssociateType"); t != "" && t != "VSwitch" {
		return nil, p.badParam("AssociateType", "eipassoc serve models route tables of vSwitches only")
	}
	r, vpc, err := regionAnd(p, "VpcId")
	if err != nil {
		return nil, err
	}
	tags, err := createTags(backend.VPC, p)
	if err != nil {
		return nil, err
	}
	t, err := s.b.CreateRouteTable(ctx, fake.CreateRouteTableInput{Region: r, VPC: vpc, Name: p.str("RouteTableName"),
		Description: p.str("Description")})
	if err != nil {
		return nil, err
	}
	if err := s.tagNew(ctx, backend.VPC, r, "ROUTETABLE", t.ID, tags); err != nil {
		return nil, err
	}
	return struct {
		RequestID    string `json:"RequestId"`
		RouteTableID string `json:"RouteTableId"`
	}{newRequestID(), t.ID}, nil
}

// routeTableVSwitch answers AssociateRouteTable and UnassociateRouteTable with do.
func (s *Server) routeTableVSwitch(
	do func(context.Context, fake.RouteTableAssociation) error,
) func(context.Context, *params) (any, error) {
	return func(ctx context.Context, p *params) (any, error) {
		if err := refuseOthers(p, routeTableVSwitchParams); err != nil {
			return nil, err
		}
		r, table, err := regionAnd(p, "RouteTableId")
		if err != nil {
			return nil, err
		}
		sw, err := p.required("VSwitchId")
		if err != nil {
			return nil, err
		}
		if err := do(ctx, fake.RouteTableAssociation{Region: r, Table: table, VSwitch: sw}); err != nil {
			return nil, err
		}
		return ok()
	}
}

func (s *Server) modifyRouteTable(ctx context.Context, p *params) (any, error) {
	if err := refuseOthers(p, modifyRouteTableParams); err != nil {
		return nil, err
	}
	if v := p.str("RoutePropagationEnable"); v != "" && v != "true" {
		return nil, p.badParam("RoutePropagationEnable", "eipassoc serve models route propagation on only")
	}
	r, table, err := regionAnd(p, "RouteTableId")
	if err != nil {
		return nil, err
	}
	if err := s.b.ModifyRouteTable(ctx, r, table, p.optional("RouteTableName"), p.optional("Description")); err != nil {
		return nil, err
	}
	return ok()
}

func (s *Server) deleteRouteTable(ctx context.Context, p *params) (any, error) {
	if err := refuseOthers(p, deleteRouteTableParams); err != nil {
		return nil, err
	}
	return deleteBy(ctx, p, "RouteTableId", s.b.DeleteRouteTable)
}

// routeEntryInput reads the route a call names.
func routeEntryInput(p *params) (fake.RouteEntryInput, error) {
	r, table, err := regionAnd(p, "RouteTableId")
	if err != nil {
		return fake.RouteEntryInput{}, err
	}
	dest, err := p.required("DestinationCidrBlock")
	if err != nil {
		return fake.RouteEntryInput{}, err
	}
	prefix, perr := netip.ParsePrefix(dest)
	if perr != nil {
		return fake.RouteEntryInput{}, p.badParam("DestinationCidrBlock", "not a CIDR block")
	}
	return fake.RouteEntryInput{Region: r, Table: table, RouteEntry: fake.RouteEntry{Destination: prefix,
		NextHop: p.str("NextHopId")}}, nil
}

func (s *Server) createRouteEntry(ctx context.Context, p *params) (any, error) {
	in, err := routeEntryInput(p)
	if err != nil {
		return nil, err
	}
	in.NextHopType, in.Name, in.Description = p.str("NextHopType"), p.str("RouteEntryName"), p.str("Description")
	if err := s.b.CreateRouteEntry(ctx, in); err != nil {
		return nil, err
	}
	return ok()
}

func (s *Server) deleteRouteEntry(ctx context.Context, p *params) (any, error) {
	in, err := routeEntryInput(p)
	if err != nil {
		return nil, err
	}
	if err := s.b.DeleteRouteEntry(ctx, in); err != nil {
		return nil, err
	}
	return ok()
}

// A routeEntryJSON is a route as DescribeRouteTables answers it.
type routeEntryJSON struct {
	RouteTableID         string `json:"RouteTableId"`
	DestinationCidrBlock string
	Type                 string // System or Custom
	Status               string
	InstanceID           string `json:"InstanceId"`
	NextHopType          string
	RouteEntryName       string
	Description          string
	NextHops             struct {
		NextHop []nextHopJSON
	}
}

type nextHopJSON struct {
	NextHopType string
	NextHopID   string `json:"NextHopId"`
	Enabled     int
	Weight      int
}

// routeTableEntriesJSON is a route table with its routes, as DescribeRouteTables
// answers it.
type routeTableEntriesJSON struct {
	RouteTableID   string `json:"RouteTableId"`
	VRouterID      string `json:"VRouterId"`
	RouteTableType string
	CreationTime   string
	RouteEntrys    struct {
		RouteEntry []routeEntryJSON
	}
}

// describeRouteEntries answers VPC DescribeRouteTables: the system route table of the
// VPC that RouteTableId (or VRouterId) names, with a System route for each vSwitch and
// the custom routes. An unknown table is an empty list, as the API answers.
func (s *Server) describeRouteEntries(ctx context.Context, p *params) (any, error) {
	if err := refuseOthers(p, describeRouteTableParams); err != nil {
		return nil, err
	}
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	out := struct {
		pageHead
		RouteTables struct{ RouteTable []routeTableEntriesJSON }
	}{pageHead: onePage(0, 10)}
	out.RouteTables.RouteTable = []routeTableEntriesJSON{}
	vpcs, err := s.b.VPCs(ctx, r)
	if err != nil {
		return nil, err
	}
	switches, err := s.b.VSwitches(ctx, r) // one read for the System routes of every VPC
	if err != nil {
		return nil, err
	}
	cidrs := map[string]string{}
	for _, sw := range switches {
		cidrs[sw.ID] = sw.CIDR.String()
	}
	for _, v := range vpcs {
		if p.str("VRouterId") != "" && p.str("VRouterId") != routerOf(v.ID) {
			continue
		}
		system := routeTableEntriesJSON{RouteTableID: fake.SystemRouteTable(v.ID), VRouterID: routerOf(v.ID),
			RouteTableType: "System", CreationTime: cloudTime(v.Created)}
		system.RouteEntrys.RouteEntry = []routeEntryJSON{}
		for _, id := range v.VSwitches {
			e := routeEntryJSON{RouteTableID: system.RouteTableID, DestinationCidrBlock: cidrs[id], Type: "System",
				Status: "Available", NextHopType: "local"}
			e.NextHops.NextHop = []nextHopJSON{}
			system.RouteEntrys.RouteEntry = append(system.RouteEntrys.RouteEntry, e)
		}
		system.RouteEntrys.RouteEntry = append(system.RouteEntrys.RouteEntry, customRoutes(system.RouteTableID, v.Routes)...)
		tables := []routeTableEntriesJSON{system}
		for _, t := range v.RouteTables {
			c := routeTableEntriesJSON{RouteTableID: t.ID, VRouterID: routerOf(v.ID), RouteTableType: "Custom",
				CreationTime: cloudTime(t.Created)}
			c.RouteEntrys.RouteEntry = customRoutes(t.ID, t.Routes)
			tables = append(tables, c)
		}
		for _, t := range tables {
			if id := p.str("RouteTableId"); id == "" || id == t.RouteTableID {
				out.RouteTables.RouteTable = append(out.RouteTables.RouteTable, t)
			}
		}
	}
	out.TotalCount = len(out.RouteTables.RouteTable)
	return out, nil
}

// customRoutes returns routes of table as DescribeRouteTables answers them.
func customRoutes(table string, routes []fake.RouteEntry) []routeEntryJSON {
	out := []routeEntryJSON{}
	for _, rt := range routes {
		e := routeEntryJSON{RouteTableID: table, DestinationCidrBlock: rt.Destination.String(), Type: "Custom",
			Status: "Available", InstanceID: rt.NextHop, NextHopType: rt.NextHopType, RouteEntryName: rt.Name,
			Description: rt.Description}
		e.NextHops.NextHop = []nextHopJSON{{NextHopType: rt.NextHopType, NextHopID: rt.NextHop, Enabled: 1}}
		out = append(out, e)
	}
	return out
}

// The routes of this file's handlers: for each operation, the parameters it models or
// keeps and the handler that answers it (see addRoutes).
var _ = addRoutes(
	route{API: backend.VPC, Op: fake.OpCreateRouteEntry, Handler: func(s *Server) handler { return s.createRouteEntry },
		Params: createRouteEntryParams},
	route{API: backend.VPC, Op: fake.OpDeleteRouteEntry, Handler: func(s *Server) handler { return s.deleteRouteEntry },
		Params: deleteRouteEntryParams},
	route{API: backend.VPC, Op: OpDescribeRouteEntries, Handler: func(s *Server) handler { return s.describeRouteEntries },
		Params: describeRouteTableParams},
	route{API: backend.VPC, Op: fake.OpCreateRouteTable, Handler: func(s *Server) handler { return s.createRouteTable },
		Params: createRouteTableParams},
	route{API: backend.VPC, Op: fake.OpAssociateRouteTable, Handler: func(s *Server) handler { return s.routeTableVSwitch(s.b.AssociateRouteTable) },
		Params: routeTableVSwitchParams},
	route{API: backend.VPC, Op: fake.OpUnassociateRouteTable, Handler: func(s *Server) handler { return s.routeTableVSwitch(s.b.UnassociateRouteTable) },
		Params: routeTableVSwitchParams},
	route{API: backend.VPC, Op: fake.OpModifyRouteTable, Handler: func(s *Server) handler { return s.modifyRouteTable },
		Params: modifyRouteTableParams},
	route{API: backend.VPC, Op: fake.OpDeleteRouteTable, Handler: func(s *Server) handler { return s.deleteRouteTable },
		Params: modelledParams("RegionId", "RouteTableId")},
)
