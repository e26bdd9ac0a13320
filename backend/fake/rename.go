package fake

import (
	"context"
	"slices"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/regions"
)

// The operations this file implements, with their declarations (see backend.Declare).
const (
	OpModifyVPC           backend.Op = "ModifyVpcAttribute"
	OpModifyVSwitch       backend.Op = "ModifyVSwitchAttribute"
	OpModifyENI           backend.Op = "ModifyNetworkInterfaceAttribute"
	OpModifySecurityGroup backend.Op = "ModifySecurityGroupAttribute"
)

var _ = backend.Declare(
	backend.Operation{API: backend.VPC, Op: OpModifyVPC, Mutates: true},
	backend.Operation{API: backend.VPC, Op: OpModifyVSwitch, Mutates: true},
	backend.Operation{API: backend.ECS, Op: OpModifyENI, Mutates: true},
	backend.Operation{API: backend.ECS, Op: OpModifySecurityGroup, Mutates: true},
)

// ModifyInput changes a resource's name or description (a nil field is left as it is),
// and for an ENI its security groups (nil: left as they are).
type ModifyInput struct {
	Region         regions.ID
	ID             string
	Name           *string
	Description    *string
	SecurityGroups []string
}

// Modify implements op on the resource it names, changing what the alicloud provider
// changes in place (names, descriptions, an ENI's security groups): op is
// OpModifyVPC, OpModifyVSwitch, OpModifySecurityGroup or OpModifyENI, for the
// VPC, vSwitch, security group or ENI with in.ID in the region. Not part of
// backend.Backend; no rule reads these attributes.
func (b *Backend) Modify(ctx context.Context, op backend.Op, in ModifyInput) (err error) {
	if err := begin(ctx, b, op, in); err != nil {
		return err
	}
	defer func() { err = end(b, op, in, err) }()
	if err := checkRegion(op, in.Region); err != nil {
		return err
	}
	var name, desc *string
	switch op {
	case OpModifyVPC:
		r, err := b.lookupVPC(op, in.Region, in.ID)
		if err != nil {
			return err
		}
		name, desc = &r.Name, &r.Description
	case OpModifyVSwitch:
		r, err := b.lookupVSwitch(op, in.Region, in.ID)
		if err != nil {
			return err
		}
		name, desc = &r.Name, &r.Description
	case OpModifySecurityGroup:
		g := b.s.groups[in.ID]
		if g == nil || g.Region != in.Region {
			return fail(op, "InvalidSecurityGroupId.NotFound", "The specified security group does not exist.")
		}
		name, desc = &g.Name, &g.Description
	case OpModifyENI:
		r, err := b.lookupENI(op, in.Region, eni.ID(in.ID))
		if err != nil {
			return err
		}
		if in.SecurityGroups != nil {
			if len(in.SecurityGroups) == 0 || len(in.SecurityGroups) > 5 {
				return fail(op, "InvalidParameter", "An ENI is in 1 to 5 security groups.")
			}
			r.iface.SecurityGroups = slices.Clone(in.SecurityGroups)
		}
		name, desc = &r.iface.Name, &r.iface.Description
	default:
		return fail(op, "InvalidAction.NotFound", "")
	}
	if in.Name != nil {
		*name = *in.Name
	}
	if in.Description != nil {
		*desc = *in.Description
	}
	return nil
}
