package fake

import (
	"context"
	"maps"
	"slices"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/regions"
)

// VPCs lists the VPCs of a region, sorted by ID.
func (b *Backend) VPCs(ctx context.Context, region regions.ID) (out []VPC, err error) {
	const op = backend.OpDescribeVPCs
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
