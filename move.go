package eipassoc

import (
	"context"
	"log/slog"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/regions"
)

// A MoveRequest names an ENI and the ECS instance to move it to.
type MoveRequest struct {
	Region regions.ID
	ENI    eni.ID
	// To is the ID of the instance that takes the ENI.
	To string
}

// MoveENI moves a secondary (or trunk) ENI, with its private addresses and the EIPs associated
// with it, from the instance it is attached to (if any) to another one, as the product
// documentation describes: both the private and the public addresses go along. It
// checks [CanAttach] against the target first (ENI quota and private-IP limit of its
// type, zone, VPC, and for multi-EIP-to-ENI EIPs the instance family and DHCP), then
// detaches, waits until the ENI is Available, attaches, and waits until it is InUse.
//
// The target's limits come from DescribeInstanceTypes, or from the built-in table when
// the backend does not know the type.
func (c *Client) MoveENI(ctx context.Context, r MoveRequest) (eni.Interface, error) {
	n, err := c.describeENI(ctx, r.Region, r.ENI)
	if err != nil {
		return eni.Interface{}, err
	}
	bound, err := c.bound(ctx, n)
	if err != nil {
		return eni.Interface{}, err
	}
	target, err := c.instance(ctx, r.Region, r.To)
	if err != nil {
		return eni.Interface{}, err
	}
	from := n.Instance
	detached := n
	detached.Status, detached.Instance = eni.Available, ""
	if from == r.To {
		target.ENIs-- // the ENI already counts on the target
	}
	if d := CanAttach(AttachRequest{ENI: detached, Bound: bound, Instance: target}); !d.Allowed {
		return eni.Interface{}, &DeniedError{Op: "move " + string(r.ENI) + " to " + r.To, Decision: d}
	}
	if from != "" {
		if from == r.To {
			return n, nil
		}
		in := backend.DetachENIInput{Region: r.Region, ENI: r.ENI, Instance: from}
		if err := c.retry(ctx, backend.OpDetachENI, func(ctx context.Context) error { return c.b.DetachENI(ctx, in) }); err != nil {
			return eni.Interface{}, err
		}
		if _, err := c.waitENI(ctx, r.Region, r.ENI, eni.Available, eni.Detaching); err != nil {
			return eni.Interface{}, err
		}
	}
	in := backend.AttachENIInput{Region: r.Region, ENI: r.ENI, Instance: r.To}
	if err := c.retry(ctx, backend.OpAttachENI, func(ctx context.Context) error { return c.b.AttachENI(ctx, in) }); err != nil {
		return eni.Interface{}, err
	}
	n, err = c.waitENI(ctx, r.Region, r.ENI, eni.InUse, eni.Attaching)
	if err == nil {
		c.log.LogAttrs(ctx, slog.LevelInfo, "moved ENI", slog.String("eni", string(r.ENI)), slog.String("from", from), slog.String("to", r.To), slog.Int("eips", len(bound)))
	}
	return n, err
}

// instance reads an instance and its type's limits into the form CanAttach takes.
func (c *Client) instance(ctx context.Context, region regions.ID, id string) (Instance, error) {
	var inst backend.Instance
	err := c.retry(ctx, backend.OpDescribeInstance, func(ctx context.Context) (err error) {
		inst, err = c.b.DescribeInstance(ctx, backend.DescribeInstanceInput{Region: region, Instance: id})
		return err
	})
	if err != nil {
		return Instance{}, err
	}
	var types []backend.InstanceType
	err = c.retry(ctx, backend.OpDescribeInstanceTypes, func(ctx context.Context) (err error) {
		types, err = c.b.DescribeInstanceTypes(ctx, backend.DescribeInstanceTypesInput{Types: []string{inst.Type}})
		return err
	})
	if err != nil {
		return Instance{}, err
	}
	out := Instance{ID: inst.ID, Type: inst.Type, Region: inst.Region, Zone: inst.Zone, VPC: inst.VPC, ENIs: len(inst.ENIs)}
	switch inst.DHCP {
	case backend.DHCPEnabled:
		out.DHCP = DHCPEnabled
	case backend.DHCPDisabled:
		out.DHCP = DHCPDisabled
	}
	for _, t := range types {
		if t.Type == inst.Type {
			out.Limits = t.Limits
		}
	}
	return out, nil
}
