package fake

import (
	"context"
	"slices"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/eni"
)

// DescribeInstance implements [backend.InstanceReader].
func (b *Backend) DescribeInstance(ctx context.Context, in backend.DescribeInstanceInput) (inst backend.Instance, err error) {
	const op = backend.OpDescribeInstance
	if err := begin(ctx, b, op, in); err != nil {
		return backend.Instance{}, err
	}
	defer func() { err = end(b, op, in, err) }()
	if err := checkRegion(op, in.Region); err != nil {
		return backend.Instance{}, err
	}
	p := b.s.instances[in.Instance]
	if p == nil || p.Region != in.Region {
		return backend.Instance{}, fail(op, "InvalidInstanceId.NotFound", "")
	}
	inst = *p
	inst.ENIs = slices.Clone(p.ENIs)
	return inst, nil
}

// DescribeInstanceTypes implements [backend.InstanceReader] from Options.Limits and the
// built-in table.
func (b *Backend) DescribeInstanceTypes(ctx context.Context, in backend.DescribeInstanceTypesInput) (out []backend.InstanceType, err error) {
	const op = backend.OpDescribeInstanceTypes
	if err := begin(ctx, b, op, in); err != nil {
		return nil, err
	}
	defer func() { err = end(b, op, in, err) }()
	if len(in.Types) > 100 {
		return nil, fail(op, "InvalidParameter", "At most 100 InstanceTypes.")
	}
	for _, t := range in.Types {
		if l, ok := b.limits(t); ok {
			out = append(out, backend.InstanceType{Type: t, Family: eni.Family(t), Limits: l})
		}
	}
	return out, nil
}
