package fake

import (
	"context"
	"net/netip"
	"slices"
	"strings"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/regions"
)

// The operations this file implements, with their declarations (see backend.Declare).
const (
	OpCreateRouteEntry backend.Op = "CreateRouteEntry"
	OpDeleteRouteEntry backend.Op = "DeleteRouteEntry"
)

var _ = backend.Declare(
	backend.Operation{API: backend.VPC, Op: OpCreateRouteEntry, Mutates: true},
	backend.Operation{API: backend.VPC, Op: OpDeleteRouteEntry, Mutates: true},
)

// A RouteEntry is a custom route of a VPC's system route table: traffic for
// Destination goes to NextHop, an ECS instance (NextHopType Instance) or an ENI
// (NetworkInterface) of the VPC, as a firewall layout sends its traffic through the
// appliance. No rule of eipassoc reads it; the fake keeps it so that alicloud_route_entry
// applies, and refuses to delete a next hop that a route still uses.
type RouteEntry struct {
	Destination netip.Prefix `json:"destination"`
	NextHopType string       `json:"next_hop_type"` // Instance or NetworkInterface
	NextHop     string       `json:"next_hop"`
	Name        string       `json:"name,omitempty"`
	Description string       `json:"description,omitempty"`
}

// SystemRouteTable returns the ID of the system route table of VPC vpc, named after
// it: vpc-x has vtb-x.
func SystemRouteTable(vpc string) string { return "vtb-" + strings.TrimPrefix(vpc, "vpc-") }

// RouteEntryInput adds or removes a route of the route table Table.
type RouteEntryInput struct {
	Region regions.ID
	Table  string
	RouteEntry
}

// checkNextHop checks that the next hop of e is an instance or ENI in VPC vpc.
func (b *Backend) checkNextHop(op backend.Op, vpc string, e RouteEntry) error {
	var in string
	switch e.NextHopType {
	case "Instance":
		if i := b.s.instances[e.NextHop]; i != nil {
			in = i.VPC
		}
	case "NetworkInterface":
		if n := b.s.enis[eni.ID(e.NextHop)]; n != nil {
			in = n.iface.VPC
		}
	default:
		return fail(op, "InvalidParameter", "The NextHopType "+e.NextHopType+" is not modelled: Instance or "+
			"NetworkInterface.")
	}
	if in != vpc {
		return fail(op, "InvalidParameter", "The next hop "+e.NextHop+" is not a "+e.NextHopType+" of "+vpc+".")
	}
	return nil
}

// CreateRouteEntry implements VPC CreateRouteEntry for the system route table: a
// destination the table routes already is InvalidCIDRBlock.Duplicate.
func (b *Backend) CreateRouteEntry(ctx context.Context, in RouteEntryInput) (err error) {
	const op = OpCreateRouteEntry
	if err := begin(ctx, b, op, in); err != nil {
		return err
	}
	defer func() { err = end(b, op, in, err) }()
	v, t, err := b.routeTable(op, in.Region, in.Table)
	if err != nil {
		return err
	}
	routes := &v.Routes
	if t != nil {
		routes = &t.Routes
	}
	return b.addRoute(op, v.ID, routes, in.RouteEntry)
}

// addRoute adds e to routes, a route table of VPC vpc.
func (b *Backend) addRoute(op backend.Op, vpc string, routes *[]RouteEntry, e RouteEntry) error {
	if !e.Destination.IsValid() || !e.Destination.Addr().Is4() {
		return fail(op, "InvalidParameter", "The DestinationCidrBlock is not an IPv4 CIDR block.")
	}
	e.Destination = e.Destination.Masked()
	if err := b.checkNextHop(op, vpc, e); err != nil {
		return err
	}
	if slices.ContainsFunc(*routes, func(r RouteEntry) bool { return r.Destination == e.Destination }) {
		return fail(op, "InvalidCIDRBlock.Duplicate", "The route table already routes "+e.Destination.String()+".")
	}
	*routes = append(*routes, e)
	return nil
}

// DeleteRouteEntry implements VPC DeleteRouteEntry: the route to Destination (through
// NextHop, when given) goes; a route the table does not have is
// InvalidRouteEntry.NotFound.
func (b *Backend) DeleteRouteEntry(ctx context.Context, in RouteEntryInput) (err error) {
	const op = OpDeleteRouteEntry
	if err := begin(ctx, b, op, in); err != nil {
		return err
	}
	defer func() { err = end(b, op, in, err) }()
	v, t, err := b.routeTable(op, in.Region, in.Table)
	if err != nil {
		return err
	}
	routes := &v.Routes
	if t != nil {
		routes = &t.Routes
	}
	i := slices.IndexFunc(*routes, func(r RouteEntry) bool {
		return r.Destination == in.Destination.Masked() && (in.NextHop == "" || r.NextHop == in.NextHop)
	})
	if i < 0 {
		return fail(op, "InvalidRouteEntry.NotFound", "The route table has no route to "+in.Destination.String()+".")
	}
	*routes = slices.Delete(*routes, i, i+1)
	return nil
}

// routeThrough returns a route that uses next hop id, for the refusal to delete it.
func (b *Backend) routeThrough(id string) (RouteEntry, bool) {
	for _, v := range b.s.vpcs {
		routes := slices.Clone(v.Routes)
		for _, t := range v.RouteTables {
			routes = append(routes, t.Routes...)
		}
		for _, r := range routes {
			if r.NextHop == id {
				return r, true
			}
		}
	}
	return RouteEntry{}, false
}
