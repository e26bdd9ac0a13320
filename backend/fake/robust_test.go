package fake_test

import (
	"context"
	"errors"
	"math"
	"net/netip"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
)

// richAccount has an attached ENI, and a detached one with a multi-EIP-to-ENI EIP and a free EIP, so that the
// gateway, paging and association paths all have something to work on.
func richAccount() *fake.Backend {
	return fake.NewBuilder(fake.Options{Account: eipassoc.Account{MultiBindedAllowed: true}}).
		VSwitch("vsw-1", region, "cn-shanghai-b", "vpc-1", "192.168.0.0/24").
		Instance("i-1", "ecs.g7.large", "vsw-1").
		AttachedENI("eni-1", "vsw-1", 1, "i-1").
		ENI("eni-2", "vsw-1", 3).
		AssociatedEIP("eip-1", region, "eni-2", modes.MultiBinded, netip.Addr{}).
		EIP("eip-2", region).
		MustBuild()
}

// TestInjectFaultChecksTheCode: a misspelt code is refused with a typed error, a real
// one and a deliberately custom one are accepted, and an injected custom code reaches
// the caller as given.
func TestInjectFaultChecksTheCode(t *testing.T) {
	t.Parallel()
	f := newAccount(fake.Options{})
	refused := []struct {
		op    backend.Op
		fault fake.Fault
	}{
		{backend.OpAssociateEIP, fake.Fault{Code: "Throtling.User"}},
		{
			backend.OpAssociateEIP,
			fake.Fault{Code: "InvalidEip.NotFound"},
		}, // the cloud says InvalidAllocationId.NotFound
		{backend.OpAssociateEIP, fake.Fault{Code: "Throttling", Err: errors.New("x")}},
		{backend.OpAssociateEIP, fake.Fault{Code: "Throttling", After: -1}},
		{"Nope", fake.Fault{Code: "Throttling"}},
		// A describe changes nothing, so nothing takes effect before the fault.
		{backend.OpDescribeEIPs, fake.Fault{Code: "ServiceUnavailable", AfterChange: true}},
	}
	for _, tc := range refused {
		err := f.InjectFault(tc.op, tc.fault)
		var fe *fake.FaultError
		if !errors.As(err, &fe) || !errors.Is(err, fake.ErrInvalidFault) || fe.Code() != "fault-invalid" {
			t.Errorf("InjectFault(%s, %+v) = %v, want a *FaultError", tc.op, tc.fault, err)
		}
	}
	if err := f.InjectFault(backend.OpAssociateEIP, fake.Fault{Code: "TaskConflict"}); err != nil {
		t.Errorf("a known code refused: %v", err)
	}
	if err := f.InjectFault(backend.OpReleaseEIP, fake.Fault{Code: "MyTest.Code", Custom: true}); err != nil {
		t.Fatalf("a custom code refused: %v", err)
	}
	err := f.ReleaseEIP(context.Background(), backend.ReleaseEIPInput{Region: region, EIP: "eip-1"})
	if e, ok := errors.AsType[*backend.Error](err); !ok || e.Code != "MyTest.Code" {
		t.Errorf("the custom fault gave %v", err)
	}
}

// TestSeedRefusesIPv6EIP: an EIP is a public IPv4 address; an IPv6 one in a topology is
// a topology error, not a panic later in DescribeEIPGatewayInfo.
func TestSeedRefusesIPv6EIP(t *testing.T) {
	t.Parallel()
	for _, ip := range []string{"2001:db8::1", "::ffff:203.0.113.9"} {
		topo := fake.NewBuilder(fake.Options{}).Topology()
		topo.EIPs = append(topo.EIPs, fake.EIPSpec{Region: region, IP: netip.MustParseAddr(ip)})
		err := fake.New(fake.Options{}).Seed(topo)
		if !errors.Is(err, fake.ErrTopology) || !strings.Contains(err.Error(), "IPv4") {
			t.Errorf("seeding EIP %s: %v", ip, err)
		}
	}
}

// TestDescribePagesFarOut: a page number beyond the last page, up to the largest int,
// is an empty page with the total, as the cloud answers.
func TestDescribePagesFarOut(t *testing.T) {
	t.Parallel()
	f := richAccount()
	for _, n := range []int{2, 1 << 40, math.MaxInt / 10, math.MaxInt} {
		page, err := f.DescribeEIPs(
			context.Background(),
			backend.DescribeEIPsInput{Region: region, PageNumber: n, PageSize: 100},
		)
		if err != nil || len(page.EIPs) != 0 || page.TotalCount == 0 || page.PageNumber != n {
			t.Errorf("page %d: %+v, %v", n, page, err)
		}
	}
}

// FuzzBackendCalls drives the fake's public methods with arbitrary inputs: every call
// returns a result or a typed error, and never panics.
func FuzzBackendCalls(f *testing.F) {
	f.Add(uint8(0), "eip-1", "eni-1", "192.168.0.4", 1, 10)
	f.Add(uint8(1), "eip-1", "eni-1", "2001:db8::1", math.MaxInt, math.MaxInt)
	f.Add(uint8(2), "", "", "", -1, -1)
	f.Add(uint8(3), "eip-1", "eni-2", "::ffff:192.168.0.5", 0, 0)
	f.Add(uint8(4), "eip-2", "i-1", "192.168.0.200", 5, 1)
	f.Add(uint8(5), "x", "eni-1", "192.168.0.5", 1<<31, -7)
	f.Add(uint8(6), "eip-1", "eni-1", "", math.MinInt, 3)
	f.Fuzz(func(t *testing.T, which uint8, a, n, ip string, i, j int) {
		ctx := context.Background()
		b := richAccount()
		addr, _ := netip.ParseAddr(ip)
		var err error
		switch which % 12 {
		case 0:
			_, err = b.DescribeEIPs(
				ctx,
				backend.DescribeEIPsInput{Region: region, IDs: []eip.ID{eip.ID(a)}, PageNumber: i, PageSize: j},
			)
		case 1:
			_, err = b.DescribeENIs(
				ctx,
				backend.DescribeENIsInput{Region: region, IDs: []eni.ID{eni.ID(n)}, MaxResults: j, NextToken: a},
			)
		case 2:
			err = b.AssociateEIP(
				ctx,
				backend.AssociateEIPInput{
					Region:       region,
					EIP:          eip.ID(a),
					InstanceID:   n,
					InstanceType: eip.InstanceType(i % 8),
					Mode:         modes.Mode(j % 8),
					PrivateIP:    addr,
				},
			)
		case 3:
			_, err = b.AssignPrivateIPs(
				ctx,
				backend.AssignPrivateIPsInput{Region: region, ENI: eni.ID(n), IPs: []netip.Addr{addr}, Count: i},
			)
		case 4:
			_, err = b.CreateENI(
				ctx,
				backend.CreateENIInput{
					Region:           region,
					VSwitch:          a,
					PrimaryIP:        addr,
					SecondaryIPCount: i,
					Kind:             eni.Kind(j % 8),
				},
			)
		case 5:
			_, err = b.AllocateEIP(
				ctx,
				backend.AllocateEIPInput{
					Region:             region,
					ChargeType:         eip.ChargeType(i % 8),
					InternetChargeType: eip.InternetChargeType(j % 8),
					Bandwidth:          i,
				},
			)
		case 6:
			_, err = b.DescribeEIPGatewayInfo(ctx, backend.DescribeEIPGatewayInfoInput{Region: region, ENI: eni.ID(n)})
		case 7:
			err = b.UnassignPrivateIPs(
				ctx,
				backend.UnassignPrivateIPsInput{Region: region, ENI: eni.ID(n), IPs: []netip.Addr{addr}},
			)
		case 8:
			err = b.AttachENI(ctx, backend.AttachENIInput{Region: region, ENI: eni.ID(n), Instance: a})
		case 9:
			_, err = b.DescribeInstanceTypes(ctx, backend.DescribeInstanceTypesInput{Types: []string{a}})
		case 10:
			err = b.InjectFault(backend.Op(a), fake.Fault{Code: n, After: i, Times: j})
			if err != nil && !errors.Is(err, fake.ErrInvalidFault) {
				t.Fatalf("InjectFault: untyped error %v", err)
			}
			return
		case 11:
			err = b.UnassociateEIP(
				ctx,
				backend.UnassociateEIPInput{
					Region:       region,
					EIP:          eip.ID(a),
					InstanceID:   n,
					InstanceType: eip.InstanceType(i % 8),
				},
			)
		}
		if err != nil {
			if _, ok := errors.AsType[*backend.Error](err); !ok {
				t.Fatalf("call %d: untyped error %v", which%12, err)
			}
		}
	})
}
