package backendtest

import (
	"context"
	"errors"
	"net/netip"
	"testing"
	"time"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
)

// h bundles a test, its setup and a context; its methods fail the test on unexpected
// errors and clean up what they create.
type h struct {
	t   *testing.T
	s   Setup
	ctx context.Context
}

func newH(t *testing.T, newSetup func(*testing.T) Setup) *h {
	t.Helper()
	s := newSetup(t)
	return &h{t: t, s: s, ctx: s.ctx(t)}
}

// wantCode fails unless err is a *backend.Error with the given code, a matching
// sentinel, an HTTP status and a request ID.
func (h *h) wantCode(err error, code string, sentinel error) {
	h.t.Helper()
	if err == nil {
		h.t.Fatalf("got no error, want %s", code)
	}
	e, ok := errors.AsType[*backend.Error](err)
	if !ok {
		h.t.Fatalf("error %v (%T) is not a *backend.Error", err, err)
	}
	if e.Code != code {
		h.t.Fatalf("error code %q, want %q (%v)", e.Code, code, err)
	}
	if !errors.Is(err, sentinel) {
		h.t.Errorf("error %v does not wrap %v", err, sentinel)
	}
	if e.HTTPStatus < 400 || e.HTTPStatus > 599 || e.RequestID == "" || e.Op == "" {
		h.t.Errorf("error %v lacks HTTP status, request ID or operation: %+v", err, e)
	}
	if want := backend.LookupCode(code).HTTPStatus; e.HTTPStatus != want {
		h.t.Errorf("%s: HTTP status %d, want %d", code, e.HTTPStatus, want)
	}
}

func (h *h) ok(err error, what string) {
	h.t.Helper()
	if err != nil {
		h.t.Fatalf("%s: %v", what, err)
	}
}

// allocate allocates a pay-as-you-go EIP and releases it at cleanup.
func (h *h) allocate() eip.Address {
	h.t.Helper()
	return h.allocateWith(backend.AllocateEIPInput{Region: h.s.Region})
}

func (h *h) allocateWith(in backend.AllocateEIPInput) eip.Address {
	h.t.Helper()
	a, err := h.s.Backend.AllocateEIP(h.ctx, in)
	h.ok(err, "AllocateEIP")
	h.t.Cleanup(func() { h.cleanupEIP(a.ID) })
	if a.ID == "" || !a.IP.IsValid() || a.Region != h.s.Region {
		h.t.Fatalf("AllocateEIP returned %+v", a)
	}
	return a
}

// cleanupEIP disassociates and releases an EIP if it still exists, ignoring errors.
func (h *h) cleanupEIP(id eip.ID) {
	ctx := context.WithoutCancel(h.ctx)
	a, ok := h.describeEIP(ctx, id)
	if !ok {
		return
	}
	if a.Status == eip.InUse {
		_ = h.s.Backend.UnassociateEIP(ctx, backend.UnassociateEIPInput{Region: h.s.Region, EIP: id})
		h.waitEIPQuiet(ctx, id, eip.Available)
	}
	_ = h.s.Backend.ReleaseEIP(ctx, backend.ReleaseEIPInput{Region: h.s.Region, EIP: id})
}

func (h *h) describeEIP(ctx context.Context, id eip.ID) (eip.Address, bool) {
	page, err := h.s.Backend.DescribeEIPs(ctx, backend.DescribeEIPsInput{Region: h.s.Region, IDs: []eip.ID{id}})
	if err != nil || len(page.EIPs) != 1 {
		return eip.Address{}, false
	}
	return page.EIPs[0], true
}

// eip returns the EIP as described now.
func (h *h) eip(id eip.ID) eip.Address {
	h.t.Helper()
	a, ok := h.describeEIP(h.ctx, id)
	if !ok {
		h.t.Fatalf("EIP %s not found", id)
	}
	return a
}

// waitEIP waits until the EIP has status want, or is gone when want is 0.
func (h *h) waitEIP(id eip.ID, want eip.Status) eip.Address {
	h.t.Helper()
	a, ok := h.waitEIPQuiet(h.ctx, id, want)
	if !ok {
		h.t.Fatalf("EIP %s did not reach status %v: %+v", id, want, a)
	}
	return a
}

func (h *h) waitEIPQuiet(ctx context.Context, id eip.ID, want eip.Status) (eip.Address, bool) {
	return waitFor(ctx, h, func(ctx context.Context) (eip.Address, bool) { return h.describeEIP(ctx, id) },
		func(a eip.Address) bool { return a.Status == want }, want == 0)
}

// waitFor polls describe until the resource satisfies reached (or is gone, when
// wantGone), the setup's timeout passes, or ctx ends; it reports whether it got there.
func waitFor[T any](
	ctx context.Context,
	h *h,
	describe func(context.Context) (T, bool),
	reached func(T) bool,
	wantGone bool,
) (T, bool) {
	deadline := time.Now().Add(h.timeout())
	for {
		v, found := describe(ctx)
		if (wantGone && !found) || (found && !wantGone && reached(v)) {
			return v, true
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return v, false
		}
		time.Sleep(h.poll())
	}
}

func (h *h) timeout() time.Duration {
	if h.s.Timeout > 0 {
		return h.s.Timeout
	}
	return 2 * time.Minute
}

func (h *h) poll() time.Duration { return min(h.timeout()/100, time.Second) }

// createENI creates a secondary ENI with n private addresses and deletes it at cleanup.
func (h *h) createENI(n int) eni.Interface {
	h.t.Helper()
	e, err := h.s.Backend.CreateENI(
		h.ctx,
		backend.CreateENIInput{Region: h.s.Region, VSwitch: h.s.VSwitch, SecondaryIPCount: n - 1},
	)
	h.ok(err, "CreateENI")
	h.t.Cleanup(func() { h.cleanupENI(e.ID) })
	if e.ID == "" || e.Status != eni.Available || e.Kind != eni.Secondary || e.PrivateIPCount() != n ||
		e.VSwitch != h.s.VSwitch {
		h.t.Fatalf("CreateENI returned %+v", e)
	}
	return e
}

func (h *h) cleanupENI(id eni.ID) {
	ctx := context.WithoutCancel(h.ctx)
	n, ok := h.describeENI(ctx, id)
	if !ok {
		return
	}
	if n.Instance != "" && n.Status == eni.InUse {
		_ = h.s.Backend.DetachENI(ctx, backend.DetachENIInput{Region: h.s.Region, ENI: id, Instance: n.Instance})
		h.waitENIQuiet(ctx, id, eni.Available)
	}
	_ = h.s.Backend.DeleteENI(ctx, backend.DeleteENIInput{Region: h.s.Region, ENI: id})
}

func (h *h) describeENI(ctx context.Context, id eni.ID) (eni.Interface, bool) {
	page, err := h.s.Backend.DescribeENIs(ctx, backend.DescribeENIsInput{Region: h.s.Region, IDs: []eni.ID{id}})
	if err != nil || len(page.ENIs) != 1 {
		return eni.Interface{}, false
	}
	return page.ENIs[0], true
}

func (h *h) eni(id eni.ID) eni.Interface {
	h.t.Helper()
	n, ok := h.describeENI(h.ctx, id)
	if !ok {
		h.t.Fatalf("ENI %s not found", id)
	}
	return n
}

func (h *h) waitENI(id eni.ID, want eni.Status) eni.Interface {
	h.t.Helper()
	n, ok := h.waitENIQuiet(h.ctx, id, want)
	if !ok {
		h.t.Fatalf("ENI %s did not reach status %v: %+v", id, want, n)
	}
	return n
}

func (h *h) waitENIQuiet(ctx context.Context, id eni.ID, want eni.Status) (eni.Interface, bool) {
	return waitFor(ctx, h, func(ctx context.Context) (eni.Interface, bool) { return h.describeENI(ctx, id) },
		func(n eni.Interface) bool { return n.Status == want }, want == 0)
}

// associate associates an EIP with an ENI and waits until it is InUse.
func (h *h) associate(a eip.ID, n eni.ID, m modes.Mode, private netip.Addr) eip.Address {
	h.t.Helper()
	h.ok(h.assoc(a, n, m, private), "AssociateEIP")
	got := h.waitEIP(a, eip.InUse)
	as := got.Association
	if as.InstanceType != eip.NetworkInterface || as.InstanceID != string(n) || as.Mode != m {
		h.t.Fatalf("after AssociateEIP, association is %+v", as)
	}
	if m == modes.NAT && private.IsValid() && as.PrivateIP != private {
		h.t.Fatalf("NAT association maps to %v, want %v", as.PrivateIP, private)
	}
	return got
}

func (h *h) assoc(a eip.ID, n eni.ID, m modes.Mode, private netip.Addr) error {
	return h.s.Backend.AssociateEIP(h.ctx, backend.AssociateEIPInput{
		Region: h.s.Region, EIP: a, InstanceID: string(n), InstanceType: eip.NetworkInterface, Mode: m, PrivateIP: private,
	})
}

func (h *h) attach(n eni.ID) {
	h.t.Helper()
	h.ok(
		h.s.Backend.AttachENI(h.ctx, backend.AttachENIInput{Region: h.s.Region, ENI: n, Instance: h.s.Instance}),
		"AttachENI",
	)
	got := h.waitENI(n, eni.InUse)
	if got.Instance != h.s.Instance {
		h.t.Fatalf("after AttachENI, ENI is on %q", got.Instance)
	}
}

// modeOffered reports whether the setup's region offers mode m.
func (h *h) modeOffered(m modes.Mode) bool {
	info, err := regions.Lookup(h.s.Region)
	return err == nil && info.Supports(m)
}
