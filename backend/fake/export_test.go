package fake_test

import (
	"context"
	"encoding/json"
	"net/netip"
	"slices"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// observed is what the API shows of an account: every ENI and EIP, sorted by ID.
func observed(t interface{ Fatalf(string, ...any) }, f *fake.Backend) ([]eni.Interface, []eip.Address) {
	ctx := context.Background()
	enis, err := f.DescribeENIs(ctx, backend.DescribeENIsInput{Region: region, MaxResults: 500})
	if err != nil {
		t.Fatalf("DescribeENIs: %v", err)
	}
	eips, err := f.DescribeEIPs(ctx, backend.DescribeEIPsInput{Region: region, PageSize: 100})
	if err != nil {
		t.Fatalf("DescribeEIPs: %v", err)
	}
	slices.SortFunc(enis.ENIs, func(a, b eni.Interface) int { return strings.Compare(string(a.ID), string(b.ID)) })
	slices.SortFunc(eips.EIPs, func(a, b eip.Address) int { return strings.Compare(string(a.ID), string(b.ID)) })
	return enis.ENIs, eips.EIPs
}

// TestTopologyRoundTrip: after any sequence of API calls, seeding a new account from
// Topology() (through its JSON, as serve saves it) shows the same ENIs and EIPs.
func TestTopologyRoundTrip(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		opts := fake.Options{Account: eipassoc.Account{MultiBindedAllowed: true}}
		f := richAccount()
		ctx := context.Background()
		enis := []string{"eni-1", "eni-2", "eni-3", "eni-i-1"}
		eips := []eip.ID{"eip-1", "eip-2", "eip-3"}
		for range rapid.IntRange(0, 25).Draw(t, "calls") {
			a := rapid.SampledFrom(eips).Draw(t, "eip")
			n := rapid.SampledFrom(enis).Draw(t, "eni")
			switch rapid.IntRange(0, 7).Draw(t, "call") {
			case 0:
				mode := rapid.SampledFrom([]modes.Mode{modes.NAT, modes.Binded, modes.MultiBinded}).Draw(t, "mode")
				in := assocInput(a, eni.ID(n), mode)
				if page, _ := f.DescribeENIs(ctx, backend.DescribeENIsInput{
					Region: region, IDs: []eni.ID{eni.ID(n)},
				}); mode == modes.NAT &&
					len(page.ENIs) == 1 &&
					len(page.ENIs[0].SecondaryIPs) > 0 {
					in.PrivateIP = rapid.SampledFrom(page.ENIs[0].SecondaryIPs).Draw(t, "private IP")
				}
				_ = f.AssociateEIP(ctx, in)
			case 1:
				_ = f.UnassociateEIP(ctx, backend.UnassociateEIPInput{Region: region, EIP: a})
			case 2:
				_ = f.AttachENI(ctx, backend.AttachENIInput{Region: region, ENI: eni.ID(n), Instance: "i-1"})
			case 3:
				_ = f.DetachENI(ctx, backend.DetachENIInput{Region: region, ENI: eni.ID(n), Instance: "i-1"})
			case 4:
				_, _ = f.AssignPrivateIPs(
					ctx,
					backend.AssignPrivateIPsInput{
						Region: region,
						ENI:    eni.ID(n),
						Count:  rapid.IntRange(1, 3).Draw(t, "count"),
					},
				)
			case 5:
				if _, err := f.CreateENI(ctx, backend.CreateENIInput{
					Region: region, VSwitch: "vsw-1", SecondaryIPCount: 1,
				}); err != nil {
					t.Fatalf("CreateENI: %v", err)
				}
			case 6:
				if got, err := f.AllocateEIP(ctx, backend.AllocateEIPInput{Region: region}); err == nil {
					eips = append(eips, got.ID)
				}
			case 7:
				_ = f.ReleaseEIP(ctx, backend.ReleaseEIPInput{Region: region, EIP: a})
			}
		}
		doc, err := json.Marshal(f.Topology())
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		topo, err := fake.LoadTopology(strings.NewReader(string(doc)))
		if err != nil {
			t.Fatalf("LoadTopology of Topology(): %v\n%s", err, doc)
		}
		again := fake.New(opts)
		if err := again.Seed(topo); err != nil {
			t.Fatalf("Seed from Topology(): %v\n%s", err, doc)
		}
		wantENIs, wantEIPs := observed(t, f)
		gotENIs, gotEIPs := observed(t, again)
		if diff := cmp.Diff(wantENIs, gotENIs, cmp.Comparer(func(a, b netip.Addr) bool { return a == b })); diff != "" {
			t.Fatalf("ENIs differ (-before +after):\n%s", diff)
		}
		if diff := cmp.Diff(wantEIPs, gotEIPs, cmp.Comparer(func(a, b netip.Addr) bool { return a == b })); diff != "" {
			t.Fatalf("EIPs differ (-before +after):\n%s", diff)
		}
	})
}
