package fake_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
)

// TestConcurrentAssociations races 64 goroutines associating and disassociating 16
// EIPs on 6 ENIs. Afterwards the cloud's invariants hold, and replaying the successful
// calls in the order the fake serialised them (its call log) gives exactly the final
// state: no success was lost or half applied.
func TestConcurrentAssociations(t *testing.T) {
	t.Parallel()
	const goroutines, rounds = 64, 60
	bld := fake.NewBuilder(fake.Options{Seed: 9, Account: eipassoc.Account{MultiBindedAllowed: true}}).
		VSwitch("vsw-1", region, "cn-shanghai-b", "vpc-1", "192.168.0.0/24")
	var enis []eni.ID
	for i := range 6 {
		id := eni.ID(fmt.Sprintf("eni-%d", i))
		enis = append(enis, id)
		bld.ENI(id, "vsw-1", 1+i%4)
	}
	var eips []eip.ID
	for i := range 16 {
		id := eip.ID(fmt.Sprintf("eip-%d", i))
		eips = append(eips, id)
		bld.EIP(id, region)
	}
	f := bld.MustBuild()
	f.ResetCalls()

	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(g), 1))
			for range rounds {
				a := eips[rng.IntN(len(eips))]
				if rng.IntN(3) == 0 {
					_ = f.UnassociateEIP(context.Background(), backend.UnassociateEIPInput{Region: region, EIP: a})
					continue
				}
				_ = f.AssociateEIP(context.Background(), backend.AssociateEIPInput{
					Region: region, EIP: a, InstanceID: string(enis[rng.IntN(len(enis))]), InstanceType: eip.NetworkInterface,
					Mode: modes.All()[rng.IntN(3)],
				})
			}
		})
	}
	wg.Wait()

	// Replay the successful calls in the fake's order.
	want := map[eip.ID]string{}
	successes := 0
	for _, c := range f.Calls() {
		if c.Err != nil {
			continue
		}
		successes++
		switch in := c.Input.(type) {
		case backend.AssociateEIPInput:
			want[in.EIP] = in.InstanceID + "/" + in.Mode.String()
		case backend.UnassociateEIPInput:
			delete(want, in.EIP)
		}
	}
	if successes == 0 {
		t.Fatal("no call succeeded")
	}
	page, err := f.DescribeEIPs(context.Background(), backend.DescribeEIPsInput{Region: region, PageSize: 100})
	if err != nil {
		t.Fatal(err)
	}
	got := map[eip.ID]string{}
	perENI := map[string][]eip.Address{}
	for _, a := range page.EIPs {
		if !a.Association.IsZero() {
			got[a.ID] = a.Association.InstanceID + "/" + a.Association.Mode.String()
			perENI[a.Association.InstanceID] = append(perENI[a.Association.InstanceID], a)
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("final state differs from the replayed successes:\n got %v\nwant %v", got, want)
	}
	for id, bound := range perENI {
		page, _ := f.DescribeENIs(
			context.Background(),
			backend.DescribeENIsInput{Region: region, IDs: []eni.ID{eni.ID(id)}},
		)
		n := page.ENIs[0]
		mode := bound[0].Association.Mode
		if limit := mode.Properties().SecondaryENI.Limit(n.PrivateIPCount()); len(bound) > limit {
			t.Errorf("%s carries %d EIPs in %v, limit %d", id, len(bound), mode, limit)
		}
		for _, a := range bound {
			if a.Association.Mode != mode {
				t.Errorf("%s mixes modes", id)
			}
		}
	}
	t.Logf("%d successful calls of %d", successes, goroutines*rounds)
}
