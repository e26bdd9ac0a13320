package fake

import (
	"context"
	"maps"
	"slices"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/regions"
)

// The operations this file implements, with their declarations (see backend.Declare).
const (
	OpDescribeVPCs           backend.Op = "DescribeVpcs"
	OpDescribeSecurityGroups backend.Op = "DescribeSecurityGroups"
)

var _ = backend.Declare(
	backend.Operation{API: backend.VPC, Op: OpDescribeVPCs},
	backend.Operation{API: backend.ECS, Op: OpDescribeSecurityGroups},
)

// VPCs lists the VPCs of a region, sorted by ID.
func (b *Backend) VPCs(ctx context.Context, region regions.ID) (out []VPC, err error) {
	const op = OpDescribeVPCs
	if err := begin(ctx, b, op, region); err != nil {
		return nil, err
	}
	defer func() { err = end(b, op, region, err) }()
	if err := checkRegion(op, region); err != nil {
		return nil, err
	}
	for _, id := range slices.Sorted(maps.Keys(b.s.vpcs)) {
		if r := b.s.vpcs[id]; r.Region == region {
			out = append(out, b.vpcView(r))
		}
	}
	return out, nil
}

// VSwitches lists the vSwitches of a region, sorted by ID.
func (b *Backend) VSwitches(ctx context.Context, region regions.ID) (out []VSwitch, err error) {
	const op = backend.OpDescribeVSwitches
	if err := begin(ctx, b, op, region); err != nil {
		return nil, err
	}
	defer func() { err = end(b, op, region, err) }()
	if err := checkRegion(op, region); err != nil {
		return nil, err
	}
	for _, id := range slices.Sorted(maps.Keys(b.s.vswitches)) {
		if s := b.s.vswitches[id]; s.Region == region {
			out = append(out, s.view())
		}
	}
	return out, nil
}

// DescribeVSwitches implements [backend.NetworkReader].
func (b *Backend) DescribeVSwitches(ctx context.Context, in backend.DescribeVSwitchesInput) (out []backend.VSwitch, err error) {
	const op = backend.OpDescribeVSwitches
	if err := begin(ctx, b, op, in); err != nil {
		return nil, err
	}
	defer func() { err = end(b, op, in, err) }()
	if err := checkRegion(op, in.Region); err != nil {
		return nil, err
	}
	if len(in.IDs) > 100 {
		return nil, fail(op, "InvalidParameter", "At most 100 VSwitchIds.")
	}
	for _, id := range slices.Sorted(slices.Values(in.IDs)) {
		if s := b.s.vswitches[id]; s != nil && s.Region == in.Region &&
			!slices.ContainsFunc(out, func(v backend.VSwitch) bool { return v.ID == id }) {
			out = append(out, s.view().VSwitch)
		}
	}
	return out, nil
}

// SecurityGroups lists the security groups of a region, sorted by ID.
func (b *Backend) SecurityGroups(ctx context.Context, region regions.ID) (out []SecurityGroup, err error) {
	const op = OpDescribeSecurityGroups
	if err := begin(ctx, b, op, region); err != nil {
		return nil, err
	}
	defer func() { err = end(b, op, region, err) }()
	if err := checkRegion(op, region); err != nil {
		return nil, err
	}
	for _, id := range slices.Sorted(maps.Keys(b.s.groups)) {
		if g := b.s.groups[id]; g.Region == region {
			cp := *g
			cp.Rules = slices.Clone(g.Rules)
			out = append(out, cp)
		}
	}
	return out, nil
}

// InstanceIDs lists the IDs of the instances of a region, sorted.
func (b *Backend) InstanceIDs(ctx context.Context, region regions.ID) (out []string, err error) {
	const op = backend.OpDescribeInstance
	if err := begin(ctx, b, op, region); err != nil {
		return nil, err
	}
	defer func() { err = end(b, op, region, err) }()
	if err := checkRegion(op, region); err != nil {
		return nil, err
	}
	for _, id := range slices.Sorted(maps.Keys(b.s.instances)) {
		if b.s.instances[id].Region == region {
			out = append(out, id)
		}
	}
	return out, nil
}
