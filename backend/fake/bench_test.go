package fake_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
)

// benchAccount has n ENIs with 10 private IPs each and n EIPs.
func benchAccount(n int) *fake.Backend {
	bld := fake.NewBuilder(fake.Options{NoCallLog: true, EIPQuota: n}).
		VSwitch("vsw-1", region, "cn-shanghai-b", "vpc-1", "10.0.0.0/16")
	for i := range n {
		bld.ENI(eni.ID(fmt.Sprintf("eni-%d", i)), "vsw-1", 10).EIP(eip.ID(fmt.Sprintf("eip-%d", i)), region)
	}
	return bld.MustBuild()
}

// BenchmarkAssociateUnassociate is one NAT association and its disassociation.
func BenchmarkAssociateUnassociate(b *testing.B) {
	f := benchAccount(1)
	ctx := context.Background()
	assoc := backend.AssociateEIPInput{
		Region:       region,
		EIP:          "eip-0",
		InstanceID:   "eni-0",
		InstanceType: eip.NetworkInterface,
		Mode:         modes.NAT,
	}
	unassoc := backend.UnassociateEIPInput{Region: region, EIP: "eip-0"}
	b.ReportAllocs()
	for b.Loop() {
		if err := f.AssociateEIP(ctx, assoc); err != nil {
			b.Fatal(err)
		}
		if err := f.UnassociateEIP(ctx, unassoc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAssociateUnassociateParallel runs round trips on 64 EIP/ENI pairs from all
// cores; every goroutine works on its own pair.
func BenchmarkAssociateUnassociateParallel(b *testing.B) {
	const pairs = 64
	f := benchAccount(pairs)
	var next atomic.Int64
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		i := next.Add(1) % pairs
		ctx := context.Background()
		assoc := backend.AssociateEIPInput{
			Region:       region,
			EIP:          eip.ID(fmt.Sprintf("eip-%d", i)),
			InstanceID:   fmt.Sprintf("eni-%d", i),
			InstanceType: eip.NetworkInterface,
			Mode:         modes.NAT,
		}
		unassoc := backend.UnassociateEIPInput{Region: region, EIP: assoc.EIP}
		for pb.Next() {
			if err := f.AssociateEIP(ctx, assoc); err != nil {
				b.Error(err)
				return
			}
			if err := f.UnassociateEIP(ctx, unassoc); err != nil {
				b.Error(err)
				return
			}
		}
	})
}
