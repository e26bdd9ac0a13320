package fake_test

import (
	"fmt"
	"net/netip"
	"testing"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
)

// scaleTopology is n ENIs with three secondary IPs each in one /16 vSwitch, and m EIPs,
// the first n/2 of them associated (NAT) with the first n/2 ENIs.
func scaleTopology(n, m int) fake.Topology {
	bld := fake.NewBuilder(fake.Options{}).VSwitch("vsw-1", region, "cn-shanghai-b", "vpc-1", "10.0.0.0/16")
	for i := range n {
		bld.ENI(eni.ID(fmt.Sprintf("eni-%d", i)), "vsw-1", 3)
	}
	for i := range m {
		if i < n/2 {
			bld.AssociatedEIP(
				eip.ID(fmt.Sprintf("eip-%d", i)),
				region,
				eni.ID(fmt.Sprintf("eni-%d", i)),
				modes.NAT,
				netip.Addr{},
			)
		} else {
			bld.EIP(eip.ID(fmt.Sprintf("eip-%d", i)), region)
		}
	}
	return bld.Topology()
}

// BenchmarkSeed seeds 5,000 ENIs (3 secondary IPs each) and 20,000 EIPs.
func BenchmarkSeed(b *testing.B) {
	topo := scaleTopology(5000, 20000)
	for b.Loop() {
		f := fake.New(fake.Options{EIPQuota: 20000})
		if err := f.Seed(topo); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAtScale measures single operations on an account of about 100 and about
// 20,000 resources: each must cost the same within a small factor at both sizes.
func BenchmarkAtScale(b *testing.B) {
	for _, size := range []struct{ enis, eips int }{{50, 100}, {5000, 20000}} {
		f := fake.New(fake.Options{EIPQuota: size.eips + 10})
		if err := f.Seed(scaleTopology(size.enis, size.eips)); err != nil {
			b.Fatal(err)
		}
		ctx := b.Context()
		last := eip.ID(fmt.Sprintf("eip-%d", size.eips-1))
		lastENI := eni.ID(fmt.Sprintf("eni-%d", size.enis-1))
		name := fmt.Sprintf("eips=%d", size.eips)
		b.Run(name+"/DescribeEIPs-by-id", func(b *testing.B) {
			for b.Loop() {
				if p, err := f.DescribeEIPs(ctx, backend.DescribeEIPsInput{Region: region, IDs: []eip.ID{last}}); err != nil ||
					len(p.EIPs) != 1 {
					b.Fatal(p, err)
				}
			}
		})
		b.Run(name+"/DescribeEIPs-first-page", func(b *testing.B) {
			for b.Loop() {
				if p, err := f.DescribeEIPs(ctx, backend.DescribeEIPsInput{Region: region, PageSize: 100}); err != nil ||
					p.TotalCount != size.eips {
					b.Fatal(p.TotalCount, err)
				}
			}
		})
		b.Run(name+"/DescribeEIPs-last-page", func(b *testing.B) {
			pages := (size.eips + 99) / 100
			for b.Loop() {
				if p, err := f.DescribeEIPs(ctx, backend.DescribeEIPsInput{
					Region: region, PageSize: 100, PageNumber: pages,
				}); err != nil ||
					len(p.EIPs) == 0 {
					b.Fatal(p.TotalCount, err)
				}
			}
		})
		b.Run(name+"/DescribeENIs-by-id", func(b *testing.B) {
			for b.Loop() {
				if p, err := f.DescribeENIs(ctx, backend.DescribeENIsInput{Region: region, IDs: []eni.ID{lastENI}}); err != nil ||
					len(p.ENIs) != 1 {
					b.Fatal(p, err)
				}
			}
		})
		b.Run(name+"/Associate-Unassociate", func(b *testing.B) {
			for b.Loop() {
				if err := f.AssociateEIP(ctx, assocInput(last, lastENI, modes.NAT)); err != nil {
					b.Fatal(err)
				}
				if err := f.UnassociateEIP(ctx, backend.UnassociateEIPInput{Region: region, EIP: last}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/Allocate-Release", func(b *testing.B) {
			for b.Loop() {
				a, err := f.AllocateEIP(ctx, backend.AllocateEIPInput{Region: region})
				if err != nil {
					b.Fatal(err)
				}
				if err := f.ReleaseEIP(ctx, backend.ReleaseEIPInput{Region: region, EIP: a.ID}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/CreateENI-DeleteENI", func(b *testing.B) {
			for b.Loop() {
				n, err := f.CreateENI(
					ctx,
					backend.CreateENIInput{Region: region, VSwitch: "vsw-1", SecondaryIPCount: 3},
				)
				if err != nil {
					b.Fatal(err)
				}
				if err := f.DeleteENI(ctx, backend.DeleteENIInput{Region: region, ENI: n.ID}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
