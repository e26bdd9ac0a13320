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
	OpModifySecurityGroupPolicy backend.Op = "ModifySecurityGroupPolicy"
	OpCreateSecurityGroup       backend.Op = "CreateSecurityGroup"
	OpDescribeSecurityGroup     backend.Op = "DescribeSecurityGroupAttribute"
	OpDeleteSecurityGroup       backend.Op = "DeleteSecurityGroup"
)

var _ = backend.Declare(
	backend.Operation{API: backend.ECS, Op: OpModifySecurityGroupPolicy, Mutates: true},
	backend.Operation{API: backend.ECS, Op: OpCreateSecurityGroup, Mutates: true},
	backend.Operation{API: backend.ECS, Op: OpDescribeSecurityGroup},
	backend.Operation{API: backend.ECS, Op: OpDeleteSecurityGroup, Mutates: true},
)

// A SecurityGroup is a security group as the fake keeps it.
type SecurityGroup struct {
	ID          string
	Region      regions.ID
	VPC         string
	Name        string
	Description string
	Type        string // "normal" or "enterprise"
	// InnerAccessPolicy is Accept (the group's members reach each other, the default
	// of a normal group) or Drop.
	InnerAccessPolicy string
	// ResourceGroupID is its resource group, or none.
	ResourceGroupID string
	Created         time.Time
	// Rules are the group's permissions, in the order authorized.
	Rules []SecurityGroupRule
}

// CreateSecurityGroupInput creates a security group in a VPC; Type defaults to normal.
type CreateSecurityGroupInput struct {
	Region          regions.ID
	VPC             string
	Name            string
	Description     string
	Type            string
	ResourceGroupID string // rg-..., or none
}

// CreateSecurityGroup implements CreateSecurityGroup. The VPC must be one the fake
// knows: listed, or named by a vSwitch.
func (b *Backend) CreateSecurityGroup(ctx context.Context, in CreateSecurityGroupInput) (g SecurityGroup, err error) {
	const op = OpCreateSecurityGroup
	if err := begin(ctx, b, op, in); err != nil {
		return SecurityGroup{}, err
	}
	defer func() { err = end(b, op, in, err) }()
	if err := checkRegion(op, in.Region); err != nil {
		return SecurityGroup{}, err
	}
	if in.Type == "" {
		in.Type = "normal"
	}
	if in.Type != "normal" && in.Type != "enterprise" {
		return SecurityGroup{}, fail(
			op,
			"InvalidSecurityGroupType.Malformed",
			"SecurityGroupType is normal or enterprise.",
		)
	}
	if in.VPC != "" && !b.knowsVPC(in.Region, in.VPC) {
		return SecurityGroup{}, fail(op, "InvalidVpcId.NotFound", "The specified VPC does not exist.")
	}
	if err := checkResourceGroup(op, in.ResourceGroupID); err != nil {
		return SecurityGroup{}, err
	}
	g = SecurityGroup{
		ID:          b.newID("sg"),
		Region:      in.Region,
		VPC:         in.VPC,
		Name:        in.Name,
		Description: in.Description,
		Type:        in.Type,
		Created:     b.clock().UTC(),

		ResourceGroupID: in.ResourceGroupID,
	}
	b.s.groups[g.ID] = &g
	return g, nil
}

// knowsVPC reports whether a VPC is listed or named by a vSwitch of the region.
func (b *Backend) knowsVPC(region regions.ID, id string) bool {
	if v := b.s.vpcs[id]; v != nil {
		return v.Region == region
	}
	for _, s := range b.s.vswitches {
		if s.VPC == id && s.Region == region {
			return true
		}
	}
	return false
}

// DescribeSecurityGroup implements DescribeSecurityGroupAttribute.
func (b *Backend) DescribeSecurityGroup(
	ctx context.Context,
	region regions.ID,
	id string,
) (g SecurityGroup, err error) {
	const op = OpDescribeSecurityGroup
	if err := begin(ctx, b, op, id); err != nil {
		return SecurityGroup{}, err
	}
	defer func() { err = end(b, op, id, err) }()
	if err := checkRegion(op, region); err != nil {
		return SecurityGroup{}, err
	}
	p := b.s.groups[id]
	if p == nil || p.Region != region {
		return SecurityGroup{}, fail(
			op,
			"InvalidSecurityGroupId.NotFound",
			"The specified security group does not exist.",
		)
	}
	g = *p
	g.Rules = slices.Clone(p.Rules)
	return g, nil
}

// DeleteSecurityGroup implements DeleteSecurityGroup: a group an ENI still uses is
// DependencyViolation.
func (b *Backend) DeleteSecurityGroup(ctx context.Context, region regions.ID, id string) (err error) {
	const op = OpDeleteSecurityGroup
	if err := begin(ctx, b, op, id); err != nil {
		return err
	}
	defer func() { err = end(b, op, id, err) }()
	if err := checkRegion(op, region); err != nil {
		return err
	}
	p := b.s.groups[id]
	if p == nil || p.Region != region {
		return fail(op, "InvalidSecurityGroupId.NotFound", "The specified security group does not exist.")
	}
	for _, n := range b.s.enis {
		if slices.Contains(n.iface.SecurityGroups, id) {
			return fail(op, "DependencyViolation", "ENI "+string(n.iface.ID)+" uses the security group.")
		}
	}
	delete(b.s.groups, id)
	delete(b.s.tags, id)
	return nil
}

// SetInnerAccessPolicy implements ModifySecurityGroupPolicy: whether the group's
// members reach each other (Accept) or not (Drop).
func (b *Backend) SetInnerAccessPolicy(ctx context.Context, region regions.ID, id, policy string) (err error) {
	const op = OpModifySecurityGroupPolicy
	if err := begin(ctx, b, op, id); err != nil {
		return err
	}
	defer func() { err = end(b, op, id, err) }()
	g := b.s.groups[id]
	switch {
	case g == nil || g.Region != region:
		return fail(op, "InvalidSecurityGroupId.NotFound", "The security group "+id+" does not exist.")
	case policy != "Accept" && policy != "Drop":
		return fail(op, "InvalidParameter", "InnerAccessPolicy is Accept or Drop.")
	}
	g.InnerAccessPolicy = policy
	return nil
}
