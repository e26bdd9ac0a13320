package emulator

import (
	"context"
	"net/netip"

	"github.com/eipassoc/eipassoc/backend/fake"
)

// The VPC API for alicloud_route_entry: custom routes of a VPC's system route table
// with an instance or an ENI as the next hop.

var (
	createRouteEntryParams = modelledParams("RegionId", "RouteTableId", "DestinationCidrBlock", "NextHopType",
		"NextHopId", "RouteEntryName", "Description", "ClientToken")
	deleteRouteEntryParams   = modelledParams("RegionId", "RouteTableId", "DestinationCidrBlock", "NextHopId")
	describeRouteTableParams = modelledParams("RegionId", "RouteTableId", "VRouterId", "PageNumber", "PageSize")
)

// routeEntryInput reads the route a call names.
func routeEntryInput(p *params, allowed modelled) (fake.RouteEntryInput, error) {
	if err := refuseOthers(p, allowed); err != nil {
		return fake.RouteEntryInput{}, err
	}
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
		NextHopType: p.str("NextHopType"), NextHop: p.str("NextHopId"), Name: p.str("RouteEntryName"),
		Description: p.str("Description")}}, nil
}

func (s *Server) createRouteEntry(ctx context.Context, p *params) (any, error) {
	in, err := routeEntryInput(p, createRouteEntryParams)
	if err != nil {
		return nil, err
	}
	if err := s.b.CreateRouteEntry(ctx, in); err != nil {
		return nil, err
	}
	return ok()
}

func (s *Server) deleteRouteEntry(ctx context.Context, p *params) (any, error) {
	in, err := routeEntryInput(p, deleteRouteEntryParams)
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
	for _, v := range vpcs {
		table := fake.SystemRouteTable(v.ID)
		if t := p.str("RouteTableId"); t != "" && t != table || p.str("VRouterId") != "" && p.str("VRouterId") != routerOf(v.ID) {
			continue
		}
		j := routeTableEntriesJSON{RouteTableID: table, VRouterID: routerOf(v.ID), RouteTableType: "System",
			CreationTime: cloudTime(v.Created)}
		j.RouteEntrys.RouteEntry = []routeEntryJSON{}
		for _, id := range v.VSwitches {
			sw, err := s.b.DescribeVSwitch(ctx, r, id)
			if err != nil {
				return nil, err
			}
			e := routeEntryJSON{RouteTableID: table, DestinationCidrBlock: sw.CIDR.String(), Type: "System",
				Status: "Available", NextHopType: "local"}
			e.NextHops.NextHop = []nextHopJSON{}
			j.RouteEntrys.RouteEntry = append(j.RouteEntrys.RouteEntry, e)
		}
		for _, rt := range v.Routes {
			e := routeEntryJSON{RouteTableID: table, DestinationCidrBlock: rt.Destination.String(), Type: "Custom",
				Status: "Available", InstanceID: rt.NextHop, NextHopType: rt.NextHopType, RouteEntryName: rt.Name,
				Description: rt.Description}
			e.NextHops.NextHop = []nextHopJSON{{NextHopType: rt.NextHopType, NextHopID: rt.NextHop, Enabled: 1}}
			j.RouteEntrys.RouteEntry = append(j.RouteEntrys.RouteEntry, e)
		}
		out.RouteTables.RouteTable = append(out.RouteTables.RouteTable, j)
	}
	out.TotalCount = len(out.RouteTables.RouteTable)
	return out, nil
}
