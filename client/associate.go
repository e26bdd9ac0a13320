package client

import (
	"context"
	"fmt"
	"log/slog"
	"net/netip"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
)

// An AssociateRequest names an association for [Client.Associate].
type AssociateRequest struct {
	Region regions.ID
	EIP    eip.ID
	ENI    eni.ID
	// Mode is the association mode; the zero Mode is invalid and refused.
	Mode modes.Mode
	// PrivateIP picks the ENI address in NAT mode; zero means the primary one.
	PrivateIP netip.Addr
}

// Preflight reads the live state of the EIP and the ENI, with the EIPs the ENI carries,
// and decides with [eipassoc.CanAssociate]. It changes nothing. It returns the request
// it built, so callers can see what was decided on.
func (c *Client) Preflight(ctx context.Context, r AssociateRequest) (eipassoc.Decision, eipassoc.Request, error) {
	req, err := c.readAssociation(ctx, r)
	if err != nil {
		return eipassoc.Decision{}, eipassoc.Request{}, err
	}
	return eipassoc.CanAssociate(req), req, nil
}

func (c *Client) readAssociation(ctx context.Context, r AssociateRequest) (eipassoc.Request, error) {
	a, err := c.describeEIP(ctx, r.Region, r.EIP)
	if err != nil {
		return eipassoc.Request{}, err
	}
	n, err := c.describeENI(ctx, r.Region, r.ENI)
	if err != nil {
		return eipassoc.Request{}, err
	}
	bound, err := c.bound(ctx, n)
	if err != nil {
		return eipassoc.Request{}, err
	}
	req := eipassoc.Request{
		EIP:       a,
		ENI:       n,
		Mode:      r.Mode,
		PrivateIP: r.PrivateIP,
		Bound:     bound,
		Account:   c.opts.Account,
		Behaviour: c.opts.Behaviour,
	}
	if n.Kind == eni.Primary {
		req.Target = eip.EcsInstance // the API reaches a primary ENI through its instance
	}
	return req, nil
}

// Associate checks the rules on the live state, then associates the EIP with the ENI
// and waits until the EIP is InUse and bound to that target. A refusal is a
// *[DeniedError] and nothing is called; a failed call is the backend's error; a wait
// that does not end is a *[TimeoutError]; an EIP that the cloud binds elsewhere gives an
// error wrapping [ErrElsewhere]. It returns the EIP as last described. A primary ENI is
// addressed the way the API wants it: as its ECS instance (InstanceType EcsInstance).
func (c *Client) Associate(ctx context.Context, r AssociateRequest) (eip.Address, error) {
	req, err := c.readAssociation(ctx, r)
	if err != nil {
		return eip.Address{}, err
	}
	op := "associate " + string(r.EIP) + " with " + string(r.ENI)
	if err := c.permit(ctx, op, eipassoc.CanAssociate(req)); err != nil {
		return eip.Address{}, err
	}
	in := backend.AssociateEIPInput{
		Region:       r.Region,
		EIP:          r.EIP,
		InstanceID:   string(r.ENI),
		InstanceType: eip.NetworkInterface,
		Mode:         r.Mode,
		PrivateIP:    r.PrivateIP,
		ClientToken:  c.opts.NewToken(),
	}
	if req.Target == eip.EcsInstance {
		in.InstanceID, in.InstanceType, in.Mode = req.ENI.Instance, eip.EcsInstance, 0
	}
	associate := func(ctx context.Context) error { return c.b.AssociateEIP(ctx, in) }
	if err := c.retry(ctx, backend.OpAssociateEIP, associate); err != nil {
		return eip.Address{}, err
	}
	a, err := c.waitEIP(
		ctx,
		r.Region,
		r.EIP,
		"InUse on "+in.InstanceType.String()+" "+in.InstanceID,
		eip.Associating,
		func(a eip.Address) (bool, error) {
			if a.Status != eip.InUse {
				return false, nil
			}
			if a.Association.InstanceID != in.InstanceID || a.Association.InstanceType != in.InstanceType {
				return false, fmt.Errorf(
					"%w: %s is InUse on %s, not on %s %s",
					ErrElsewhere,
					r.EIP,
					describe(a.Association),
					in.InstanceType,
					in.InstanceID,
				)
			}
			return true, nil
		},
	)
	if err == nil {
		c.log.LogAttrs(
			ctx,
			slog.LevelInfo,
			"associated",
			slog.String("eip", string(r.EIP)),
			slog.String("eni", string(r.ENI)),
			slog.String("mode", r.Mode.String()),
		)
	}
	return a, err
}

func describe(a eip.Association) string {
	if a.IsZero() {
		return "nothing"
	}
	return a.InstanceType.String() + " " + a.InstanceID
}

// An UnassociateRequest names an EIP for [Client.Unassociate].
type UnassociateRequest struct {
	Region regions.ID
	EIP    eip.ID
}

// Unassociate checks the rules on the live state ([eipassoc.CanUnassociate]),
// disassociates the EIP from whatever it is associated with, and waits until it is
// Available.
func (c *Client) Unassociate(ctx context.Context, r UnassociateRequest) (eip.Address, error) {
	a, err := c.describeEIP(ctx, r.Region, r.EIP)
	if err != nil {
		return eip.Address{}, err
	}
	check := eipassoc.UnassociateCheck{EIP: a}
	if a.Association.InstanceType == eip.NetworkInterface {
		n, err := c.describeENI(ctx, r.Region, eni.ID(a.Association.InstanceID))
		if err != nil {
			return eip.Address{}, err
		}
		check.ENI = n
	}
	if err := c.permit(ctx, "unassociate "+string(r.EIP), eipassoc.CanUnassociate(check)); err != nil {
		return eip.Address{}, err
	}
	in := backend.UnassociateEIPInput{Region: r.Region, EIP: r.EIP, InstanceID: a.Association.InstanceID,
		InstanceType: a.Association.InstanceType, ClientToken: c.opts.NewToken()}
	unassociate := func(ctx context.Context) error { return c.b.UnassociateEIP(ctx, in) }
	if err := c.retry(ctx, backend.OpUnassociateEIP, unassociate); err != nil {
		return eip.Address{}, err
	}
	a, err = c.waitEIP(
		ctx,
		r.Region,
		r.EIP,
		"Available",
		eip.Unassociating,
		func(a eip.Address) (bool, error) { return a.Status == eip.Available, nil },
	)
	if err == nil {
		c.log.LogAttrs(ctx, slog.LevelInfo, "unassociated", slog.String("eip", string(r.EIP)))
	}
	return a, err
}
