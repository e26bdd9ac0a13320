package fake_test

import (
	"context"
	"errors"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
	"github.com/google/go-cmp/cmp"
)

const region = "cn-shanghai"

func assocInput(a eip.ID, n eni.ID, m modes.Mode) backend.AssociateEIPInput {
	return backend.AssociateEIPInput{
		Region:       region,
		EIP:          a,
		InstanceID:   string(n),
		InstanceType: eip.NetworkInterface,
		Mode:         m,
	}
}

func TestFaults(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newAccount(fake.Options{})
	if err := f.InjectFault("Nope", fake.Fault{}); err == nil {
		t.Error("InjectFault accepted an unknown op")
	}
	if err := f.InjectFault(backend.OpDescribeEIPs, fake.Throttle(2)); err != nil {
		t.Fatal(err)
	}
	in := backend.DescribeEIPsInput{Region: region}
	for i := range 4 {
		_, err := f.DescribeEIPs(ctx, in)
		if want := i >= 2; (err != nil) != want || (want && !errors.Is(err, backend.ErrThrottled)) {
			t.Errorf("call %d: err = %v", i, err)
		}
	}
	custom := errors.New("boom")
	_ = f.InjectFault(backend.OpDescribeEIPs, fake.Fault{Err: custom, Times: 1})
	if _, err := f.DescribeEIPs(ctx, in); !errors.Is(err, custom) {
		t.Errorf("custom fault: %v", err)
	}
	if _, err := f.DescribeEIPs(ctx, in); err != nil {
		t.Errorf("fault with Times=1 fired twice: %v", err)
	}
	_ = f.InjectFault(backend.OpDescribeEIPs, fake.Fault{Latency: time.Hour})
	short, cancel := context.WithTimeout(ctx, 10*time.Millisecond)
	defer cancel()
	if _, err := f.DescribeEIPs(short, in); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("latency fault under a deadline: %v", err)
	}
	f.ClearFaults()
	if _, err := f.DescribeEIPs(ctx, in); err != nil {
		t.Errorf("after ClearFaults: %v", err)
	}
}

func TestCallsRecorded(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newAccount(fake.Options{})
	f.ResetCalls()
	_, _ = f.AllocateEIP(ctx, backend.AllocateEIPInput{Region: region})
	_ = f.ReleaseEIP(ctx, backend.ReleaseEIPInput{Region: region, EIP: "eip-missing"})
	calls := f.Calls()
	if len(calls) != 2 || calls[0].Op != backend.OpAllocateEIP || calls[1].Err == nil || calls[1].RequestID == "" {
		t.Fatalf("calls = %+v", calls)
	}
	if e, _ := errors.AsType[*backend.Error](calls[1].Err); e.RequestID != calls[1].RequestID {
		t.Errorf("the error's request ID %q differs from the call's %q", e.RequestID, calls[1].RequestID)
	}
	calls[0].Op = "changed"
	if f.Calls()[0].Op != backend.OpAllocateEIP {
		t.Error("Calls shares storage")
	}
}

func TestSnapshotRestore(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newAccount(fake.Options{})
	snap := f.Snapshot()
	a, _ := f.AllocateEIP(ctx, backend.AllocateEIPInput{Region: region})
	n, _ := f.CreateENI(ctx, backend.CreateENIInput{Region: region, VSwitch: "vsw-1"})
	if err := f.AssociateEIP(ctx, assocInput(a.ID, n.ID, modes.NAT)); err != nil {
		t.Fatal(err)
	}
	after := f.Snapshot()
	f.Restore(snap)
	if page, _ := f.DescribeEIPs(ctx, backend.DescribeEIPsInput{Region: region}); page.TotalCount != 0 {
		t.Fatalf("after Restore, %d EIPs", page.TotalCount)
	}
	// The restored account can reuse the addresses and IDs the undone calls took.
	n2, err := f.CreateENI(ctx, backend.CreateENIInput{Region: region, VSwitch: "vsw-1", PrimaryIP: n.PrimaryIP})
	if err != nil || n2.PrimaryIP != n.PrimaryIP {
		t.Fatalf("CreateENI after Restore: %v", err)
	}
	f.Restore(after)
	page, _ := f.DescribeEIPs(ctx, backend.DescribeEIPsInput{Region: region})
	if page.TotalCount != 1 || page.EIPs[0].Status != eip.InUse {
		t.Fatalf("after restoring the later snapshot: %+v", page)
	}
}

func TestManualClockStepsTransitions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	clock := fake.NewManualClock(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	f := newAccount(fake.Options{Clock: clock.Now, TransitionDelay: 3 * time.Second})
	a, _ := f.AllocateEIP(ctx, backend.AllocateEIPInput{Region: region})
	n, _ := f.CreateENI(ctx, backend.CreateENIInput{Region: region, VSwitch: "vsw-1"})
	status := func() eip.Status {
		page, _ := f.DescribeEIPs(ctx, backend.DescribeEIPsInput{Region: region, IDs: []eip.ID{a.ID}})
		if len(page.EIPs) == 0 {
			return 0
		}
		return page.EIPs[0].Status
	}
	steps := []struct {
		do   func() error
		wait time.Duration
		want eip.Status
	}{
		{func() error { return f.AssociateEIP(ctx, assocInput(a.ID, n.ID, modes.NAT)) }, 0, eip.Associating},
		{nil, 2 * time.Second, eip.Associating},
		{func() error {
			err := f.UnassociateEIP(ctx, backend.UnassociateEIPInput{Region: region, EIP: a.ID})
			if !errors.Is(err, backend.ErrInvalidState) {
				return errors.New("unassociate during Associating: " + errString(err))
			}
			return nil
		}, 0, eip.Associating},
		{nil, time.Second, eip.InUse},
		{
			func() error { return f.UnassociateEIP(ctx, backend.UnassociateEIPInput{Region: region, EIP: a.ID}) },
			0,
			eip.Unassociating,
		},
		{nil, 3 * time.Second, eip.Available},
		{
			func() error { return f.ReleaseEIP(ctx, backend.ReleaseEIPInput{Region: region, EIP: a.ID}) },
			0,
			eip.Releasing,
		},
		{nil, 3 * time.Second, 0},
	}
	for i, s := range steps {
		if s.do != nil {
			if err := s.do(); err != nil {
				t.Fatalf("step %d: %v", i, err)
			}
		}
		clock.Advance(s.wait)
		if got := status(); got != s.want {
			t.Fatalf("step %d: status %v, want %v", i, got, s.want)
		}
	}
}

func errString(err error) string {
	if err == nil {
		return "nil"
	}
	return err.Error()
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	run := func() []string {
		ctx := context.Background()
		f := newAccount(fake.Options{Seed: 42})
		var out []string
		for range 3 {
			a, _ := f.AllocateEIP(ctx, backend.AllocateEIPInput{Region: region})
			n, _ := f.CreateENI(ctx, backend.CreateENIInput{Region: region, VSwitch: "vsw-1", SecondaryIPCount: 1})
			out = append(out, string(a.ID), a.IP.String(), string(n.ID), n.PrimaryIP.String())
		}
		for _, c := range f.Calls() {
			out = append(out, c.RequestID)
		}
		return out
	}
	if diff := cmp.Diff(run(), run()); diff != "" {
		t.Errorf("same seed, different values (-first +second):\n%s", diff)
	}
	f := newAccount(fake.Options{Seed: 43})
	a, _ := f.AllocateEIP(context.Background(), backend.AllocateEIPInput{Region: region})
	if a.ID == eip.ID(run()[0]) {
		t.Error("different seeds give the same ID")
	}
}

// TestBehaviourNAT: a NAT association with an attached secondary ENI fails with
// Eni.Attached under the documented behaviour (the default: the documentation's
// prerequisite), and succeeds under the observed one (the API in practice).
func TestBehaviourNAT(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, b := range []eipassoc.Behaviour{eipassoc.Documented, eipassoc.Observed} {
		documented := b == eipassoc.Documented
		f := fake.NewBuilder(fake.Options{Behaviour: b}).
			VSwitch("vsw-1", region, "cn-shanghai-b", "vpc-1", "192.168.0.0/24").
			Instance("i-1", "ecs.g7.large", "vsw-1").
			AttachedENI("eni-1", "vsw-1", 2, "i-1").
			EIP("eip-1", region).
			MustBuild()
		err := f.AssociateEIP(ctx, assocInput("eip-1", "eni-1", modes.NAT))
		if got := backend.Code(err); (documented && got != "Eni.Attached") || (!documented && err != nil) {
			t.Errorf("Behaviour %v: %v", b, err)
		}
	}
}

func TestSeedErrors(t *testing.T) {
	t.Parallel()
	base := func() *fake.Builder {
		return fake.NewBuilder(fake.Options{}).VSwitch("vsw-1", region, "z", "vpc-1", "192.168.0.0/28")
	}
	tests := []struct {
		name  string
		b     *fake.Builder
		where string
		code  string
	}{
		{"bad cidr", fake.NewBuilder(fake.Options{}).VSwitch("vsw-1", region, "z", "vpc", "nope"), "builder", ""},
		{
			"unknown region",
			fake.NewBuilder(fake.Options{}).VSwitch("vsw-1", "mars-1", "z", "vpc", "10.0.0.0/24"),
			"vswitches[0]",
			"",
		},
		{"unknown vswitch", base().ENI("eni-1", "vsw-9", 1), "enis[0]", ""},
		{"unknown instance type", base().Instance("i-1", "ecs.nope.large", "vsw-1"), "instances[0]", ""},
		{"duplicate ID", base().ENI("eni-1", "vsw-1", 1).ENI("eni-1", "vsw-1", 1), "enis[1]", ""},
		{"vswitch full", base().ENI("eni-1", "vsw-1", 13), "enis[0]", "InvalidVSwitchId.IpNotEnough"},
		{
			"bad association",
			base().ENI("eni-1", "vsw-1", 2).AssociatedEIP("eip-1", region, "eni-1", modes.Binded, netip.Addr{}),
			"eips[0]",
			"Eni.HasSubIp",
		},
		{
			"attach to missing instance",
			base().AttachedENI("eni-1", "vsw-1", 1, "i-9"),
			"enis[0]",
			"InvalidInstanceId.NotFound",
		},
	}
	for _, tc := range tests {
		_, err := tc.b.Build()
		te, ok := errors.AsType[*fake.TopologyError](err)
		if !ok || !errors.Is(err, fake.ErrTopology) || !strings.HasPrefix(te.Where, tc.where) ||
			te.Code() != "topology-invalid" {
			t.Errorf("%s: Build() = %v", tc.name, err)
			continue
		}
		if tc.code != "" && backend.Code(err) != tc.code {
			t.Errorf("%s: code %q, want %q", tc.name, backend.Code(err), tc.code)
		}
	}
}

func TestSeedIsAtomic(t *testing.T) {
	t.Parallel()
	f := newAccount(fake.Options{})
	err := f.Seed(
		fake.Topology{EIPs: []fake.EIPSpec{{ID: "eip-ok", Region: region}, {ID: "eip-bad", Region: "mars-1"}}},
	)
	if err == nil {
		t.Fatal("seed with a bad EIP succeeded")
	}
	page, _ := f.DescribeEIPs(context.Background(), backend.DescribeEIPsInput{Region: region})
	if page.TotalCount != 0 {
		t.Errorf("a failed seed left %d EIPs", page.TotalCount)
	}
}

func TestLoadTopology(t *testing.T) {
	t.Parallel()
	const doc = `{
	  "vswitches": [{"id": "vsw-1", "region": "cn-shanghai", "zone": "cn-shanghai-b", "vpc": "vpc-1",
	                 "cidr": "192.168.0.0/24"}],
	  "instances": [{"id": "i-1", "type": "ecs.g5.large", "vswitch": "vsw-1", "dhcp": "enabled"}],
	  "enis": [{"id": "eni-1", "vswitch": "vsw-1", "secondary_ip_count": 1}],
	  "eips": [{"id": "eip-1", "region": "cn-shanghai", "charge_type": "PrePaid",
	            "association": {"eni": "eni-1", "mode": "NAT", "private_ip": "192.168.0.4"}}]
	}`
	topo, err := fake.LoadTopology(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	f := fake.New(fake.Options{})
	if err := f.Seed(topo); err != nil {
		t.Fatal(err)
	}
	page, _ := f.DescribeEIPs(context.Background(), backend.DescribeEIPsInput{Region: region, IDs: []eip.ID{"eip-1"}})
	if len(page.EIPs) != 1 || page.EIPs[0].Association.PrivateIP != netip.MustParseAddr("192.168.0.4") ||
		page.EIPs[0].ChargeType != eip.PrePaid {
		t.Fatalf("seeded EIP: %+v", page.EIPs)
	}
	for _, bad := range []string{``, `{"vswitches": 1}`, `{"nope": []}`, `{} {}`, `{"eips":[{"charge_type":"Free"}]}`} {
		if _, err := fake.LoadTopology(strings.NewReader(bad)); !errors.Is(err, fake.ErrTopology) {
			t.Errorf("LoadTopology(%q) = %v", bad, err)
		}
	}
}

func FuzzLoadTopology(f *testing.F) {
	f.Add(
		`{"vswitches":[{"id":"vsw-1","region":"cn-shanghai","zone":"z","vpc":"v","cidr":"10.0.0.0/24"}],"enis":[{"vswitch":"vsw-1","secondary_ip_count":2}],"eips":[{"region":"cn-shanghai","association":{"eni":"eni-x"}}]}`,
	)
	f.Add(`{"instances":[{"id":"i","type":"ecs.g7.large","vswitch":"vsw-1"}]}`)
	f.Add(`{"eips":[{"region":"cn-shanghai","lock_reasons":["security"]}]}`)
	f.Add(`[]`)
	f.Add(
		`{"vpcs":[{"id":"vpc-1","region":"cn-shanghai","cidr":"172.16.0.0/16"}],"vswitches":[{"id":"vsw-1","region":"cn-shanghai","zone":"z","vpc":"vpc-1","cidr":"172.16.1.0/24"}],"security_groups":[{"id":"sg-1","region":"cn-shanghai","vpc":"vpc-1","type":"weird"}]}`,
	)
	// IPv6 wherever an address goes: an EIP is IPv4 only, vSwitches and ENIs too.
	f.Add(
		`{"vswitches":[{"id":"vsw-1","region":"cn-shanghai","zone":"z","vpc":"v","cidr":"10.0.0.0/24"}],"enis":[{"id":"eni-a","vswitch":"vsw-1","secondary_ip_count":2}],"eips":[{"region":"cn-shanghai","ip":"2001:db8::7","association":{"eni":"eni-a","mode":"MULTI_BINDED"}}]}`,
	)
	f.Add(`{"vswitches":[{"id":"vsw-1","region":"cn-shanghai","zone":"z","vpc":"v","cidr":"2001:db8::/64"}]}`)
	f.Add(
		`{"vswitches":[{"id":"vsw-1","region":"cn-shanghai","zone":"z","vpc":"v","cidr":"10.0.0.0/24"}],"enis":[{"vswitch":"vsw-1","primary_ip":"::ffff:10.0.0.9","secondary_ips":["fe80::1"]}]}`,
	)
	f.Add(
		`{"vswitches":[{"id":"vsw-1","region":"cn-shanghai","zone":"z","vpc":"v","cidr":"10.0.0.0/24"}],"enis":[{"id":"eni-a","vswitch":"vsw-1"}],"eips":[{"region":"cn-shanghai","association":{"eni":"eni-a","mode":"NAT","private_ip":"2001:db8::1"}}]}`,
	)
	// Resources of other products and accounts, and released EIPs.
	f.Add(`{"prefix_lists":[{"id":"pl-1","region":"cn-shanghai","entries":["10.0.0.0/8"]}],"peer_groups":[{"id":"sg-p","region":"cn-shanghai","account":"1"}],"ipam_pools":[{"id":"ip-1","region":"cn-shanghai","cidrs":["10.0.0.0/8"]}],"public_ip_pools":[{"id":"pp","region":"cn-shanghai","cidrs":["47.1.0.0/24"]}]}`)
	f.Add(`{"resources":[{"kind":"kms_key","id":"k","region":"cn-shanghai"},{"kind":"nope","id":"x","region":"cn-shanghai"}],"launch_templates":[{"id":"lt","name":"n","region":"cn-shanghai","versions":[]}],"released_eips":[{"id":"eip-r","region":"cn-shanghai","ip":"::1"}]}`)
	f.Fuzz(func(t *testing.T, doc string) {
		topo, err := fake.LoadTopology(strings.NewReader(doc))
		if err != nil {
			if !errors.Is(err, fake.ErrTopology) {
				t.Fatalf("untyped error %v", err)
			}
			return
		}
		fk := fake.New(fake.Options{Account: eipassoc.Account{MultiBindedAllowed: true}})
		if err := fk.Seed(topo); err != nil {
			if !errors.Is(err, fake.ErrTopology) {
				t.Fatalf("Seed: untyped error %v", err)
			}
			return
		}
		// What was seeded can be read back without a panic.
		ctx := context.Background()
		for _, r := range []string{"cn-shanghai", "cn-hangzhou"} {
			if _, err := fk.DescribeEIPs(ctx, backend.DescribeEIPsInput{Region: regions.ID(r), PageSize: 100}); err != nil {
				t.Fatalf("DescribeEIPs: %v", err)
			}
			page, err := fk.DescribeENIs(ctx, backend.DescribeENIsInput{Region: regions.ID(r), MaxResults: 500})
			if err != nil {
				t.Fatalf("DescribeENIs: %v", err)
			}
			for _, n := range page.ENIs {
				if _, err := fk.DescribeEIPGatewayInfo(ctx, backend.DescribeEIPGatewayInfoInput{
					Region: regions.ID(r), ENI: n.ID,
				}); err != nil {
					t.Fatalf("DescribeEIPGatewayInfo(%s): %v", n.ID, err)
				}
			}
		}
	})
}

// TestFaultOnRunInstances: operations beyond the Backend interface take faults too
// (InjectFault once refused RunInstances as "not an operation of the fake").
func TestFaultOnRunInstances(t *testing.T) {
	t.Parallel()
	f := fake.NewBuilder(fake.Options{}).
		VSwitch("vsw-1", region, "cn-shanghai-b", "vpc-1", "192.168.0.0/24").
		MustBuild()
	if err := f.InjectFault(fake.OpRunInstances, fake.Fault{Code: "OperationConflict", Times: 1}); err != nil {
		t.Fatal(err)
	}
	in := fake.RunInstanceInput{
		Region:  region,
		Type:    "ecs.g7.large",
		VSwitch: "vsw-1",
		Image:   "ubuntu_22_04_x64_20G_alibase_20240130.vhd",
	}
	if _, err := f.RunInstance(context.Background(), in); backend.Code(err) != "OperationConflict" {
		t.Errorf("first RunInstances: %v, want the fault", err)
	}
	if _, err := f.RunInstance(context.Background(), in); err != nil {
		t.Errorf("second RunInstances: %v", err)
	}
	if err := f.InjectFault("RunInstance", fake.Fault{Code: "OperationConflict"}); err == nil {
		t.Error("an action that is not one of backend.Operations was accepted")
	}
}
