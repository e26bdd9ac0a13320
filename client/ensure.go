package client

import (
	"context"
	"errors"
	"fmt"
	"net/netip"

	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
)

// Ensure leaves the EIP associated as r asks, and returns it: the call for services
// that retry. When the EIP is already InUse on r's ENI (for a primary ENI: on its
// instance), in r's mode and on r's private IP, Ensure returns it and calls nothing;
// when it is Available, Ensure associates it as [Client.Associate] does, rules first;
// when it is associated in another way, Ensure changes nothing and returns a
// *[ConflictError] that says how. An EIP in transition (Associating, Unassociating) is
// waited for first. The zero Mode is refused like Associate refuses it (a
// *[DeniedError] for mode-invalid), whatever the EIP's state.
func (c *Client) Ensure(ctx context.Context, r AssociateRequest) (eip.Address, error) {
	if !r.Mode.IsValid() {
		return c.Associate(ctx, r) // the rules refuse it, with the state read
	}
	a, err := c.describeEIP(ctx, r.Region, r.EIP)
	if err != nil {
		return eip.Address{}, err
	}
	if during := a.Status; during == eip.Associating || during == eip.Unassociating {
		settled := func(a eip.Address) (bool, error) { return a.Status != during, nil }
		if a, err = c.waitEIP(ctx, r.Region, r.EIP, "not "+during.String(), during, settled); err != nil {
			return a, err
		}
	}
	if a.Status != eip.InUse {
		return c.Associate(ctx, r)
	}
	n, err := c.describeENI(ctx, r.Region, r.ENI)
	if err != nil {
		return eip.Address{}, err
	}
	if want := wanted(r, n); a.Association != want {
		return a, &ConflictError{EIP: r.EIP, Want: want, Have: a.Association}
	}
	return a, nil
}

// wanted is the association r asks for on ENI n, as DescribeEipAddresses reports it:
// a primary ENI through its instance, without a mode; the primary address as the zero
// address.
func wanted(r AssociateRequest, n eni.Interface) eip.Association {
	if n.Kind == eni.Primary {
		return eip.Association{InstanceType: eip.EcsInstance, InstanceID: n.Instance}
	}
	want := eip.Association{
		InstanceType: eip.NetworkInterface,
		InstanceID:   string(n.ID),
		Mode:         r.Mode,
		PrivateIP:    r.PrivateIP,
	}
	if want.PrivateIP == n.PrimaryIP {
		want.PrivateIP = netip.Addr{}
	}
	return want
}

// ErrConflict is wrapped by every *[ConflictError].
var ErrConflict = errors.New("client: the EIP is associated otherwise")

// A ConflictError reports an EIP that [Client.Ensure] found associated in another way
// than asked: with another target, in another mode or on another private IP. Nothing
// was changed.
type ConflictError struct {
	EIP eip.ID
	// Want is the association asked for; Have the one the EIP has.
	Want, Have eip.Association
}

// Error names the EIP and both associations.
func (e *ConflictError) Error() string {
	return fmt.Sprintf("client: %s is associated with %s, not with %s", e.EIP, show(e.Have), show(e.Want))
}

// Unwrap returns [ErrConflict].
func (e *ConflictError) Unwrap() error { return ErrConflict }

// show writes an association for a message: target, mode and private IP when set.
func show(a eip.Association) string {
	s := describe(a)
	if a.Mode != 0 {
		s += " in " + a.Mode.String() + " mode"
	}
	if a.PrivateIP.IsValid() {
		s += " on " + a.PrivateIP.String()
	}
	return s
}
