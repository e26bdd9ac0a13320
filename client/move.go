package client

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/ecs"
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

// MoveENI moves a secondary (or trunk) ENI, with its private addresses and the EIPs
// associated with it, from the instance it is attached to (if any) to another one, as
// the product documentation describes: both the private and the public addresses go
// along. It checks [eipassoc.CanAttach] against the target first (ENI quota and
// private-IP limit of its type, zone, VPC, and for multi-EIP-to-ENI EIPs the instance
// family and DHCP), then detaches, waits until the ENI is Available, attaches, and
// waits until it is InUse.
//
// An ENI that is InUse on its instance is checked as the detach will leave it
// (Available); one in any other status is checked as it is, so an ENI that is still
// Attaching or Deleting is refused. When the detach succeeds and the attach fails, the
// ENI is attached back to where it was; the error is then a *[MoveError] that says
// where the ENI is now.
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
	after := n // the ENI as the detach leaves it
	if n.Status == eni.InUse && from != "" {
		after.Status, after.Instance = eni.Available, ""
	}
	if from == r.To {
		target.ENIs = withoutENI(target.ENIs, r.ENI) // it already counts on the target
	}
	req := eipassoc.AttachRequest{ENI: after, Bound: bound, Instance: target}
	if target.DHCP == ecs.DHCPUnknown {
		req.Unknown = eipassoc.FactsOf(eipassoc.FactDHCP)
	}
	if err := c.permit(ctx, "move "+string(r.ENI)+" to "+r.To, eipassoc.CanAttach(req)); err != nil {
		return eni.Interface{}, err
	}
	if from == r.To {
		return n, nil
	}
	if from != "" {
		if err := c.detach(ctx, r.Region, r.ENI, from); err != nil {
			return eni.Interface{}, err
		}
	}
	n, err = c.attach(ctx, r.Region, r.ENI, r.To)
	if err != nil {
		return n, c.restore(ctx, r, from, err)
	}
	c.log.LogAttrs(
		ctx,
		slog.LevelInfo,
		"moved ENI",
		slog.String("eni", string(r.ENI)),
		slog.String("from", from),
		slog.String("to", r.To),
		slog.Int("eips", len(bound)),
	)
	return n, nil
}

func withoutENI(ids []eni.ID, id eni.ID) []eni.ID {
	out := make([]eni.ID, 0, len(ids))
	for _, x := range ids {
		if x != id {
			out = append(out, x)
		}
	}
	return out
}

func (c *Client) detach(ctx context.Context, region regions.ID, id eni.ID, from string) error {
	in := backend.DetachENIInput{Region: region, ENI: id, Instance: from}
	detach := func(ctx context.Context) error { return c.b.DetachENI(ctx, in) }
	if err := c.retry(ctx, backend.OpDetachENI, detach); err != nil {
		return err
	}
	_, err := c.waitENI(ctx, region, id, eni.Available, eni.Detaching)
	return err
}

func (c *Client) attach(ctx context.Context, region regions.ID, id eni.ID, to string) (eni.Interface, error) {
	in := backend.AttachENIInput{Region: region, ENI: id, Instance: to}
	attach := func(ctx context.Context) error { return c.b.AttachENI(ctx, in) }
	if err := c.retry(ctx, backend.OpAttachENI, attach); err != nil {
		return eni.Interface{}, err
	}
	return c.waitENI(ctx, region, id, eni.InUse, eni.Attaching)
}

// restore attaches the ENI back to from after the attach to r.To failed with cause, and
// returns the *MoveError that says where the ENI is now.
func (c *Client) restore(ctx context.Context, r MoveRequest, from string, cause error) error {
	e := &MoveError{ENI: r.ENI, From: from, To: r.To, Err: cause}
	if from != "" {
		if _, err := c.attach(context.WithoutCancel(ctx), r.Region, r.ENI, from); err != nil {
			e.RestoreErr = err
		} else {
			e.Restored = true
		}
	}
	if n, err := c.describeENI(context.WithoutCancel(ctx), r.Region, r.ENI); err == nil {
		e.Now, e.Status = n.Instance, n.Status
	} else {
		e.Status = 0
		e.RestoreErr = errors.Join(e.RestoreErr, err)
	}
	c.log.LogAttrs(
		ctx,
		slog.LevelError,
		"move failed",
		slog.String("eni", string(r.ENI)),
		slog.String("error", e.Error()),
	)
	return e
}

// A MoveError reports an ENI move that detached the ENI and then failed to attach it to
// the target. It says where the ENI is now.
type MoveError struct {
	ENI      eni.ID
	From, To string
	// Err is why the attach to To failed.
	Err error
	// Restored is true when the ENI was attached back to From.
	Restored bool
	// RestoreErr is why attaching it back, or reading where it is, failed.
	RestoreErr error
	// Now is the instance the ENI is attached to after the attempt ("" for none), and
	// Status its status, as last read (the zero Status when it could not be read).
	Now    string
	Status eni.Status
}

// Error says what failed and where the ENI is.
func (e *MoveError) Error() string {
	where := "detached"
	switch {
	case e.Status == 0:
		where = "in an unknown place"
	case e.Now != "":
		where = "attached to " + e.Now + " (" + e.Status.String() + ")"
	case e.Status != eni.Available:
		where = "detached (" + e.Status.String() + ")"
	}
	msg := fmt.Sprintf(
		"client: move %s from %s to %s failed: %v; the ENI is now %s",
		e.ENI,
		orNone(e.From),
		e.To,
		e.Err,
		where,
	)
	if e.RestoreErr != nil {
		msg += "; restoring it failed: " + e.RestoreErr.Error()
	}
	return msg
}

// Unwrap returns the attach error and the restore error.
func (e *MoveError) Unwrap() []error { return []error{e.Err, e.RestoreErr} }

func orNone(s string) string {
	if s == "" {
		return "no instance"
	}
	return s
}

// instance reads an instance and its type's limits into the form CanAttach takes.
func (c *Client) instance(ctx context.Context, region regions.ID, id string) (ecs.Instance, error) {
	var inst ecs.Instance
	err := c.retry(ctx, backend.OpDescribeInstance, func(ctx context.Context) (err error) {
		inst, err = c.b.DescribeInstance(ctx, backend.DescribeInstanceInput{Region: region, Instance: id})
		return err
	})
	if err != nil {
		return ecs.Instance{}, err
	}
	var types []backend.InstanceType
	err = c.retry(ctx, backend.OpDescribeInstanceTypes, func(ctx context.Context) (err error) {
		types, err = c.b.DescribeInstanceTypes(ctx, backend.DescribeInstanceTypesInput{Types: []string{inst.Type}})
		return err
	})
	if err != nil {
		return ecs.Instance{}, err
	}
	for _, t := range types {
		if t.Type == inst.Type {
			inst.Limits = t.Limits
		}
	}
	return inst, nil
}
