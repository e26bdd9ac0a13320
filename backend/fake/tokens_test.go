package fake_test

import (
	"context"
	"testing"
	"time"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/modes"
)

// TestTokenAfterRestore: a ClientToken remembered before a Restore is forgotten by it,
// so the same Associate after a reset associates the EIP again instead of answering a
// replay of an association the restored account does not have.
func TestTokenAfterRestore(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newAccount(fake.Options{})
	a, err := f.AllocateEIP(ctx, backend.AllocateEIPInput{Region: region})
	if err != nil {
		t.Fatal(err)
	}
	n, err := f.CreateENI(ctx, backend.CreateENIInput{Region: region, VSwitch: "vsw-1"})
	if err != nil {
		t.Fatal(err)
	}
	seeded := f.Snapshot()
	in := backend.AssociateEIPInput{Region: region, EIP: a.ID, InstanceID: string(n.ID),
		InstanceType: eip.NetworkInterface, Mode: modes.NAT, ClientToken: "tok-1"}
	if err := f.AssociateEIP(ctx, in); err != nil {
		t.Fatal(err)
	}
	f.Restore(seeded)
	if err := f.AssociateEIP(ctx, in); err != nil {
		t.Fatal(err)
	}
	page, err := f.DescribeEIPs(ctx, backend.DescribeEIPsInput{Region: region, IDs: []eip.ID{a.ID}})
	if err != nil || len(page.EIPs) != 1 || page.EIPs[0].Status != eip.InUse ||
		page.EIPs[0].Association.InstanceID != string(n.ID) {
		t.Fatalf("the token's call after a Restore did not associate: %+v %v", page, err)
	}
}

// TestTokenWindow: within Options.TokenWindow a token reused with other parameters is
// IdempotentParameterMismatch (the API's answer); once the window has passed on the
// clock it is forgotten, and the call is made afresh.
func TestTokenWindow(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	clock := fake.NewManualClock(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	f := newAccount(fake.Options{Clock: clock.Now, TokenWindow: 10 * time.Minute})
	alloc := func(name string) error {
		_, err := f.AllocateEIP(ctx, backend.AllocateEIPInput{Region: region, Name: name, ClientToken: "tok-1"})
		return err
	}
	if err := alloc("a"); err != nil {
		t.Fatal(err)
	}
	clock.Advance(10*time.Minute - time.Second)
	if got := backend.Code(alloc("b")); got != "IdempotentParameterMismatch" {
		t.Fatalf("within the window: %q, want IdempotentParameterMismatch", got)
	}
	clock.Advance(time.Second)
	if err := alloc("b"); err != nil {
		t.Fatalf("after the window: %v, want the call made afresh", err)
	}
	page, _ := f.DescribeEIPs(ctx, backend.DescribeEIPsInput{Region: region})
	if page.TotalCount != 2 {
		t.Fatalf("%d EIPs, want 2 (the second made after the first token expired)", page.TotalCount)
	}
}
