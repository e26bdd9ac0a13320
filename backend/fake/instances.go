package fake

import (
	"context"
	"maps"
	"slices"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/ecs"
	"github.com/eipassoc/eipassoc/eni"
)

// DescribeInstance implements [ecs.InstanceReader].
func (b *Backend) DescribeInstance(
	ctx context.Context,
	in backend.DescribeInstanceInput,
) (inst ecs.Instance, err error) {
	const op = backend.OpDescribeInstance
	if err := begin(ctx, b, op, in); err != nil {
		return ecs.Instance{}, err
	}
	defer func() { err = end(b, op, in, err) }()
	if err := checkRegion(op, in.Region); err != nil {
		return ecs.Instance{}, err
	}
	p := b.s.instances[in.Instance]
	if p == nil || p.Region != in.Region {
		return ecs.Instance{}, fail(op, "InvalidInstanceId.NotFound", "")
	}
	inst = *p
	inst.ENIs = slices.Clone(p.ENIs)
	return inst, nil
}

// DescribeInstanceTypes implements [ecs.InstanceReader] from Options.Limits and the
// built-in table. With no Types it lists every type it knows, sorted.
func (b *Backend) DescribeInstanceTypes(
	ctx context.Context,
	in backend.DescribeInstanceTypesInput,
) (out []backend.InstanceType, err error) {
	const op = backend.OpDescribeInstanceTypes
	if err := begin(ctx, b, op, in); err != nil {
		return nil, err
	}
	defer func() { err = end(b, op, in, err) }()
	if len(in.Types) > 100 {
		return nil, fail(op, "InvalidParameter", "At most 100 InstanceTypes.")
	}
	types := in.Types
	if len(types) == 0 {
		// No types named: every type the account knows, as the API lists all of them.
		known := map[string]bool{}
		for _, t := range eni.BuiltinLimits().Types() {
			known[t] = true
		}
		for t := range b.opts.Limits {
			known[t] = true
		}
		for _, t := range b.catalog.InstanceTypes {
			known[t.Type] = true
		}
		types = slices.Sorted(maps.Keys(known))
	}
	for _, t := range types {
		if in.Family != "" && ecs.Family(t) != in.Family {
			continue
		}
		if l, ok := b.limits(t); ok {
			it := backend.InstanceType{Type: t, Family: ecs.Family(t), Limits: l}
			if spec, ok := b.catalog.instanceType(t); ok {
				it.Cores, it.MemoryGiB, it.IPv6PerENI = spec.Cores, spec.MemoryGiB, spec.IPv6PerENI
				it.Trunk, it.ENITotal = spec.Trunk, spec.ENITotal
			}
			out = append(out, it)
		}
	}
	return out, nil
}
