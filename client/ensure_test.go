package client_test

import (
	"context"
	"errors"
	"net/netip"
	"testing"
	"time"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/client"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/modes"
)

// TestEnsure: a service that retries gets the association as asked, whether or not
// its first call got through, and a typed conflict when the EIP is associated in
// another way; nothing is called twice.
func TestEnsure(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := account(t, fake.Options{})
	c := fastClient(f, client.Options{})
	second := netip.MustParseAddr("192.168.0.6") // eni-1: .5 primary (after i-1, i-2), .6, .7
	r := client.AssociateRequest{Region: sh, EIP: "eip-1", ENI: "eni-1", Mode: modes.NAT, PrivateIP: second}

	first, err := c.Ensure(ctx, r)
	if err != nil || first.Status != eip.InUse {
		t.Fatalf("first Ensure: %v, %v", first.Status, err)
	}
	f.ResetCalls()
	again, err := c.Ensure(ctx, r)
	if err != nil {
		t.Fatalf("second Ensure: %v", err)
	}
	if again.ID != first.ID || again.IP != first.IP || again.Status != first.Status ||
		again.Association != first.Association {
		t.Errorf("second Ensure returned %+v, the first %+v", again, first)
	}
	if n := len(callsOf(f, backend.OpAssociateEIP)); n != 0 {
		t.Errorf("second Ensure called AssociateEipAddress %d times", n)
	}
	// Associate, retried the same way, is refused: the EIP is InUse.
	if _, err := c.Associate(ctx, r); !errors.Is(err, eipassoc.CodeEIPStatus) {
		t.Errorf("Associate after Ensure: %v, want eip-status", err)
	}

	for name, other := range map[string]client.AssociateRequest{
		"another private IP": {Region: sh, EIP: "eip-1", ENI: "eni-1", Mode: modes.NAT,
			PrivateIP: netip.MustParseAddr("192.168.0.7")},
		"the primary IP": {Region: sh, EIP: "eip-1", ENI: "eni-1", Mode: modes.NAT},
		"another ENI":    {Region: sh, EIP: "eip-1", ENI: "eni-2", Mode: modes.NAT},
		"another mode":   {Region: sh, EIP: "eip-1", ENI: "eni-1", Mode: modes.MultiBinded, PrivateIP: second},
	} {
		_, err := c.Ensure(ctx, other)
		var conflict *client.ConflictError
		if !errors.As(err, &conflict) || !errors.Is(err, client.ErrConflict) {
			t.Errorf("%s: %v, want a *ConflictError", name, err)
			continue
		}
		want := eip.Association{
			InstanceType: eip.NetworkInterface,
			InstanceID:   "eni-1",
			Mode:         modes.NAT,
			PrivateIP:    second,
		}
		if conflict.Have != want {
			t.Errorf("%s: Have = %+v, want %+v", name, conflict.Have, want)
		}
	}

	// The ENI's primary address named explicitly is the association on the primary
	// address (the API reports that one with no private IP).
	primary := netip.MustParseAddr("192.168.0.5")
	p := client.AssociateRequest{Region: sh, EIP: "eip-2", ENI: "eni-1", Mode: modes.NAT}
	if _, err := c.Ensure(ctx, p); err != nil {
		t.Fatal(err)
	}
	p.PrivateIP = primary
	if _, err := c.Ensure(ctx, p); err != nil {
		t.Errorf("Ensure naming the primary address: %v", err)
	}

	// The zero Mode is refused as Associate refuses it, on an EIP already InUse too.
	if _, err := c.Ensure(ctx, client.AssociateRequest{Region: sh, EIP: "eip-1", ENI: "eni-1"}); !errors.Is(
		err,
		eipassoc.CodeModeInvalid,
	) {
		t.Errorf("zero Mode: %v, want mode-invalid", err)
	}
}

// TestEnsureWaitsForTransition: an EIP still Associating (the first call's
// association in flight) is waited for, then found as asked.
func TestEnsureWaitsForTransition(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	clock := fake.NewManualClock(time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC))
	f := fake.NewBuilder(fake.Options{Clock: clock.Now, TransitionDelay: 3 * time.Second}).
		VSwitch("vsw-1", sh, "cn-shanghai-b", "vpc-1", "192.168.0.0/24").
		ENI("eni-1", "vsw-1", 1).
		EIP("eip-1", sh).
		MustBuild()
	r := client.AssociateRequest{Region: sh, EIP: "eip-1", ENI: "eni-1", Mode: modes.NAT}
	if err := f.AssociateEIP(ctx, backend.AssociateEIPInput{Region: sh, EIP: "eip-1", InstanceID: "eni-1",
		InstanceType: eip.NetworkInterface, Mode: modes.NAT}); err != nil {
		t.Fatal(err)
	}
	c := client.New(f, client.Options{Clock: clock, PollInterval: time.Second})
	a, err := c.Ensure(ctx, r)
	if err != nil || a.Status != eip.InUse {
		t.Fatalf("Ensure: %v, %v", a.Status, err)
	}
	if n := len(callsOf(f, backend.OpAssociateEIP)); n != 1 {
		t.Errorf("%d AssociateEipAddress calls, want the first one only", n)
	}
}
