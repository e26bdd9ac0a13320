package fake

import (
	"context"
	"slices"
	"time"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/regions"
)

// The operations this file implements, with their declarations (see backend.Declare).
const (
	OpCreateRouteTable      backend.Op = "CreateRouteTable"
	OpAssociateRouteTable   backend.Op = "AssociateRouteTable"
	OpUnassociateRouteTable backend.Op = "UnassociateRouteTable"
	OpModifyRouteTable      backend.Op = "ModifyRouteTableAttributes"
	OpDeleteRouteTable      backend.Op = "DeleteRouteTable"
)

var _ = backend.Declare(
	backend.Operation{API: backend.VPC, Op: OpCreateRouteTable, Mutates: true},
	backend.Operation{API: backend.VPC, Op: OpAssociateRouteTable, Mutates: true},
	backend.Operation{API: backend.VPC, Op: OpUnassociateRouteTable, Mutates: true},
	backend.Operation{API: backend.VPC, Op: OpModifyRouteTable, Mutates: true},
	backend.Operation{API: backend.VPC, Op: OpDeleteRouteTable, Mutates: true},
)

// A RouteTable is a custom route table of a VPC: the vSwitches associated with it
// route by its routes instead of the system table's. No rule of eipassoc reads it; the
// fake keeps it so that alicloud_route_table, alicloud_route_table_attachment and
// alicloud_route_entry in a custom table apply.
type RouteTable struct {
	ID          string       `json:"id"`
	Name        string       `json:"name,omitempty"`
	Description string       `json:"description,omitempty"`
	VSwitches   []string     `json:"vswitches,omitempty"` // associated, in association order
	Routes      []RouteEntry `json:"routes,omitempty"`
	Created     time.Time    `json:"-"`
}

func (t RouteTable) clone() RouteTable {
	t.VSwitches, t.Routes = slices.Clone(t.VSwitches), slices.Clone(t.Routes)
	return t
}

// CreateRouteTableInput creates a custom route table in a VPC.
type CreateRouteTableInput struct {
	Region      regions.ID
	VPC         string
	Name        string
	Description string
}

// CreateRouteTable implements VPC CreateRouteTable (of the vSwitch kind).
func (b *Backend) CreateRouteTable(ctx context.Context, in CreateRouteTableInput) (t RouteTable, err error) {
	const op = OpCreateRouteTable
	if err := begin(ctx, b, op, in); err != nil {
		return RouteTable{}, err
	}
	defer func() { err = end(b, op, in, err) }()
	v, err := b.lookupVPC(op, in.Region, in.VPC)
	if err != nil {
		return RouteTable{}, err
	}
	if len(v.RouteTables) >= 9 {
		return RouteTable{}, fail(op, "QuotaExceeded.RouteTable", "A VPC takes at most 9 custom route tables.")
	}
	t = RouteTable{ID: b.newID("vtb"), Name: in.Name, Description: in.Description, Created: b.clock().UTC()}
	v.RouteTables = append(v.RouteTables, t)
	return t.clone(), nil
}

// routeTable returns the VPC of table, and table itself when it is a custom one (nil
// for the VPC's system table).
func (b *Backend) routeTable(op backend.Op, region regions.ID, table string) (*vpcRec, *RouteTable, error) {
	if err := checkRegion(op, region); err != nil {
		return nil, nil, err
	}
	for _, v := range b.s.vpcs {
		if v.Region != region {
			continue
		}
		if SystemRouteTable(v.ID) == table {
			return v, nil, nil
		}
		for i := range v.RouteTables {
			if v.RouteTables[i].ID == table {
				return v, &v.RouteTables[i], nil
			}
		}
	}
	return nil, nil, fail(op, "InvalidRouteTableId.NotFound", "The route table "+table+" does not exist.")
}

// customTable returns the custom route table table, refusing the system one.
func (b *Backend) customTable(op backend.Op, region regions.ID, table string) (*vpcRec, *RouteTable, error) {
	v, t, err := b.routeTable(op, region, table)
	if err == nil && t == nil {
		err = fail(op, "OperationUnsupported.SystemRouteTable", "The system route table cannot be changed so.")
	}
	return v, t, err
}

// RouteTableAssociation associates a vSwitch with a custom route table, or removes it.
type RouteTableAssociation struct {
	Region  regions.ID
	Table   string
	VSwitch string
}

// AssociateRouteTable implements VPC AssociateRouteTable: a vSwitch of the table's VPC
// that no other custom table has.
func (b *Backend) AssociateRouteTable(ctx context.Context, in RouteTableAssociation) (err error) {
	const op = OpAssociateRouteTable
	if err := begin(ctx, b, op, in); err != nil {
		return err
	}
	defer func() { err = end(b, op, in, err) }()
	v, t, err := b.customTable(op, in.Region, in.Table)
	if err != nil {
		return err
	}
	sw, err := b.lookupVSwitch(op, in.Region, in.VSwitch)
	if err != nil {
		return err
	}
	if sw.VPC != v.ID {
		return fail(op, "InvalidParameter", "The vSwitch "+sw.ID+" is not in the route table's VPC "+v.ID+".")
	}
	for _, other := range v.RouteTables {
		if slices.Contains(other.VSwitches, in.VSwitch) {
			if other.ID == t.ID {
				return nil
			}
			return fail(op, "InvalidStatus.VSwitch", "The vSwitch is associated with route table "+other.ID+".")
		}
	}
	t.VSwitches = append(t.VSwitches, in.VSwitch)
	return nil
}

// UnassociateRouteTable implements VPC UnassociateRouteTable; a vSwitch the table does
// not have is left alone.
func (b *Backend) UnassociateRouteTable(ctx context.Context, in RouteTableAssociation) (err error) {
	const op = OpUnassociateRouteTable
	if err := begin(ctx, b, op, in); err != nil {
		return err
	}
	defer func() { err = end(b, op, in, err) }()
	_, t, err := b.customTable(op, in.Region, in.Table)
	if err != nil {
		return err
	}
	t.VSwitches = slices.DeleteFunc(t.VSwitches, func(id string) bool { return id == in.VSwitch })
	return nil
}

// ModifyRouteTable implements VPC ModifyRouteTableAttributes: the name and description,
// of a custom table or of the system one.
func (b *Backend) ModifyRouteTable(ctx context.Context, region regions.ID, table string, name, description *string) (
	err error,
) {
	const op = OpModifyRouteTable
	if err := begin(ctx, b, op, table); err != nil {
		return err
	}
	defer func() { err = end(b, op, table, err) }()
	v, t, err := b.routeTable(op, region, table)
	if err != nil {
		return err
	}
	if t == nil {
		if name != nil {
			v.SystemTableName = *name
		}
		if description != nil {
			v.SystemTableDescription = *description
		}
		return nil
	}
	if name != nil {
		t.Name = *name
	}
	if description != nil {
		t.Description = *description
	}
	return nil
}

// DeleteRouteTable implements VPC DeleteRouteTable: a table with vSwitches or routes is
// DependencyViolation.
func (b *Backend) DeleteRouteTable(ctx context.Context, region regions.ID, table string) (err error) {
	const op = OpDeleteRouteTable
	if err := begin(ctx, b, op, table); err != nil {
		return err
	}
	defer func() { err = end(b, op, table, err) }()
	v, t, err := b.customTable(op, region, table)
	if err != nil {
		return err
	}
	if len(t.VSwitches) > 0 || len(t.Routes) > 0 {
		return fail(op, "DependencyViolation", "The route table has vSwitches or routes; remove them first.")
	}
	v.RouteTables = slices.DeleteFunc(v.RouteTables, func(r RouteTable) bool { return r.ID == table })
	delete(b.s.tags, table)
	return nil
}
